package io.tcpfsm.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.wire.Segment;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Hand-assembled frames for the wire-edge tests. The checksums in them were computed outside this
 * project (a short Python script, RFC 1071) and confirmed by {@code tcpdump -v} ("cksum 0x.. (correct)")
 * and tshark ({@code tcp.checksum.status == good}); nothing here is produced by the code under test.
 *
 * <p>Every TCP segment is 192.0.2.1 (2001:db8::1) port 40000 to 198.51.100.2 (2001:db8::2) port 80,
 * Flags [P.], seq 1000:1005, ack 2000, win 512, payload "hello".
 */
final class Golden {
  private Golden() {}

  static final HexFormat HEX = HexFormat.of();

  /** Ethernet destination 02:00:00:00:00:02, source 02:00:00:00:00:01, without the type. */
  static final String ETH_ADDRS = "020000000002" + "020000000001";

  /** The TCP segment over IPv4: ports, seq, ack, offset 5, flags 0x18, window, checksum, urgent pointer, payload. */
  static final String TCP4 = "9c40 0050 000003e8 000007d0 50 18 0200 d575 0000 68656c6c6f";

  /** IPv4 header (20 bytes, DF, id 1, ttl 64, checksum 0x4e93) and the TCP segment (checksum 0xd575). */
  static final String IPV4_TCP = "45 00 002d 0001 4000 40 06 4e93 c0000201 c6336402 " + TCP4;

  /** The TCP segment over IPv6 from 2001:db8::1 to 2001:db8::2: checksum 0x6638. */
  static final String TCP6 = "9c40 0050 000003e8 000007d0 50 18 0200 6638 0000 68656c6c6f";
  /** The same segment summed against the final destination 2001:db8::ff: checksum 0x653b. */
  static final String TCP6_TO_FF = "9c40 0050 000003e8 000007d0 50 18 0200 653b 0000 68656c6c6f";

  static final String V6_SRC = "20010db8000000000000000000000001";
  static final String V6_DST = "20010db8000000000000000000000002";
  static final String V6_FF = "20010db80000000000000000000000ff";

  /** IPv6 header: version 6, payload length {@code payloadLength}, next header {@code next}, hop limit 64. */
  static String ipv6(int payloadLength, int next) {
    return String.format("60000000 %04x %02x 40 ", payloadLength, next) + V6_SRC + " " + V6_DST + " ";
  }

  /** IPv6 header and TCP, no extension headers. */
  static final String IPV6_TCP = ipv6(25, 6) + TCP6;

  /** Hex digits; spaces between fields are for the reader and ignored. */
  static byte[] hex(String s) {
    return HEX.parseHex(s.replace(" ", ""));
  }

  static Frame decode(int linkType, String hex) {
    return FrameDecoder.decode(linkType, hex(hex), 0);
  }

  /** The frame is the golden segment, its checksum verified. */
  static void assertHelloSegment(Frame f, int ipVersion) {
    assertThat(f.kind()).as("kind (error: %s)", f.error()).isEqualTo(Frame.Kind.TCP);
    assertThat(f.ip().version()).isEqualTo(ipVersion);
    Segment s = f.segment();
    assertThat(s.srcPort()).isEqualTo(40000);
    assertThat(s.dstPort()).isEqualTo(80);
    assertThat(s.seq()).isEqualTo(1000);
    assertThat(s.ack()).isEqualTo(2000);
    assertThat(s.flags()).isEqualTo(Segment.PSH | Segment.ACK);
    assertThat(s.window()).isEqualTo(512);
    byte[] payload = new byte[s.length()];
    s.payload().get(payload);
    assertThat(new String(payload, StandardCharsets.US_ASCII)).isEqualTo("hello");
    assertThat(f.tcpLength()).isEqualTo(5);
    assertThat(f.checksum()).isEqualTo(Frame.ChecksumStatus.GOOD);
    assertThat(f.ip().headerChecksumOk()).isTrue();
  }
}
