package io.tcpfsm.cli;

import io.tcpfsm.capture.PcapWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Hand-assembled frames at the edges of the wire layer, for the decode command (the runtime's
 * capture tests hold the same goldens with their derivation: checksums computed outside the
 * project, confirmed by tcpdump -v and tshark). Every whole segment is 192.0.2.1 (2001:db8::1)
 * port 40000 to 198.51.100.2 (2001:db8::2) port 80, [P.] seq 1000:1005 ack 2000 win 512, "hello".
 */
final class EdgeFrames {
  private EdgeFrames() {}

  static final String ETH = "020000000002 020000000001 ";
  static final String V4_ADDRS = " c0000201 c6336402 ";
  static final String IPV4_TCP = "45 00 002d 0001 4000 40 06 4e93" + V4_ADDRS + "9c40 0050 000003e8 000007d0 50 18 0200 d575 0000 68656c6c6f";
  static final String V6_ADDRS = " 20010db8000000000000000000000001 20010db8000000000000000000000002 ";
  static final String V6_FF = " 20010db80000000000000000000000ff ";
  static final String TCP6 = "9c40 0050 000003e8 000007d0 50 18 0200 6638 0000 68656c6c6f";
  static final String TCP6_TO_FF = "9c40 0050 000003e8 000007d0 50 18 0200 653b 0000 68656c6c6f";

  static String ipv6(int payloadLength, int next) {
    return String.format("60000000 %04x %02x 40", payloadLength, next) + V6_ADDRS;
  }

  static final String IPV6_TCP = ipv6(25, 6) + TCP6;

  // VLAN: one 802.1Q tag (VID 100), a tag with priority before IPv6, 802.1ad + 802.1Q, 0x9100 + 802.1Q.
  static final String[] VLAN = {
    ETH + "8100 0064 0800 " + IPV4_TCP,
    ETH + "8100 2064 86dd " + IPV6_TCP,
    ETH + "88a8 000a 8100 0014 0800 " + IPV4_TCP,
    ETH + "9100 000a 8100 0014 0800 " + IPV4_TCP,
  };

  // IPv4 fragments of one 60-byte segment (40 bytes of 'A', TCP checksum 0x000c): first (MF, 24
  // bytes), last (offset 24), and a tiny first fragment of 16 bytes from another datagram.
  static final String[] V4_FRAGMENTS = {
    ETH + "0800 45 00 002c 0007 2000 40 06 6e8e" + V4_ADDRS + "9c40 0050 000003e8 000007d0 50 18 0200 000c 0000 41414141",
    ETH + "0800 45 00 0038 0007 0003 40 06 8e7f" + V4_ADDRS + "41".repeat(36),
    ETH + "0800 45 00 0024 0008 2000 40 06 6e95" + V4_ADDRS + "9c40 0050 000003e8 000007d0 50 18 0200",
  };

  // IPv6 fragments of the same segment: first (M set), last (offset 24), then an atomic fragment (whole).
  static final String[] V6_FRAGMENTS = {
    ETH + "86dd " + ipv6(32, 44) + "06 00 0001 00001234 9c40 0050 000003e8 000007d0 50 18 0200 90ce 0000 41414141",
    ETH + "86dd " + ipv6(44, 44) + "06 00 0018 00001234 " + "41".repeat(36),
    ETH + "86dd " + ipv6(33, 44) + "06 00 0000 00001234 " + TCP6,
  };

  // IPv6 extension headers: hop-by-hop; destination options; hop-by-hop, destination options and
  // routing type 0 with one segment left; routing type 2; segment routing (type 4). Routed
  // segments are summed against 2001:db8::ff (RFC 8200 §8.1).
  static final String[] V6_EXTENSIONS = {
    ETH + "86dd " + ipv6(33, 0) + "06 00 01 04 00000000 " + TCP6,
    ETH + "86dd " + ipv6(33, 60) + "06 00 01 04 00000000 " + TCP6,
    ETH + "86dd " + ipv6(65, 0) + "3c 00 01 04 00000000 2b 00 01 04 00000000 06 02 00 01 00000000" + V6_FF + TCP6_TO_FF,
    ETH + "86dd " + ipv6(49, 43) + "06 02 02 01 00000000" + V6_FF + TCP6_TO_FF,
    ETH + "86dd " + ipv6(65, 43) + "06 04 04 01 01 00 0000" + V6_FF + "20010db8000000000000000000000002" + TCP6_TO_FF,
  };

  /** 154 bytes: [P.] seq 1000:1100 with 100 bytes of 'B' (TCP checksum 0x27f8). */
  static final String V4_100 = ETH + "0800 45 00 008c 0001 4000 40 06 4e34" + V4_ADDRS
      + "9c40 0050 000003e8 000007d0 50 18 0200 27f8 0000" + "42".repeat(100);

  /** Kuznetsov's modified pcap (magic 0xa1b2cd34), little-endian: 24-byte record headers, one Ethernet record. */
  static final String KUZNETSOV_LE = "34cdb2a1 0200 0400 00000000 00000000 00000400 01000000"
      + " 00f15365 40e20100 3b000000 3b000000 01000000 0008 00 00 " + ETH + "0800 " + IPV4_TCP;
  static final String KUZNETSOV_BE = "a1b2cd34 0002 0004 00000000 00000000 00040000 00000001"
      + " 6553f100 0001e240 0000003b 0000003b 00000001 0800 00 00 " + ETH + "0800 " + IPV4_TCP;

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  /** A microsecond pcap of {@code frames} at 1700000000 + i seconds (22:13:20 UTC on), written by our PcapWriter. */
  static Path pcap(Path file, int linkType, int snapLength, String... frames) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      PcapWriter w = new PcapWriter(out, linkType, snapLength, false, ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < frames.length; i++) {
        w.write(1_700_000_000L + i, 0, hex(frames[i]));
      }
    }
    return file;
  }
}
