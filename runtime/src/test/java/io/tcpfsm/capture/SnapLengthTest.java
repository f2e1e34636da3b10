package io.tcpfsm.capture;

import static io.tcpfsm.capture.Golden.ETH_ADDRS;
import static io.tcpfsm.capture.Golden.hex;
import static io.tcpfsm.capture.Golden.ipv6;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records whose captured length is below the original length (tcpdump -s N), written with our
 * own {@link PcapWriter} and read back. A segment cut in its payload still decodes: its checksum
 * is {@link Frame.ChecksumStatus#UNVERIFIED}, never BAD (tcpdump -v does not check it either), and
 * the TCP length is the one the IP header declares, as tcpdump prints it. A cut inside a header
 * is a MALFORMED frame with a typed error at its file offset, never an exception.
 */
class SnapLengthTest {
  static final String V4_ADDRS = " c0000201 c6336402 ";
  /** 154 bytes: IPv4, TCP [P.] seq 1000:1100 ack 2000 win 512, 100 bytes of 'B' (TCP checksum 0x27f8). */
  static final String V4_100 = ETH_ADDRS + "0800 45 00 008c 0001 4000 40 06 4e34" + V4_ADDRS
      + "9c40 0050 000003e8 000007d0 50 18 0200 27f8 0000" + "42".repeat(100);
  /** 174 bytes: the same over IPv6 (TCP checksum 0xb8ba). */
  static final String V6_100 = ETH_ADDRS + "86dd" + ipv6(120, 6) + "9c40 0050 000003e8 000007d0 50 18 0200 b8ba 0000" + "42".repeat(100);
  /** 74 bytes: a SYN whose header is 40 bytes: mss 1460, sackOK, TS val 1 ecr 0, nop, wscale 7. */
  static final String V4_SYN_OPTIONS = ETH_ADDRS + "0800 45 00 003c 0001 4000 40 06 4e84" + V4_ADDRS
      + "9c40 0050 000003e8 000007d0 a0 02 0200 b17f 0000" + "020405b4 0402 080a 00000001 00000000 01 030307";

  /** The frame written with the given snap length and read back: pcap header 24, record header 16, so data at 40. */
  static Record cut(String frameHex, int snapLength) throws Exception {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    PcapWriter w = new PcapWriter(bos, LinkType.ETHERNET, snapLength, false, ByteOrder.LITTLE_ENDIAN);
    w.write(1_700_000_000L, 0, hex(frameHex));
    List<Record> records = RealCaptures.records(bos.toByteArray());
    assertThat(records).hasSize(1);
    return records.get(0);
  }

  @Test
  void ipv4PayloadCutIsUnverifiedWithTheDeclaredLength() throws Exception {
    Record r = cut(V4_100, 60);
    assertThat(r.capturedLength()).isEqualTo(60);
    assertThat(r.originalLength()).isEqualTo(154);
    Frame f = FrameDecoder.decode(r);
    assertThat(f.kind()).isEqualTo(Frame.Kind.TCP);
    assertThat(f.checksum()).isEqualTo(Frame.ChecksumStatus.UNVERIFIED);
    assertThat(f.tcpLength()).isEqualTo(100);
    assertThat(f.segment().length()).as("payload bytes captured").isEqualTo(6);
    assertThat(f.segment().seq()).isEqualTo(1000);
    assertThat(f.ip().headerChecksumOk()).isTrue();
    assertThat(f.ip().complete()).isFalse();
  }

  @Test
  void ipv6PayloadCutIsUnverifiedWithTheDeclaredLength() throws Exception {
    Frame f = FrameDecoder.decode(cut(V6_100, 100));
    assertThat(f.kind()).isEqualTo(Frame.Kind.TCP);
    assertThat(f.checksum()).isEqualTo(Frame.ChecksumStatus.UNVERIFIED);
    assertThat(f.tcpLength()).isEqualTo(100);
    assertThat(f.segment().length()).isEqualTo(100 - 74);
  }

  @Test
  void wrongChecksumInACutSegmentIsStillUnverifiedNotBad() throws Exception {
    // The field itself was captured, but the bytes it covers were not: nothing can be said about it.
    Frame f = FrameDecoder.decode(cut(V4_100.replace("0200 27f8 0000", "0200 dead 0000"), 60));
    assertThat(f.checksum()).isEqualTo(Frame.ChecksumStatus.UNVERIFIED);
    assertThat(f.expectedChecksum()).isZero();
  }

  @Test
  void cutJustAfterTheHeaderKeepsAnEmptyPayload() throws Exception {
    Frame f = FrameDecoder.decode(cut(V4_100, 54));
    assertThat(f.kind()).isEqualTo(Frame.Kind.TCP);
    assertThat(f.segment().length()).isZero();
    assertThat(f.tcpLength()).isEqualTo(100);
    assertThat(f.checksum()).isEqualTo(Frame.ChecksumStatus.UNVERIFIED);
  }

  @Test
  void wholeSegmentUnderTheSnapLengthIsVerified() throws Exception {
    Frame f = FrameDecoder.decode(cut(V4_100, 154));
    assertThat(f.checksum()).isEqualTo(Frame.ChecksumStatus.GOOD);
    assertThat(f.segment().length()).isEqualTo(100);
  }

  @Test
  void cutInsideTheFixedTcpHeaderIsMalformedAtItsFileOffset() throws Exception {
    Frame f = FrameDecoder.decode(cut(V4_100, 44)); // 10 of the 20 header bytes
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.ip()).as("the IP header was read, so the hosts can be named").isNotNull();
    assertThat(f.error().reason()).isEqualTo("truncated TCP header: 10 bytes, need 20");
    assertThat(f.error().offset()).isEqualTo(40 + 14 + 20);
  }

  @Test
  void cutInsideTheTcpOptionsSaysTheHeaderIsTruncated() throws Exception {
    // 28 of the 40 header bytes: the data offset is right, the capture is short. The error must
    // say so, not that the data offset "points past the segment end".
    Frame f = FrameDecoder.decode(cut(V4_SYN_OPTIONS, 62));
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.error().reason()).isEqualTo("truncated TCP header: 28 bytes, need 40");
    assertThat(f.error().offset()).isEqualTo(40 + 14 + 20);
  }

  @Test
  void dataOffsetBeyondTheDeclaredSegmentIsStillMalformedInACutFrame() throws Exception {
    // Data offset 15 (60 bytes) in a segment the IP header says is 40 bytes: broken, whatever the cut.
    Frame f = FrameDecoder.decode(cut(V4_SYN_OPTIONS.replace("a0 02 0200", "f0 02 0200"), 62));
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.error().reason()).startsWith("TCP data offset 15 (60 bytes) points past the segment end");
  }

  @Test
  void cutInsideTheIpHeaderIsMalformedWithoutAnIpHeader() throws Exception {
    Frame f = FrameDecoder.decode(cut(V4_100, 24));
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.ip()).isNull();
    assertThat(f.error()).hasMessage("truncated IPv4 header: 10 bytes, need 20 at offset 54");
  }

  @Test
  void cutInsideAnIpv6ExtensionHeaderIsMalformed() throws Exception {
    String withHopByHop = ETH_ADDRS + "86dd" + ipv6(128, 0) + " 06 00 01 04 00000000 "
        + "9c40 0050 000003e8 000007d0 50 18 0200 b8ba 0000" + "42".repeat(100);
    Frame f = FrameDecoder.decode(cut(withHopByHop, 14 + 40 + 4));
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.error()).hasMessage("truncated IPv6 extension header 0: 4 bytes, need 8 at offset 94");
  }
}
