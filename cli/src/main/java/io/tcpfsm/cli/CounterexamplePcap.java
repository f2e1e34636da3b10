package io.tcpfsm.cli;

import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.explore.Run;
import io.tcpfsm.sim.SimLink;
import io.tcpfsm.wire.Ipv4;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run of the explorer as a capture Wireshark opens: every segment an end sent, in the
 * order sent (a capture taken beside the senders, so segments the network lost are in it),
 * as raw IPv4 frames one millisecond apart. Abstract sequence numbers become concrete ones by
 * adding each end's ISN base (a literal 0, a reset's "sequence number zero", stays 0); text is
 * one byte.
 */
final class CounterexamplePcap {
  static final byte[] ADDRESS_A = {10, 0, 0, 1};
  static final byte[] ADDRESS_B = {10, 0, 0, 2};
  static final int PORT_A = 40000;
  static final int PORT_B = 80;
  /** The concrete ISN base of each end's sequence space: abstract n is base + n. */
  static final long BASE_A = 1_000_000_000L;
  static final long BASE_B = 2_000_000_000L;
  private static final long EPOCH = 1_767_225_600L; // 2026-01-01T00:00:00Z: a fixed time, so a run's capture is the same each time

  private CounterexamplePcap() {}

  static void write(Run run, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      PcapWriter pcap = SimLink.pcapWriter(out);
      List<Run.Sent> sent = run.sent();
      for (int i = 0; i < sent.size(); i++) {
        byte[] frame = frame(sent.get(i), i + 1);
        long micros = (long) sent.get(i).step() * 1000 + i;
        pcap.write(EPOCH + micros / 1_000_000, (int) (micros % 1_000_000) * 1000, frame);
      }
      pcap.flush();
    }
  }

  static byte[] frame(Run.Sent s, int id) {
    long seqBase = s.fromA() ? BASE_A : BASE_B;
    long ackBase = s.fromA() ? BASE_B : BASE_A;
    int seq = concrete(s.seq(), seqBase);
    int ack = (s.flags() & Segment.ACK) != 0 ? concrete(s.ack(), ackBase) : 0;
    ByteBuffer payload = ByteBuffer.wrap(s.text() ? new byte[] {'x'} : new byte[0]);
    Segment seg = new Segment(s.fromA() ? PORT_A : PORT_B, s.fromA() ? PORT_B : PORT_A, seq, ack, 5, s.flags(), 4, 0, 0, List.of(), payload);
    byte[] src = s.fromA() ? ADDRESS_A : ADDRESS_B;
    byte[] dst = s.fromA() ? ADDRESS_B : ADDRESS_A;
    int tcpLength = SegmentCodec.encodedLength(seg);
    byte[] frame = new byte[20 + tcpLength];
    Ipv4.writeHeader(frame, 0, src, dst, 6, tcpLength, id, 64);
    SegmentCodec.encodeInto(seg, src, dst, frame, 20);
    return frame;
  }

  private static int concrete(int abstractSeq, long base) {
    return abstractSeq == 0 ? 0 : (int) (base + abstractSeq);
  }
}
