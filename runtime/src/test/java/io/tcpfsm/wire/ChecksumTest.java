package io.tcpfsm.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** RFC 1071 checksum, apart from the codec. */
class ChecksumTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void rfc1071NumericalExample() {
    // RFC 1071 §3: bytes 00 01 f2 03 f4 f5 f6 f7 sum to ddf2 (one's complement), checksum 220d.
    byte[] b = HEX.parseHex("0001f203f4f5f6f7");
    assertThat(Checksum.fold(Checksum.sum(b, 0, b.length, 0))).isEqualTo(0xddf2);
    assertThat(Checksum.of(b, 0, b.length)).isEqualTo(0x220d);
  }

  @Test
  void oddLengthPadsTheLastByteWithZero() {
    byte[] odd = HEX.parseHex("0001f203f4f5f6f7ab");
    byte[] padded = HEX.parseHex("0001f203f4f5f6f7ab00");
    assertThat(Checksum.of(odd, 0, odd.length)).isEqualTo(Checksum.of(padded, 0, padded.length));
  }

  @Test
  void ipv4HeaderOfARealCaptureVerifies() {
    byte[] h = HEX.parseHex("4500003c9b28400040061376c0a8010bd157f912");
    assertThat(Checksum.of(h, 0, h.length)).isZero();
    h[10] = 0;
    h[11] = 0;
    assertThat(Checksum.of(h, 0, h.length)).isEqualTo(0x1376);
  }

  @Test
  void tcpChecksumOfARealSynVerifiesAndAFlippedBitDoesNot() {
    byte[] syn = SegmentCodecTest.SYN.clone();
    assertThat(Checksum.verifyTcp(SegmentCodecTest.SYN_SRC, SegmentCodecTest.SYN_DST, syn, 0, syn.length)).isTrue();
    assertThat(Checksum.computeTcp(SegmentCodecTest.SYN_SRC, SegmentCodecTest.SYN_DST, syn, 0, syn.length)).isEqualTo(0x0c41);
    syn[30] ^= 0x10;
    assertThat(Checksum.verifyTcp(SegmentCodecTest.SYN_SRC, SegmentCodecTest.SYN_DST, syn, 0, syn.length)).isFalse();
    assertThat(Checksum.computeTcp(SegmentCodecTest.SYN_SRC, SegmentCodecTest.SYN_DST, syn, 0, syn.length)).isNotEqualTo(0x0c41);
  }

  @Test
  void ipv6PseudoHeaderCountsSixteenByteAddresses() {
    byte[] src = new byte[16];
    byte[] dst = new byte[16];
    src[15] = 1;
    dst[15] = 1;
    Segment s = Segment.builder().srcPort(1).dstPort(2).flags(Segment.SYN).window(100).build();
    byte[] b = SegmentCodec.encode(s, src, dst);
    assertThat(Checksum.verifyTcp(src, dst, b, 0, b.length)).isTrue();
    dst[15] = 2;
    assertThat(Checksum.verifyTcp(src, dst, b, 0, b.length)).isFalse();
  }

  /** The 8-bytes-at-a-time sum agrees with the plain word-by-word definition at every length and alignment. */
  @Property(tries = 500, seed = "1071")
  void fastSumAgreesWithTheDefinition(@ForAll @Size(max = 300) byte[] data, @ForAll("offsets") int start) {
    int off = Math.min(start, data.length);
    int len = data.length - off;
    long slow = 0;
    for (int i = 0; i < len; i += 2) {
      int hi = data[off + i] & 0xFF;
      int lo = i + 1 < len ? data[off + i + 1] & 0xFF : 0;
      slow += (hi << 8) | lo;
    }
    assertThat(Checksum.fold(Checksum.sum(data, off, len, 0))).isEqualTo(Checksum.fold(slow));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> offsets() {
    return net.jqwik.api.Arbitraries.integers().between(0, 9);
  }
}
