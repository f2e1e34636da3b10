package io.tcpfsm.linux;

import io.tcpfsm.capture.CaptureException;
import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.Record;
import io.tcpfsm.wire.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A capture of one {@link SocketScenario} as the project's decoder reads it, and its outline: the
 * segments with SYN, FIN or RST in order, each as {@code SIDE:FLAGS} in tcpdump's letters
 * ({@code C:S}, {@code S:S.}, {@code C:F.}, {@code S:R.}; PSH left out), then {@code /} and the
 * last frame. C is the end on port {@value SocketScenario#CLIENT_PORT}, S the one on
 * {@value SocketScenario#SERVER_PORT}. The outline is what stays the same from one recording to
 * the next (data and ACK timing vary), and what the verdicts in captures/linux/EXPECTED.md rest on.
 */
record Outline(List<Frame> frames) {
  static Outline read(Path pcap) throws IOException, CaptureException {
    List<Frame> frames = new ArrayList<>();
    try (InputStream in = Files.newInputStream(pcap); CaptureReader r = CaptureReader.open(in)) {
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        frames.add(FrameDecoder.decode(rec));
      }
    }
    return new Outline(List.copyOf(frames));
  }

  static boolean fromClient(Segment s) {
    return s.srcPort() == SocketScenario.CLIENT_PORT;
  }

  /** tcpdump's flag letters, without PSH: S, F, R, and '.' for ACK. */
  static String flags(Segment s) {
    StringBuilder b = new StringBuilder();
    if (s.syn()) {
      b.append('S');
    }
    if (s.fin()) {
      b.append('F');
    }
    if (s.rst()) {
      b.append('R');
    }
    if (s.ackFlag()) {
      b.append('.');
    }
    return b.toString();
  }

  static String label(Segment s) {
    return (fromClient(s) ? "C:" : "S:") + flags(s);
  }

  List<Segment> segments() {
    return frames.stream().map(Frame::segment).toList();
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(" ");
    for (Segment s : segments()) {
      if (s.syn() || s.fin() || s.rst()) {
        j.add(label(s));
      }
    }
    List<Segment> all = segments();
    return j + " / " + label(all.get(all.size() - 1));
  }

  /** Payload bytes the client sent, each sequence number counted once (retransmissions not again). */
  long clientBytes() {
    return uniqueBytes(true);
  }

  /** Payload bytes the server sent, each sequence number counted once. */
  long serverBytes() {
    return uniqueBytes(false);
  }

  private long uniqueBytes(boolean client) {
    java.util.Map<Long, Integer> bySeq = new java.util.TreeMap<>();
    for (Segment s : segments()) {
      if (fromClient(s) == client && s.length() > 0) {
        bySeq.merge(Integer.toUnsignedLong(s.seq()), s.length(), Math::max);
      }
    }
    return bySeq.values().stream().mapToLong(Integer::longValue).sum();
  }

  /** Data segments the client sent twice (the same sequence number). */
  long clientRetransmissions() {
    List<Long> seen = new ArrayList<>();
    long again = 0;
    for (Segment s : segments()) {
      if (fromClient(s) && s.length() > 0) {
        long seq = Integer.toUnsignedLong(s.seq());
        if (seen.contains(seq)) {
          again++;
        } else {
          seen.add(seq);
        }
      }
    }
    return again;
  }
}
