package io.tcpfsm.capture;

import static io.tcpfsm.capture.Golden.IPV4_TCP;
import static io.tcpfsm.capture.Golden.IPV6_TCP;
import static io.tcpfsm.capture.Golden.assertHelloSegment;
import static io.tcpfsm.capture.Golden.decode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Link types other than Ethernet, as golden frames (tcpdump.org/linktypes.html): Linux cooked v2
 * (LINKTYPE_LINUX_SLL2, 276: protocol type first, then reserved, ifindex, ARPHRD type, packet
 * type, address length, 8 address bytes), BSD loopback (NULL, 0: a 4-byte address family in the
 * capturing host's byte order, AF_INET6 being 24, 28 or 30 depending on the BSD, as print-null.c
 * knows) and OpenBSD loopback (LOOP, 108: the family in network byte order).
 */
class LoopbackAndCookedLinkTest {
  /** SLL2 header for protocol {@code type}: reserved 0, ifindex 2, ARPHRD_LOOPBACK (772), PACKET_HOST, 6 address bytes (zero). */
  static String sll2(String type) {
    return type + " 0000 00000002 0304 00 06 0000000000000000 ";
  }

  @Test
  void linuxCookedV2Ipv4() {
    assertHelloSegment(decode(LinkType.LINUX_SLL2, sll2("0800") + IPV4_TCP), 4);
  }

  @Test
  void linuxCookedV2Ipv6() {
    Frame f = decode(LinkType.LINUX_SLL2, sll2("86dd") + IPV6_TCP);
    assertHelloSegment(f, 6);
    assertThat(f.ip().payloadOffset()).isEqualTo(20 + 40);
  }

  @Test
  void linuxCookedV2OfArpIsNotTcp() {
    assertThat(decode(LinkType.LINUX_SLL2, sll2("0806") + "0001 0800 06 04 0001").kind()).isEqualTo(Frame.Kind.NOT_TCP);
  }

  @Test
  void linuxCookedV2HeaderCutShortIsMalformed() {
    Frame f = FrameDecoder.decode(LinkType.LINUX_SLL2, Golden.hex("0800 0000 00000002 0304"), 40);
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.error()).hasMessage("truncated Linux cooked v2 (SLL2) header: 10 bytes, need 20 at offset 40");
  }

  @ParameterizedTest(name = "family {0} ({1})")
  @CsvSource({
    "02000000, AF_INET little-endian",
    "00000002, AF_INET big-endian",
  })
  void bsdNullIpv4InEitherByteOrder(String family, String what) {
    assertHelloSegment(decode(LinkType.NULL, family + IPV4_TCP), 4);
  }

  @ParameterizedTest(name = "family {0} ({1})")
  @CsvSource({
    "18000000, AF_INET6 24 NetBSD/OpenBSD little-endian",
    "00000018, AF_INET6 24 NetBSD/OpenBSD big-endian",
    "1c000000, AF_INET6 28 FreeBSD little-endian",
    "0000001c, AF_INET6 28 FreeBSD big-endian",
    "1e000000, AF_INET6 30 macOS little-endian",
    "0000001e, AF_INET6 30 macOS big-endian",
  })
  void bsdNullIpv6EveryFamilyNumberInEitherByteOrder(String family, String what) {
    Frame f = decode(LinkType.NULL, family + IPV6_TCP);
    assertHelloSegment(f, 6);
    assertThat(f.ip().payloadOffset()).isEqualTo(4 + 40);
  }

  @Test
  void bsdNullOtherFamilyIsNotTcp() {
    // AF_APPLETALK (16) on every BSD: not IP, whatever follows.
    assertThat(decode(LinkType.NULL, "10000000" + IPV4_TCP).kind()).isEqualTo(Frame.Kind.NOT_TCP);
    assertThat(decode(LinkType.NULL, "00000010" + IPV4_TCP).kind()).isEqualTo(Frame.Kind.NOT_TCP);
  }

  @Test
  void bsdNullFamilyDisagreeingWithTheIpVersionIsMalformed() {
    Frame f = FrameDecoder.decode(LinkType.NULL, Golden.hex("02000000" + IPV6_TCP), 100);
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.error()).hasMessage("IP version 6 in an IPv4 header at offset 104");
  }

  @Test
  void bsdNullHeaderCutShortIsMalformed() {
    Frame f = FrameDecoder.decode(LinkType.NULL, new byte[] {2, 0}, 40);
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.error()).hasMessage("truncated loopback header: 2 bytes, need 4 at offset 40");
  }

  @Test
  void openBsdLoopFamilyIsInNetworkOrder() {
    assertHelloSegment(decode(LinkType.LOOP, "00000002" + IPV4_TCP), 4);
    assertHelloSegment(decode(LinkType.LOOP, "00000018" + IPV6_TCP), 6);
  }
}
