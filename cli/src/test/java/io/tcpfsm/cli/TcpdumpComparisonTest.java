package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.capture.FrameBuilder;
import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.capture.PcapngWriter;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our decode against tcpdump's own reading of the same file, line for line up to "length N".
 * Skipped, saying why, when tcpdump is not installed (CI's .ci/run installs it).
 */
class TcpdumpComparisonTest {
  @TempDir Path tmp;

  @BeforeAll
  static void needTcpdump() {
    assumeTrue(ExternalTools.available("tcpdump"), "tcpdump is not installed: apt-get install -y tcpdump to run this comparison");
  }

  @Test
  void everyBundledCaptureMatchesTcpdump() throws Exception {
    for (String name : List.of("dns_tcp.pcap", "tcp-handshake-nano.pcap", "tcp_rst_data.pcap", "tcp_handshake.pcapng",
        "tcp_teardown.pcapng", "tcp_refuseconnection.pcapng", "tcp_retransmissions.pcapng", "tcp_zerowindowdead.pcapng")) {
      Path f = CliRun.capture(name);
      List<String> theirs = ExternalTools.tcpdumpRead(f, false).stream().map(ExternalTools::upToLength).toList();
      assertThat(ExternalTools.decodeLines(f, false)).as(name).isEqualTo(theirs).isNotEmpty();
    }
  }

  /** 600 seeded random segments: every flag, option kind, IPv4 and IPv6 addresses, payload sizes. */
  @Test
  void randomSegmentsInPcapAndPcapngMatchTcpdump() throws Exception {
    Random rnd = new Random(9293);
    Path pcap = tmp.resolve("random.pcap");
    try (OutputStream out = Files.newOutputStream(pcap)) {
      PcapWriter w = new PcapWriter(out, LinkType.ETHERNET, 262144, true, ByteOrder.BIG_ENDIAN);
      for (int i = 0; i < 300; i++) {
        boolean v6 = rnd.nextBoolean();
        w.write(1_700_000_000L + i * 3601L, rnd.nextInt(1_000_000_000), FrameBuilder.frame(LinkType.ETHERNET, randomSegment(rnd), addr(rnd, v6), addr(rnd, v6)));
      }
    }
    // libpcap reads pcapng only when all interfaces share one link type: one file per link type,
    // each with a microsecond and a nanosecond interface.
    List<Path> files = new ArrayList<>(List.of(pcap));
    for (int link : new int[] {LinkType.LINUX_SLL, LinkType.RAW, LinkType.NULL}) {
      Path pcapng = tmp.resolve("random-" + link + ".pcapng");
      try (OutputStream out = Files.newOutputStream(pcapng)) {
        PcapngWriter w = new PcapngWriter(out, link == LinkType.RAW ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        w.addInterface(link, 262144, 9);
        // libpcap 1.10 compares a second RAW interface's link type (101) with the first one's
        // mapped DLT (12) and refuses the file, so RAW gets one interface.
        int interfaces = link == LinkType.RAW ? 1 : 2;
        if (interfaces == 2) {
          w.addInterface(link, 262144, 6);
        }
        for (int i = 0; i < 300; i++) {
          boolean v6 = rnd.nextBoolean();
          byte[] frame = FrameBuilder.frame(link, randomSegment(rnd), addr(rnd, v6), addr(rnd, v6));
          w.write(i % interfaces, 1_600_000_000L + i, rnd.nextInt(1_000_000_000), frame, frame.length);
        }
      }
      files.add(pcapng);
    }
    for (Path f : files) {
      List<String> ours = ExternalTools.decodeLines(f, false);
      List<String> theirs = ExternalTools.tcpdumpRead(f, false).stream().map(ExternalTools::upToLength).toList();
      assertThat(ours).hasSize(300);
      for (int i = 0; i < ours.size(); i++) {
        assertThat(ours.get(i)).as("%s line %d", f.getFileName(), i + 1).isEqualTo(theirs.get(i));
      }
    }
    assertThat(ExternalTools.decodeLines(pcap, true)).isEqualTo(ExternalTools.tcpdumpRead(pcap, true).stream().map(ExternalTools::upToLength).toList());
  }

  private static byte[] addr(Random rnd, boolean v6) {
    byte[] a = new byte[v6 ? 16 : 4];
    rnd.nextBytes(a);
    if (v6) {
      switch (rnd.nextInt(5)) {
        case 0 -> java.util.Arrays.fill(a, 0, 15, (byte) 0); // ::N
        case 1 -> java.util.Arrays.fill(a, 2, 10, (byte) 0); // x::y with a long zero run
        case 2 -> { // IPv4-mapped ::ffff:a.b.c.d
          java.util.Arrays.fill(a, 0, 10, (byte) 0);
          a[10] = (byte) 0xFF;
          a[11] = (byte) 0xFF;
        }
        case 3 -> { // two zero runs of equal length: the first is compressed
          java.util.Arrays.fill(a, 2, 6, (byte) 0);
          java.util.Arrays.fill(a, 10, 14, (byte) 0);
        }
        default -> {}
      }
    }
    return a;
  }

  static Segment randomSegment(Random rnd) {
    List<TcpOption> opts = new ArrayList<>();
    int room = 40;
    int n = rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      TcpOption o = switch (rnd.nextInt(9)) {
        case 0 -> new TcpOption.Nop();
        case 1 -> new TcpOption.Mss(rnd.nextInt(65536));
        case 2 -> new TcpOption.WindowScale(rnd.nextInt(15));
        case 3 -> new TcpOption.SackPermitted();
        case 4 -> new TcpOption.Timestamps(rnd.nextInt(), rnd.nextInt());
        case 5 -> {
          List<TcpOption.SackBlock> blocks = new ArrayList<>();
          for (int b = 0, k = 1 + rnd.nextInt(3); b < k; b++) {
            blocks.add(new TcpOption.SackBlock(rnd.nextInt(), rnd.nextInt()));
          }
          yield new TcpOption.Sack(blocks);
        }
        case 6 -> new TcpOption.Unknown(new int[] {99, 100, 200}[rnd.nextInt(3)], new byte[rnd.nextInt(5)]);
        case 7 -> new TcpOption.EndOfList();
        default -> new TcpOption.Nop();
      };
      if (o.length() > room) {
        break;
      }
      opts.add(o);
      room -= o.length();
      if (o instanceof TcpOption.EndOfList) {
        break;
      }
    }
    byte[] payload = new byte[rnd.nextInt(4) == 0 ? rnd.nextInt(1400) : 0];
    rnd.nextBytes(payload);
    return Segment.builder()
        .srcPort(20000 + rnd.nextInt(10000))
        .dstPort(20000 + rnd.nextInt(10000))
        .seq(rnd.nextInt())
        .ack(rnd.nextInt())
        .flags(rnd.nextInt(256))
        .window(rnd.nextInt(65536))
        .urgentPointer(rnd.nextInt(65536))
        .options(opts)
        .payload(payload)
        .build();
  }
}
