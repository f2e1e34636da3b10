package io.tcpfsm.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tcpfsm.wire.Segment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of bad capture ends in a CaptureException naming the file offset, or a counted skip. */
class BadCaptureTest {
  static final byte[] V4_SRC = {10, 0, 0, 1};
  static final byte[] V4_DST = {10, 0, 0, 2};

  static byte[] frame() {
    return FrameBuilder.frame(LinkType.ETHERNET, Segment.builder().srcPort(1).dstPort(2).seq(7).flags(Segment.SYN).window(9).build(), V4_SRC, V4_DST);
  }

  static byte[] pcap(ByteOrder order, byte[]... frames) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    PcapWriter w = new PcapWriter(bos, LinkType.ETHERNET, 65535, false, order);
    for (byte[] f : frames) {
      w.write(1_600_000_000L, 123_456_000, f);
    }
    return bos.toByteArray();
  }

  static byte[] pcapng(byte[]... frames) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    PcapngWriter w = new PcapngWriter(bos, ByteOrder.LITTLE_ENDIAN);
    w.addInterface(LinkType.ETHERNET, 65535, 6);
    for (byte[] f : frames) {
      w.write(0, 1_600_000_000L, 123_456_000, f, f.length);
    }
    return bos.toByteArray();
  }

  static CaptureException readAll(byte[] file) {
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
      while (r.next() != null) {
        // drain
      }
      return null;
    } catch (CaptureException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static void putLe(byte[] b, int i, int v) {
    b[i] = (byte) v;
    b[i + 1] = (byte) (v >>> 8);
    b[i + 2] = (byte) (v >>> 16);
    b[i + 3] = (byte) (v >>> 24);
  }

  @Test
  void emptyFile() {
    assertThat(readAll(new byte[0])).hasMessage("offset 0: empty file");
  }

  @Test
  void wrongMagic() {
    assertThat(readAll("GIF89a..........................".getBytes()))
        .hasMessage("offset 0: unknown magic number 0x47494638: not a pcap or pcapng file");
  }

  @Test
  void truncatedPcapFileHeader() throws IOException {
    assertThat(readAll(Arrays.copyOf(pcap(ByteOrder.LITTLE_ENDIAN), 10)))
        .hasMessage("offset 4: truncated pcap file header: 6 bytes, need 20");
  }

  @Test
  void unknownLinkType() throws IOException {
    byte[] f = pcap(ByteOrder.LITTLE_ENDIAN, frame());
    putLe(f, 20, 147);
    assertThat(readAll(f)).hasMessage("offset 20: unsupported link type 147");
  }

  @Test
  void recordLengthAboveTheBound() throws IOException {
    byte[] f = pcap(ByteOrder.BIG_ENDIAN, frame());
    f[24 + 8] = 0x7F; // captured length 0x7F0000xx, big-endian
    assertThat(readAll(f)).hasMessageStartingWith("offset 32: record length 2130706").hasMessageEndingWith("exceeds the bound 262144");
  }

  @Test
  void recordLongerThanTheFile() throws IOException {
    byte[] f = pcap(ByteOrder.LITTLE_ENDIAN, frame());
    assertThat(readAll(Arrays.copyOf(f, f.length - 5)))
        .hasMessage("offset 40: truncated record data (record at offset 24): 49 bytes, need 54");
  }

  @Test
  void truncatedRecordHeader() throws IOException {
    byte[] f = pcap(ByteOrder.LITTLE_ENDIAN, frame(), frame());
    assertThat(readAll(Arrays.copyOf(f, 24 + 16 + 54 + 10))).hasMessage("offset 94: truncated record header: 10 bytes, need 16");
  }

  @Test
  void recordWithCapturedLengthAboveOriginalIsSkippedAndCounted() throws Exception {
    byte[] f = pcap(ByteOrder.LITTLE_ENDIAN, frame(), frame(), frame());
    putLe(f, 24 + 70 + 12, 10); // second record: original length 10 < 54 captured
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(f))) {
      assertThat(r.next().offset()).isEqualTo(24);
      assertThat(r.next().offset()).isEqualTo(24 + 70 + 70);
      assertThat(r.next()).isNull();
      assertThat(r.skipped()).isEqualTo(1);
      assertThat(r.skipProblems()).singleElement().hasFieldOrPropertyWithValue("offset", 102L)
          .hasFieldOrPropertyWithValue("reason", "captured length 54 > original length 10 (record skipped)");
    }
  }

  @Test
  void pcapngBlockLengthBelowMinimum() throws IOException {
    byte[] f = pcapng(frame());
    putLe(f, 28 + 4, 8); // the IDB says 8 bytes
    assertThat(readAll(f)).hasMessage("offset 32: block length 8 < minimum 12");
  }

  @Test
  void pcapngBlockLengthNotAMultipleOfFour() throws IOException {
    byte[] f = pcapng(frame());
    putLe(f, 28 + 4, 33);
    assertThat(readAll(f)).hasMessage("offset 32: block length 33 is not a multiple of 4");
  }

  @Test
  void pcapngBlockLengthAboveTheBound() throws IOException {
    byte[] f = pcapng(frame());
    putLe(f, 28 + 4, 1 << 30);
    assertThat(readAll(f)).hasMessage("offset 32: block length 1073741824 exceeds the bound 278528");
  }

  @Test
  void pcapngTrailerDisagreesWithHeader() throws IOException {
    byte[] f = pcapng(frame());
    putLe(f, 28 + 28, 36);
    assertThat(readAll(f)).hasMessage("offset 56: block trailer length 36 differs from header length 32");
  }

  @Test
  void pcapngBadByteOrderMagic() throws IOException {
    byte[] f = pcapng(frame());
    f[8] = 0;
    assertThat(readAll(f)).hasMessage("offset 8: bad byte-order magic 0x003c2b1a in section header");
  }

  @Test
  void pcapngTruncatedBlock() throws IOException {
    byte[] f = pcapng(frame());
    assertThat(readAll(Arrays.copyOf(f, f.length - 10)))
        .hasMessage("offset 68: truncated block body (block at offset 60): 70 bytes, need 76");
    assertThat(readAll(Arrays.copyOf(f, f.length - 3)))
        .hasMessage("offset 144: truncated block trailer (block at offset 60): 1 bytes, need 4");
  }

  @Test
  void pcapngPacketOnAnUndescribedInterfaceIsSkipped() throws Exception {
    byte[] f = pcapng(frame(), frame());
    putLe(f, 60 + 8, 3); // first EPB: interface 3
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(f))) {
      assertThat(r.next().offset()).isEqualTo(60 + 88);
      assertThat(r.next()).isNull();
      assertThat(r.skipped()).isEqualTo(1);
      assertThat(r.skipProblems().get(0)).hasMessage("offset 68: packet on interface 3, but the section describes 1 (block skipped)");
    }
  }

  /** The writer's section header, then an IDB with if_tsoffset {@code offset}, then the writer's EPB of {@code frame()} at 1,600,000,000 s. */
  static byte[] pcapngWithOffset(long offset) throws IOException {
    byte[] f = pcapng(frame());
    int shb = 28; // the writer's section header block, no options
    byte[] idb = new byte[36];
    putLe(idb, 0, 1);
    putLe(idb, 4, 36);
    putLe(idb, 8, LinkType.ETHERNET);
    putLe(idb, 12, 65535);
    putLe(idb, 16, 14 | 8 << 16); // if_tsoffset, 8 bytes
    putLe(idb, 20, (int) offset);
    putLe(idb, 24, (int) (offset >>> 32));
    putLe(idb, 28, 0); // opt_endofopt
    putLe(idb, 32, 36);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(f, 0, shb);
    out.write(idb);
    out.write(f, 60, f.length - 60);
    return out.toByteArray();
  }

  @Test
  void pcapngTimeOffsetThatWouldWrapSkipsThePacketNamingTheOffset() throws Exception {
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(pcapngWithOffset(Long.MAX_VALUE)))) {
      assertThat(r.next()).isNull();
      assertThat(r.skipped()).isEqualTo(1);
      assertThat(r.skipProblems().get(0).getMessage())
          .contains("plus if_tsoffset 9223372036854775807 s on interface 0 is past the range of a 64-bit count of seconds (block skipped)");
    }
    // Up to the edge the offset adds; a negative offset may take the time before 1970.
    long edge = Long.MAX_VALUE - 1_600_000_000L;
    for (long offset : new long[] {edge, -1_700_000_000L, Long.MIN_VALUE}) {
      try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(pcapngWithOffset(offset)))) {
        Record rec = r.next();
        assertThat(rec.epochSecond()).isEqualTo(1_600_000_000L + offset);
        assertThat(r.skipped()).isZero();
      }
    }
  }

  @Test
  void pcapngUnknownBlocksAreSkippedSilently() throws Exception {
    byte[] f = pcapng(frame());
    byte[] custom = new byte[16];
    putLe(custom, 0, 0x0BAD);
    putLe(custom, 4, 16);
    putLe(custom, 12, 16);
    byte[] withCustom = new byte[f.length + 16];
    System.arraycopy(f, 0, withCustom, 0, 60);
    System.arraycopy(custom, 0, withCustom, 60, 16);
    System.arraycopy(f, 60, withCustom, 76, f.length - 60);
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(withCustom))) {
      assertThat(r.next().offset()).isEqualTo(76);
      assertThat(r.next()).isNull();
      assertThat(r.skipped()).isZero();
    }
  }

  @Test
  void segmentWhoseDataOffsetPointsPastItsEndIsMalformedAtItsFileOffset() throws Exception {
    byte[] frame = frame();
    frame[14 + 20 + 12] = (byte) 0xF0; // data offset 15: 60 bytes, the segment has 20
    List<Record> records = RealCaptures.records(pcap(ByteOrder.LITTLE_ENDIAN, frame));
    Frame f = FrameDecoder.decode(records.get(0));
    assertThat(f.kind()).isEqualTo(Frame.Kind.MALFORMED);
    assertThat(f.ip()).isNotNull();
    assertThat(f.error()).hasMessage("TCP data offset 15 (60 bytes) points past the segment end: 20 bytes at offset 86");
  }

  @Test
  void unsupportedPcapVersion() throws IOException {
    byte[] f = pcap(ByteOrder.LITTLE_ENDIAN);
    f[4] = 3;
    assertThatThrownBy(() -> CaptureReader.open(new ByteArrayInputStream(f))).hasMessage("offset 4: unsupported pcap version 3.4, need 2.x");
  }
}
