package io.tcpfsm.capture;

import static io.tcpfsm.capture.Golden.ETH_ADDRS;
import static io.tcpfsm.capture.Golden.TCP6;
import static io.tcpfsm.capture.Golden.TCP6_TO_FF;
import static io.tcpfsm.capture.Golden.V6_DST;
import static io.tcpfsm.capture.Golden.V6_FF;
import static io.tcpfsm.capture.Golden.assertHelloSegment;
import static io.tcpfsm.capture.Golden.decode;
import static io.tcpfsm.capture.Golden.hex;
import static io.tcpfsm.capture.Golden.ipv6;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * IPv6 extension headers between the fixed header and TCP (RFC 8200 §4) are skipped to the
 * segment, whose checksum is verified over the upper-layer length only (§8.1) and, when a Routing
 * header has segments left, against the final destination it names (§8.1). tcpdump 4.99 -v
 * (ip6_finddst) and tshark both call the golden checksums below correct, except for the routing
 * header without segments left, where tcpdump takes the listed address anyway and tshark, like
 * this decoder, the header's destination.
 */
class Ipv6ExtensionHeaderTest {
  /** An 8-byte options header (hop-by-hop or destination options) holding one PadN option of 4 zero bytes. */
  static String optionsHeader(int next) {
    return String.format(" %02x 00 01 04 00000000 ", next);
  }

  static Frame ethernet(String ipv6Packet) {
    return decode(LinkType.ETHERNET, ETH_ADDRS + "86dd" + ipv6Packet);
  }

  @Test
  void hopByHopOptions() {
    assertHelloSegment(ethernet(ipv6(33, 0) + optionsHeader(6) + TCP6), 6);
  }

  @Test
  void destinationOptions() {
    Frame f = ethernet(ipv6(33, 60) + optionsHeader(6) + TCP6);
    assertHelloSegment(f, 6);
    assertThat(f.ip().payloadOffset()).isEqualTo(14 + 40 + 8);
    assertThat(f.ip().payloadLength()).isEqualTo(25);
  }

  @Test
  void authenticationHeaderLengthCountsInFourOctetUnits() {
    // RFC 4302 §2.2: payload length 4 means (4 + 2) * 4 = 24 bytes: next, len, reserved, SPI, sequence, 12-byte ICV.
    String ah = " 06 04 0000 00000100 00000001 " + "ab".repeat(12);
    Frame f = ethernet(ipv6(49, 51) + ah + TCP6);
    assertHelloSegment(f, 6);
    assertThat(f.ip().payloadOffset()).isEqualTo(14 + 40 + 24);
  }

  @Test
  void hopByHopThenDestinationOptionsThenRoutingType0WithSegmentsLeft() {
    // Routing type 0 (deprecated by RFC 5095, still on the wire in old captures): one address,
    // segments left 1, so 2001:db8::ff is the final destination and the checksum is summed against it.
    String routing = " 06 02 00 01 00000000 " + V6_FF;
    Frame f = ethernet(ipv6(65, 0) + optionsHeader(60) + optionsHeader(43) + routing + TCP6_TO_FF);
    assertHelloSegment(f, 6);
    assertThat(f.ip().dst()).as("the address printed is still the header's").isEqualTo(hex(V6_DST));
  }

  @Test
  void routingType2HomeAddressIsTheFinalDestination() {
    // Mobile IPv6 (RFC 6275 §6.4): the home address in the type 2 header is the final destination.
    assertHelloSegment(ethernet(ipv6(49, 43) + " 06 02 02 01 00000000 " + V6_FF + TCP6_TO_FF), 6);
  }

  @Test
  void segmentRoutingHeaderFinalDestinationIsSegmentListZero() {
    // RFC 8754 §2: Segment List[0] is the last segment; last entry 1, segments left 1.
    assertHelloSegment(ethernet(ipv6(65, 43) + " 06 04 04 01 01 00 0000 " + V6_FF + V6_DST + TCP6_TO_FF), 6);
  }

  @Test
  void routingHeaderWithNoSegmentsLeftUsesTheHeaderDestination() {
    // At the last hop the header's destination is the final one (RFC 8200 §8.1, "at the recipient(s)").
    assertHelloSegment(ethernet(ipv6(49, 43) + " 06 02 00 00 00000000 " + V6_FF + TCP6), 6);
  }

  @Test
  void noNextHeaderAfterOptionsIsNotTcp() {
    Frame f = ethernet(ipv6(8, 0) + optionsHeader(59));
    assertThat(f.kind()).isEqualTo(Frame.Kind.NOT_TCP);
    assertThat(f.ip().protocol()).isEqualTo(59);
  }

  @Test
  void seventeenExtensionHeadersAreMalformed() {
    StringBuilder chain = new StringBuilder();
    for (int i = 0; i < 17; i++) {
      chain.append(optionsHeader(60));
    }
    Frame f = ethernet(ipv6(17 * 8 + 25, 60) + chain + TCP6);
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.error().reason()).isEqualTo("more than 16 IPv6 extension headers");
    assertThat(f.error().offset()).isEqualTo(14 + 40 + 16 * 8);
  }

  @Test
  void extensionHeaderLongerThanThePayloadLengthIsMalformed() {
    // Payload length 8 ends the packet after the hop-by-hop header, which claims 16 bytes.
    Frame f = ethernet(ipv6(8, 0) + " 06 01 01 0c 000000000000000000000000 " + TCP6);
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.error()).hasMessage("truncated IPv6 extension header 0: 8 bytes, need 16 at offset 54");
  }
}
