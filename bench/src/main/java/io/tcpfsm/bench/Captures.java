package io.tcpfsm.bench;

import io.tcpfsm.capture.FrameBuilder;
import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Synthetic Ethernet/IPv4/TCP captures for the benchmarks; also a command: {@code MakeCapture FILE PACKETS PAYLOAD}. */
public final class Captures {
  private Captures() {}

  /** Writes {@code packets} frames with {@code payload} bytes each, valid checksums, to {@code out}. */
  public static void write(OutputStream out, int packets, int payload) throws IOException {
    Random rnd = new Random(1);
    byte[] data = new byte[payload];
    rnd.nextBytes(data);
    PcapWriter w = new PcapWriter(out, LinkType.ETHERNET);
    byte[] a = {10, 0, 0, 1};
    byte[] b = {10, 0, 0, 2};
    int seq = 1000;
    for (int i = 0; i < packets; i++) {
      Segment s = Segment.builder().srcPort(40000).dstPort(5001).seq(seq).ack(77).flags(Segment.ACK | Segment.PSH).window(512)
          .options(new TcpOption.Nop(), new TcpOption.Nop(), new TcpOption.Timestamps(i, i - 1)).payload(data).build();
      seq += payload;
      w.write(1_700_000_000L + i / 1000, (i % 1000) * 1_000_000, FrameBuilder.frame(LinkType.ETHERNET, s, a, b));
    }
    w.flush();
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      write(out, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }
    System.out.println(file + ": " + Files.size(file) + " bytes");
  }
}
