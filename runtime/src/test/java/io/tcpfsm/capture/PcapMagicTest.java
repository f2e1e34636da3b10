package io.tcpfsm.capture;

import static io.tcpfsm.capture.Golden.ETH_ADDRS;
import static io.tcpfsm.capture.Golden.IPV4_TCP;
import static io.tcpfsm.capture.Golden.assertHelloSegment;
import static io.tcpfsm.capture.Golden.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pcap magic numbers in both byte orders, as golden file bytes (pcap-savefile(5),
 * draft-ietf-opsawg-pcap §4): nanosecond 0xa1b23c4d, and Alexey Kuznetsov's modified format
 * 0xa1b2cd34 (libpcap's KUZNETZOV_TCPDUMP_MAGIC), microsecond timestamps and 8 more bytes per record
 * header (ifindex, protocol, packet type, pad), which libpcap reads and so do we.
 */
class PcapMagicTest {
  /** 59 bytes: Ethernet, IPv4, the golden TCP segment. */
  static final String FRAME = ETH_ADDRS + "0800" + IPV4_TCP;

  /** Kuznetsov, little-endian: version 2.4, snap 262144, Ethernet; two records at 1700000000 and +1 s, 123456 us. */
  static final String KUZNETSOV_LE = "34cdb2a1 0200 0400 00000000 00000000 00000400 01000000"
      + " 00f15365 40e20100 3b000000 3b000000 01000000 0008 00 00 " + FRAME
      + " 01f15365 40e20100 3b000000 3b000000 02000000 0008 04 00 " + FRAME;
  static final String KUZNETSOV_BE = "a1b2cd34 0002 0004 00000000 00000000 00040000 00000001"
      + " 6553f100 0001e240 0000003b 0000003b 00000001 0800 00 00 " + FRAME
      + " 6553f101 0001e240 0000003b 0000003b 00000002 0800 04 00 " + FRAME;
  /** Nanosecond magic: the same fraction field, 123456, now means 123456 ns. */
  static final String NANO_LE = "4d3cb2a1 0200 0400 00000000 00000000 00000400 01000000 00f15365 40e20100 3b000000 3b000000 " + FRAME;
  static final String NANO_BE = "a1b23c4d 0002 0004 00000000 00000000 00040000 00000001 6553f100 0001e240 0000003b 0000003b " + FRAME;

  static List<Record> read(String fileHex) throws Exception {
    return RealCaptures.records(hex(fileHex));
  }

  @Test
  void kuznetsovLittleEndianRecordsAreTwentyFourByteHeaders() throws Exception {
    List<Record> records = read(KUZNETSOV_LE);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).offset()).isEqualTo(24);
    assertThat(records.get(0).dataOffset()).isEqualTo(24 + 24);
    assertThat(records.get(1).offset()).isEqualTo(24 + 24 + 59);
    assertThat(records.get(1).epochSecond()).isEqualTo(1_700_000_001L);
    assertThat(records.get(0).nanos()).isEqualTo(123_456_000);
    for (Record r : records) {
      assertThat(r.capturedLength()).isEqualTo(59);
      assertHelloSegment(FrameDecoder.decode(r), 4);
    }
  }

  @Test
  void kuznetsovBigEndianReadsTheSame() throws Exception {
    List<Record> le = read(KUZNETSOV_LE);
    List<Record> be = read(KUZNETSOV_BE);
    assertThat(be).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(be.get(i).bytes()).isEqualTo(le.get(i).bytes());
      assertThat(be.get(i).epochSecond()).isEqualTo(le.get(i).epochSecond());
      assertThat(be.get(i).nanos()).isEqualTo(le.get(i).nanos());
      assertThat(be.get(i).dataOffset()).isEqualTo(le.get(i).dataOffset());
    }
  }

  @Test
  void kuznetsovRecordHeaderCutShortNamesItsLength() {
    byte[] file = Arrays.copyOf(hex(KUZNETSOV_LE), 24 + 20);
    assertThat(BadCaptureTest.readAll(file)).hasMessage("offset 24: truncated record header: 20 bytes, need 24");
  }

  @Test
  void nanosecondMagicLittleEndian() throws Exception {
    Record r = read(NANO_LE).get(0);
    assertThat(r.epochSecond()).isEqualTo(1_700_000_000L);
    assertThat(r.nanos()).isEqualTo(123_456);
    assertThat(r.dataOffset()).isEqualTo(40);
    assertHelloSegment(FrameDecoder.decode(r), 4);
  }

  @Test
  void nanosecondMagicBigEndian() throws Exception {
    Record r = read(NANO_BE).get(0);
    assertThat(r.epochSecond()).isEqualTo(1_700_000_000L);
    assertThat(r.nanos()).isEqualTo(123_456);
    assertThat(r.bytes()).isEqualTo(hex(FRAME));
  }

  @Test
  void nanosecondFractionOfOneSecondOrMoreIsSkipped() throws Exception {
    // 0x3b9aca00 = 1,000,000,000 ns: out of range, the record's framing is still sound.
    byte[] file = hex(NANO_BE.replace("6553f100 0001e240", "6553f100 3b9aca00"));
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
      assertThat(r.next()).isNull();
      assertThat(r.skipped()).isEqualTo(1);
      assertThat(r.skipProblems().get(0)).hasMessage("offset 28: timestamp fraction 1000000000 out of range (record skipped)");
    }
  }

  @Test
  void microsecondMagicWithANanosecondSizedFractionIsSkipped() throws Exception {
    // 123456789 fits nanoseconds but not microseconds: the magic decides the unit.
    byte[] file = hex(NANO_LE.replace("4d3cb2a1", "d4c3b2a1").replace("00f15365 40e20100", "00f15365 15cd5b07"));
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
      assertThat(r.next()).isNull();
      assertThat(r.skipProblems().get(0).reason()).isEqualTo("timestamp fraction 123456789 out of range (record skipped)");
    }
  }
}
