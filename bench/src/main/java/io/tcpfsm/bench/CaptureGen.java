package io.tcpfsm.bench;

import io.tcpfsm.capture.FrameBuilder;
import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The trace-checking benchmark's capture: about {@code PACKETS} Ethernet/IPv4/TCP frames in about
 * {@code CONNECTIONS} connections, interleaved, each a correct TCP exchange (handshake with MSS,
 * window-scale and SACK-permitted options, text with sequence and acknowledgment numbers that add
 * up, FIN close from the client, the server's FIN, the last ACK), valid checksums. A mix: 25 %
 * handshake and close only (6 frames), 70 % request and response (10 frames), 5 % bulk
 * transfers of 10 to 20 full segments with an ACK every second segment. Streamed: at most
 * {@link #ACTIVE} connections exist at once, so memory does not grow with the file.
 *
 * <p>Usage: {@code CaptureGen FILE [PACKETS [SEED]]} (default 1,000,000 packets, seed 1); prints
 * the frames and connections written. Each connection has its own client address (10.x.y.z), so
 * {@code tshark -z conv,tcp} counts exactly the connections.
 */
public final class CaptureGen {
  static final int ACTIVE = 1_000;
  static final int MSS = 1460;
  private static final byte[] SERVER = {10, 0, 0, 1};
  private static final byte[] TEXT = new byte[MSS];

  static {
    for (int i = 0; i < TEXT.length; i++) {
      TEXT[i] = (byte) ('a' + i % 26);
    }
  }

  private CaptureGen() {}

  /** One connection's remaining frames, made one at a time. */
  static final class Conn {
    final byte[] client;
    final int clientPort;
    final int serverPort;
    final List<int[]> plan = new ArrayList<>(); // {fromClient, flags, length}, in order
    int next;
    int cSeq; // client's next sequence number
    int sSeq; // server's

    Conn(int index, Random rnd) {
      int host = index + 2; // 10.0.0.1 is the server
      client = new byte[] {10, (byte) (host >>> 16), (byte) (host >>> 8), (byte) host};
      clientPort = 1024 + rnd.nextInt(64_000);
      // One server port, 80: tshark's HTTP dissector takes any text on it ("continuation"), where
      // on 443 text that is not TLS falls through to the client port's dissector (an OMAPI or
      // R3 port, say) and gets reported as a malformed packet of that protocol.
      serverPort = 80;
      cSeq = rnd.nextInt();
      sSeq = rnd.nextInt();
      add(1, Segment.SYN, 0);
      add(0, Segment.SYN | Segment.ACK, 0);
      add(1, Segment.ACK, 0);
      int kind = rnd.nextInt(100);
      if (kind >= 25 && kind < 95) {
        add(1, Segment.PSH | Segment.ACK, 80 + rnd.nextInt(400));      // request
        add(0, Segment.ACK, 0);
        add(0, Segment.PSH | Segment.ACK, 200 + rnd.nextInt(MSS - 200)); // response
        add(1, Segment.ACK, 0);
      } else if (kind >= 95) {
        int segments = 10 + rnd.nextInt(11);
        for (int i = 1; i <= segments; i++) {
          add(0, Segment.ACK, MSS);
          if (i % 2 == 0 || i == segments) {
            add(1, Segment.ACK, 0); // RFC 9293 3.8.6.3: an ACK at least every second full segment
          }
        }
      }
      add(1, Segment.FIN | Segment.ACK, 0);
      add(0, Segment.FIN | Segment.ACK, 0);
      add(1, Segment.ACK, 0);
    }

    private void add(int fromClient, int flags, int length) {
      plan.add(new int[] {fromClient, flags, length});
    }

    boolean done() {
      return next == plan.size();
    }

    /** The next frame, with the sequence space advanced past what it carries. */
    byte[] frame() {
      int[] p = plan.get(next++);
      boolean fromClient = p[0] == 1;
      int flags = p[1];
      int len = p[2];
      Segment.Builder b = Segment.builder()
          .srcPort(fromClient ? clientPort : serverPort).dstPort(fromClient ? serverPort : clientPort)
          .seq(fromClient ? cSeq : sSeq).ack((flags & Segment.ACK) != 0 ? (fromClient ? sSeq : cSeq) : 0)
          .flags(flags).window(fromClient ? 502 : 509)
          .payload(ByteBuffer.wrap(TEXT, 0, len));
      if ((flags & Segment.SYN) != 0) {
        b.options(new TcpOption.Mss(MSS), new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.SackPermitted(),
                new TcpOption.Nop(), new TcpOption.WindowScale(7))
            .window(64_240);
      }
      int advance = len + ((flags & Segment.SYN) != 0 ? 1 : 0) + ((flags & Segment.FIN) != 0 ? 1 : 0);
      if (fromClient) {
        cSeq += advance;
      } else {
        sSeq += advance;
      }
      Segment s = b.build();
      return fromClient ? FrameBuilder.frame(LinkType.ETHERNET, s, client, SERVER)
          : FrameBuilder.frame(LinkType.ETHERNET, s, SERVER, client);
    }
  }

  /** Writes about {@code packets} frames; returns {frames, connections}. */
  public static long[] write(OutputStream out, long packets, long seed) throws IOException {
    Random rnd = new Random(seed);
    PcapWriter w = new PcapWriter(out, LinkType.ETHERNET);
    List<Conn> active = new ArrayList<>();
    long frames = 0;
    int connections = 0;
    long micros = 1_700_000_000_000_000L;
    // A connection averages 10 frames: open new ones while the ones open can still be finished
    // within the budget, then drain them.
    while (frames < packets || !active.isEmpty()) {
      boolean room = frames + 10L * (active.size() + 1) < packets;
      while (room && active.size() < ACTIVE) {
        active.add(new Conn(connections++, rnd));
        room = frames + 10L * (active.size() + 1) < packets;
      }
      if (active.isEmpty()) {
        break;
      }
      int i = rnd.nextInt(active.size());
      Conn c = active.get(i);
      micros += 1 + rnd.nextInt(20);
      w.write(micros / 1_000_000, (int) (micros % 1_000_000) * 1_000, c.frame());
      frames++;
      if (c.done()) {
        active.set(i, active.get(active.size() - 1)); // order in the list does not matter
        active.remove(active.size() - 1);
      }
    }
    w.flush();
    return new long[] {frames, connections};
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: CaptureGen FILE [PACKETS [SEED]]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    long packets = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    long[] r;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      r = write(out, packets, seed);
    }
    System.out.printf("%s: %d frames, %d connections, %d bytes%n", file, r[0], r[1], Files.size(file));
  }
}
