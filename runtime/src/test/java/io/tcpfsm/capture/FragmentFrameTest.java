package io.tcpfsm.capture;

import static io.tcpfsm.capture.Golden.ETH_ADDRS;
import static io.tcpfsm.capture.Golden.TCP6;
import static io.tcpfsm.capture.Golden.assertHelloSegment;
import static io.tcpfsm.capture.Golden.decode;
import static io.tcpfsm.capture.Golden.ipv6;
import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.wire.Offsets;
import org.junit.jupiter.api.Test;

/**
 * IP fragments are recognised and reported as {@link Frame.Kind#FRAGMENT}, never reassembled and
 * never decoded as a segment: an IPv4 datagram with MF set or a non-zero offset (RFC 791 §3.1),
 * an IPv6 datagram with a Fragment header whose offset or M flag is set (RFC 8200 §4.5).
 *
 * <p>The IPv4 frames are one 60-byte segment (20-byte header, 40 bytes of 'A', checksum 0x000c)
 * split at 24 bytes into fragments of datagram id 7.
 */
class FragmentFrameTest {
  static final String V4_ADDRS = " c0000201 c6336402 ";
  /** Flags MF, offset 0; the TCP header and 4 payload bytes. */
  static final String V4_FIRST = ETH_ADDRS + "0800 45 00 002c 0007 2000 40 06 6e8e" + V4_ADDRS
      + "9c40 0050 000003e8 000007d0 50 18 0200 000c 0000 41414141";
  /** No flags, offset 3 (24 bytes): the last 36 payload bytes, no TCP header. */
  static final String V4_LAST = ETH_ADDRS + "0800 45 00 0038 0007 0003 40 06 8e7f" + V4_ADDRS + "41".repeat(36);
  /** A first fragment of 16 bytes: too short for the TCP header (a "tiny fragment", RFC 1858). */
  static final String V4_TINY_FIRST = ETH_ADDRS + "0800 45 00 0024 0008 2000 40 06 6e95" + V4_ADDRS
      + "9c40 0050 000003e8 000007d0 50 18 0200";

  @Test
  void ipv4FirstFragmentIsAFragmentNotASegment() {
    Frame f = decode(LinkType.ETHERNET, V4_FIRST);
    assertThat(f.kind()).isEqualTo(Frame.Kind.FRAGMENT);
    assertThat(f.segment()).isNull();
    assertThat(f.checksum()).isEqualTo(Frame.ChecksumStatus.NONE);
    assertThat(f.ip().fragment()).isTrue();
    assertThat(f.ip().firstFragment()).isTrue();
    assertThat(f.ip().protocol()).isEqualTo(Offsets.PROTO_TCP);
    assertThat(f.ip().headerChecksumOk()).isTrue();
  }

  @Test
  void ipv4NonFirstFragmentIsAFragment() {
    Frame f = decode(LinkType.ETHERNET, V4_LAST);
    assertThat(f.kind()).isEqualTo(Frame.Kind.FRAGMENT);
    assertThat(f.segment()).isNull();
    assertThat(f.ip().fragment()).isTrue();
    assertThat(f.ip().firstFragment()).isFalse();
    assertThat(f.ip().payloadLength()).isEqualTo(36);
  }

  @Test
  void ipv4TinyFirstFragmentIsAFragmentNotMalformed() {
    // Its 16 bytes cannot hold a TCP header, but it is not a broken segment: it is a piece of one.
    Frame f = decode(LinkType.ETHERNET, V4_TINY_FIRST);
    assertThat(f.kind()).isEqualTo(Frame.Kind.FRAGMENT);
    assertThat(f.error()).isNull();
  }

  @Test
  void ipv4DontFragmentAloneIsNotAFragment() {
    Frame f = decode(LinkType.ETHERNET, ETH_ADDRS + "0800" + Golden.IPV4_TCP); // flags DF, offset 0
    assertThat(f.ip().fragment()).isFalse();
    assertHelloSegment(f, 4);
  }

  @Test
  void ipv4UdpFragmentIsNotTcp() {
    // The first fragment with protocol 17 (header checksum no longer right: it is not what is tested).
    Frame f = decode(LinkType.ETHERNET, V4_FIRST.replace("40 06 6e8e", "40 11 6e8e"));
    assertThat(f.kind()).isEqualTo(Frame.Kind.NOT_TCP);
  }

  /** IPv6 Fragment header: next header, reserved, offset<<3 | M, identification 0x1234. */
  static String fragmentHeader(int next, int offsetWords, boolean more) {
    return String.format(" %02x 00 %04x 00001234 ", next, offsetWords << 3 | (more ? 1 : 0));
  }

  @Test
  void ipv6FirstFragmentIsAFragment() {
    Frame f = decode(LinkType.ETHERNET, ETH_ADDRS + "86dd" + ipv6(32, 44) + fragmentHeader(6, 0, true)
        + "9c40 0050 000003e8 000007d0 50 18 0200 90ce 0000 41414141");
    assertThat(f.kind()).isEqualTo(Frame.Kind.FRAGMENT);
    assertThat(f.ip().firstFragment()).isTrue();
    assertThat(f.ip().protocol()).isEqualTo(Offsets.PROTO_TCP);
  }

  @Test
  void ipv6FragmentWithNonZeroOffsetIsAFragment() {
    Frame f = decode(LinkType.ETHERNET, ETH_ADDRS + "86dd" + ipv6(44, 44) + fragmentHeader(6, 3, false) + "41".repeat(36));
    assertThat(f.kind()).isEqualTo(Frame.Kind.FRAGMENT);
    assertThat(f.ip().fragment()).isTrue();
    assertThat(f.ip().firstFragment()).isFalse();
    assertThat(f.ip().payloadLength()).isEqualTo(36);
  }

  @Test
  void ipv6AtomicFragmentIsAWholeSegment() {
    // Offset 0 and M clear: RFC 6946 "atomic fragment", the whole datagram; it decodes and verifies.
    Frame f = decode(LinkType.ETHERNET, ETH_ADDRS + "86dd" + ipv6(33, 44) + fragmentHeader(6, 0, false) + TCP6);
    assertThat(f.ip().fragment()).isFalse();
    assertHelloSegment(f, 6);
  }

  @Test
  void ipv6NonFirstFragmentDataIsNotParsedAsExtensionHeaders() {
    // The fragmentable part began with a Destination Options header (next header 60), which
    // travelled in the first fragment; this one holds payload bytes ('A' = 0x41), not a header.
    Frame f = decode(LinkType.ETHERNET, ETH_ADDRS + "86dd" + ipv6(44, 44) + fragmentHeader(60, 3, false) + "41".repeat(36));
    assertThat(f.error()).isNull();
    assertThat(f.ip().fragment()).isTrue();
    assertThat(f.ip().firstFragment()).isFalse();
    assertThat(f.ip().protocol()).isEqualTo(60);
    assertThat(f.ip().payloadOffset()).isEqualTo(14 + 40 + 8);
    assertThat(f.kind()).isEqualTo(Frame.Kind.NOT_TCP); // which upper layer it belongs to is not knowable from it
  }
}
