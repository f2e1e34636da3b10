package io.tcpfsm.wire;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Bad and truncated input gives a DecodeException naming the offset and the reason. */
class TruncatedSegmentTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void headerShorterThanTwentyBytes() {
    assertThatThrownBy(() -> SegmentCodec.decode(Arrays.copyOf(SegmentCodecTest.SYN, 12)))
        .isInstanceOf(DecodeException.class)
        .hasMessage("truncated TCP header: 12 bytes, need 20 at offset 0");
  }

  @Test
  void offsetsCountFromTheStartOfTheCallersBuffer() {
    byte[] b = new byte[100];
    System.arraycopy(SegmentCodecTest.SYN, 0, b, 80, 20);
    assertThatThrownBy(() -> SegmentCodec.decode(b, 80, 12))
        .isInstanceOfSatisfying(DecodeException.class, e -> org.assertj.core.api.Assertions.assertThat(e.offset()).isEqualTo(80));
  }

  @Test
  void dataOffsetBelowFive() {
    byte[] b = SegmentCodecTest.SYN.clone();
    b[12] = 0x40;
    assertThatThrownBy(() -> SegmentCodec.decode(b)).hasMessage("TCP data offset 4 < 5 at offset 12");
  }

  @Test
  void dataOffsetPastTheEnd() {
    byte[] b = Arrays.copyOf(SegmentCodecTest.SYN, 36);
    assertThatThrownBy(() -> SegmentCodec.decode(b))
        .hasMessage("TCP data offset 10 (40 bytes) points past the segment end: 36 bytes at offset 12");
  }

  @Test
  void optionLengthBelowTwo() {
    byte[] b = HEX.parseHex("0001000200000000000000006000000000000000" + "02010000");
    assertThatThrownBy(() -> SegmentCodec.decode(b)).hasMessage("TCP option kind 2 length 1 < 2 at offset 21");
  }

  @Test
  void optionRunningPastTheHeader() {
    byte[] b = HEX.parseHex("0001000200000000000000006000000000000000" + "01010820");
    assertThatThrownBy(() -> SegmentCodec.decode(b))
        .hasMessage("TCP option kind 8 length 32 runs past the header: 2 bytes left at offset 23");
  }

  @Test
  void optionKindWithoutLengthOctet() {
    byte[] b = HEX.parseHex("0001000200000000000000006000000000000000" + "01010103");
    assertThatThrownBy(() -> SegmentCodec.decode(b)).hasMessage("TCP option kind 3 has no length octet at offset 23");
  }

  @Test
  void knownOptionWithTheWrongLength() {
    byte[] b = HEX.parseHex("0001000200000000000000006000000000000000" + "02030501");
    assertThatThrownBy(() -> SegmentCodec.decode(b)).hasMessage("TCP option mss length 3, need 4 at offset 21");
  }

  @Test
  void sackWhoseLengthIsNotWholeBlocks() {
    byte[] b = HEX.parseHex("0001000200000000000000007000000000000000" + "0506000000000000");
    assertThatThrownBy(() -> SegmentCodec.decode(b)).hasMessage("TCP option sack length 6 is not 2 + 8n with n >= 1 at offset 21");
  }

  @Test
  void ipv4HeaderLengthBelowMinimum() {
    byte[] b = HEX.parseHex("4400003c9b28400040061376c0a8010bd157f912");
    assertThatThrownBy(() -> Ipv4.decode(b, 0, b.length)).hasMessage("IPv4 header length 4 words < 5 at offset 0");
  }

  @Test
  void ipv4TotalLengthBelowHeader() {
    byte[] b = HEX.parseHex("4500000a9b28400040061376c0a8010bd157f912");
    assertThatThrownBy(() -> Ipv4.decode(b, 0, b.length)).hasMessage("IPv4 total length 10 < header length 20 at offset 2");
  }

  @Test
  void ipv6Truncated() {
    assertThatThrownBy(() -> Ipv6.decode(new byte[] {0x60, 0, 0, 0}, 0, 4)).hasMessage("truncated IPv6 header: 4 bytes, need 40 at offset 0");
  }

  @Test
  void ipv6ExtensionHeaderRunningPastTheCapture() {
    byte[] b = new byte[44];
    b[0] = 0x60;
    b[5] = 8; // payload length 8
    b[6] = 0; // hop-by-hop
    b[40] = 6;
    b[41] = 0; // 8 bytes, only 4 captured
    assertThatThrownBy(() -> Ipv6.decode(b, 0, b.length)).hasMessage("truncated IPv6 extension header 0: 4 bytes, need 8 at offset 40");
  }
}
