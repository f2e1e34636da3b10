package io.tcpfsm.capture;

import static io.tcpfsm.capture.Golden.ETH_ADDRS;
import static io.tcpfsm.capture.Golden.IPV4_TCP;
import static io.tcpfsm.capture.Golden.IPV6_TCP;
import static io.tcpfsm.capture.Golden.assertHelloSegment;
import static io.tcpfsm.capture.Golden.decode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ethernet frames with IEEE 802.1Q tags (TPID 0x8100, then 2 bytes of PCP/DEI/VID), 802.1ad
 * service tags (0x88a8) and the pre-standard QinQ TPID 0x9100: each tag is skipped to the real
 * EtherType, however many are stacked.
 */
class VlanTagTest {
  @Test
  void singleTagBeforeIpv4() {
    // VID 100, priority 0.
    assertHelloSegment(decode(LinkType.ETHERNET, ETH_ADDRS + " 8100 0064 0800 " + IPV4_TCP), 4);
  }

  @Test
  void singleTagWithPriorityBeforeIpv6() {
    // PCP 1, VID 100: the TCI's upper bits must not be taken for anything else.
    assertHelloSegment(decode(LinkType.ETHERNET, ETH_ADDRS + " 8100 2064 86dd " + IPV6_TCP), 6);
  }

  @ParameterizedTest(name = "outer TPID 0x{0}")
  @ValueSource(strings = {"88a8", "9100", "8100"})
  void doubleTaggedQinQ(String outerTpid) {
    // Outer (service) tag VID 10, inner (customer) 802.1Q tag VID 20.
    assertHelloSegment(decode(LinkType.ETHERNET, ETH_ADDRS + outerTpid + " 000a 8100 0014 0800 " + IPV4_TCP), 4);
  }

  @Test
  void threeStackedTags() {
    assertHelloSegment(decode(LinkType.ETHERNET, ETH_ADDRS + " 88a8 0001 8100 0002 8100 0003 0800 " + IPV4_TCP), 4);
  }

  @Test
  void taggedArpIsNotTcp() {
    Frame f = decode(LinkType.ETHERNET, ETH_ADDRS + " 8100 0064 0806 " + "0001 0800 06 04 0001" + "00".repeat(20));
    assertThat(f.kind()).isEqualTo(Frame.Kind.NOT_TCP);
    assertThat(f.ip()).isNull();
  }

  @Test
  void frameEndingInsideTheTagIsMalformedNotAnException() {
    // 12 address bytes, the TPID and the TCI, but no EtherType after the tag.
    Frame f = FrameDecoder.decode(LinkType.ETHERNET, Golden.hex(ETH_ADDRS + " 8100 0064"), 500);
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.error().reason()).isEqualTo("truncated 802.1Q tag: 16 bytes, need 18");
    assertThat(f.error().offset()).isEqualTo(500);
  }

  @Test
  void tagFollowedByTruncatedIpIsMalformedAtTheIpOffset() {
    Frame f = FrameDecoder.decode(LinkType.ETHERNET, Golden.hex(ETH_ADDRS + " 8100 0064 0800 4500002d"), 1000);
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.error()).hasMessage("truncated IPv4 header: 4 bytes, need 20 at offset 1018");
  }
}
