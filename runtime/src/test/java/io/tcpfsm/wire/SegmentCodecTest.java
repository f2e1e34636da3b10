package io.tcpfsm.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden bytes both ways, as smoltcp's wire tests: decode known bytes, encode the value back to them. */
class SegmentCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The SYN of dns_tcp.pcap (frame 1): 192.168.1.11:33779 -> 209.87.249.18:53, with five options. */
  static final byte[] SYN = HEX.parseHex("83f3003523fec80c00000000a002faf00c410000020405b40402080a79e2ca9a0000000001030307");

  static final byte[] SYN_SRC = {(byte) 192, (byte) 168, 1, 11};
  static final byte[] SYN_DST = {(byte) 209, 87, (byte) 249, 18};

  static final Segment SYN_VALUE =
      Segment.builder()
          .srcPort(33779)
          .dstPort(53)
          .seq(603899916)
          .ack(0)
          .flags(Segment.SYN)
          .window(64240)
          .checksum(0x0c41)
          .options(
              new TcpOption.Mss(1460),
              new TcpOption.SackPermitted(),
              new TcpOption.Timestamps(2044906138, 0),
              new TcpOption.Nop(),
              new TcpOption.WindowScale(7))
          .build();

  /** A PSH+ACK+URG+ECE+CWR segment with SACK, an unknown option, EOL and 3 bytes of payload. */
  static final byte[] ODD = HEX.parseHex("1f90c35000000001fffffffe" + "a0f8" + "0100" + "0000" + "0005"
      + "0101050a0000000a00000014" + "630401020000" + "0000" + "616263");

  @Test
  void decodesTheSynOfARealCapture() throws DecodeException {
    Segment s = SegmentCodec.decode(SYN);
    assertThat(s).isEqualTo(SYN_VALUE);
    assertThat(s.dataOffset()).isEqualTo(10);
    assertThat(s.syn()).isTrue();
    assertThat(s.ackFlag()).isFalse();
    assertThat(s.length()).isZero();
    assertThat(s.segLen()).isEqualTo(1);
  }

  @Test
  void encodesTheSynToTheSameBytes() {
    assertThat(HEX.formatHex(SegmentCodec.encode(SYN_VALUE))).isEqualTo(HEX.formatHex(SYN));
  }

  @Test
  void encodingWithAddressesComputesTheChecksumTheCaptureCarries() {
    Segment zeroed = SYN_VALUE.toBuilder().checksum(0).build();
    assertThat(SegmentCodec.encode(zeroed, SYN_SRC, SYN_DST)).isEqualTo(SYN);
  }

  @Test
  void decodesEveryFlagSackUnknownOptionEolAndPayload() throws DecodeException {
    Segment s = SegmentCodec.decode(ODD);
    assertThat(s.srcPort()).isEqualTo(8080);
    assertThat(s.dstPort()).isEqualTo(50000);
    assertThat(s.seq()).isEqualTo(1);
    assertThat(Integer.toUnsignedLong(s.ack())).isEqualTo(0xFFFFFFFEL);
    assertThat(s.dataOffset()).isEqualTo(10);
    assertThat(s.flags()).isEqualTo(Segment.CWR | Segment.ECE | Segment.URG | Segment.ACK | Segment.PSH);
    assertThat(s.urgentPointer()).isEqualTo(5);
    assertThat(s.options())
        .containsExactly(
            new TcpOption.Nop(),
            new TcpOption.Nop(),
            new TcpOption.Sack(List.of(new TcpOption.SackBlock(10, 20))),
            new TcpOption.Unknown(99, new byte[] {1, 2}),
            new TcpOption.EndOfList());
    assertThat(s.payload()).isEqualTo(ByteBuffer.wrap("abc".getBytes()));
    assertThat(s.payload().isReadOnly()).isTrue();
  }

  @Test
  void encodesTheOddSegmentBackByteForByte() throws DecodeException {
    assertThat(HEX.formatHex(SegmentCodec.encode(SegmentCodec.decode(ODD)))).isEqualTo(HEX.formatHex(ODD));
  }

  @Test
  void payloadIsAViewThatCallersCannotMove() throws DecodeException {
    Segment s = SegmentCodec.decode(ODD);
    ByteBuffer p = s.payload();
    p.get();
    assertThat(s.payload().remaining()).isEqualTo(3);
    assertThat(s.length()).isEqualTo(3);
  }

  @Test
  void builderSizesTheDataOffsetToTheOptions() {
    Segment s = Segment.builder().options(new TcpOption.Mss(1460), new TcpOption.WindowScale(7)).build();
    assertThat(s.dataOffset()).isEqualTo(7); // 4 + 3 bytes of options, padded to 8
    assertThat(SegmentCodec.encode(s)).hasSize(28);
  }

  @Test
  void valueRejectsOptionsLongerThanTheDataOffset() {
    assertThatThrownBy(() -> new Segment(1, 2, 0, 0, 5, 0, 0, 0, 0, List.of(new TcpOption.Mss(1)), ByteBuffer.allocate(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("options take 4 bytes, data offset 5 leaves 0");
  }

  @Test
  void unknownOptionDataIsCopiedInAndOut() {
    byte[] data = {1, 2};
    TcpOption.Unknown u = new TcpOption.Unknown(99, data);
    data[0] = 9;
    u.data()[1] = 9;
    assertThat(u.data()).containsExactly(1, 2);
  }
}
