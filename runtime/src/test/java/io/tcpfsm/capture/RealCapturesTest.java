package io.tcpfsm.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The captures in captures/ (their README says what each holds): all decode, all checksums good. */
class RealCapturesTest {
  @ParameterizedTest
  @CsvSource({
    "dns_tcp.pcap, 11, pcap",
    "tcp-handshake-nano.pcap, 3, pcap",
    "tcp_rst_data.pcap, 1, pcap",
    "tcp_handshake.pcapng, 3, pcapng",
    "tcp_teardown.pcapng, 4, pcapng",
    "tcp_refuseconnection.pcapng, 2, pcapng",
    "tcp_retransmissions.pcapng, 6, pcapng",
    "tcp_zerowindowdead.pcapng, 8, pcapng",
  })
  void everyFrameIsATcpSegmentWithAGoodChecksum(String name, int frames, String format) throws Exception {
    List<Record> records = RealCaptures.records(name);
    assertThat(records).hasSize(frames);
    for (Record r : records) {
      Frame f = FrameDecoder.decode(r);
      assertThat(f.kind()).as("frame at offset %d", r.offset()).isEqualTo(Frame.Kind.TCP);
      assertThat(f.checksum()).as("frame at offset %d", r.offset()).isEqualTo(Frame.ChecksumStatus.GOOD);
      assertThat(f.ip().headerChecksumOk()).isTrue();
    }
    try (CaptureReader reader = CaptureReader.open(java.nio.file.Files.newInputStream(RealCaptures.file(name)))) {
      assertThat(reader.format()).isEqualTo(format);
    }
  }

  /** Every capture in the folder has its source and licence in captures/README.md, and the README lists no missing file. */
  @Test
  void everyCaptureIsListedInTheFoldersReadme() throws Exception {
    String readme = java.nio.file.Files.readString(RealCaptures.dir().resolve("README.md"));
    List<String> listed = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(readme);
    while (m.find()) {
      listed.add(m.group(1));
    }
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(RealCaptures.dir())) {
      // Subfolders (linux/) list their own captures in their own README.
      List<String> present = files.filter(java.nio.file.Files::isRegularFile).map(f -> f.getFileName().toString())
          .filter(n -> !n.equals("README.md")).sorted().toList();
      assertThat(listed).containsExactlyInAnyOrderElementsOf(present).hasSize(8);
    }
    assertThat(readme).contains("Licences:");
  }

  @Test
  void nanosecondPcapWithLinuxCookedLinkType() throws Exception {
    List<Record> records = RealCaptures.records("tcp-handshake-nano.pcap");
    Record syn = records.get(0);
    assertThat(syn.linkType()).isEqualTo(LinkType.LINUX_SLL);
    // tcpdump --nano prints 17:16:09.924505488 for it (UTC).
    assertThat(syn.nanos()).isEqualTo(924_505_488);
    assertThat(syn.epochSecond() % 86_400).isEqualTo(17 * 3600 + 16 * 60 + 9);
    Segment s = FrameDecoder.decode(syn).segment();
    assertThat(s.syn()).isTrue();
    assertThat(s.options()).contains(new TcpOption.Mss(1360), new TcpOption.WindowScale(7));
    Segment synAck = FrameDecoder.decode(records.get(1)).segment();
    assertThat(synAck.options()).contains(new TcpOption.Mss(1440), new TcpOption.WindowScale(8));
  }

  @Test
  void rstCarries58BytesOfData() throws Exception {
    Frame f = FrameDecoder.decode(RealCaptures.records("tcp_rst_data.pcap").get(0));
    assertThat(f.segment().rst()).isTrue();
    assertThat(f.segment().ackFlag()).isTrue();
    assertThat(f.segment().length()).isEqualTo(58);
    assertThat(f.tcpLength()).isEqualTo(58);
  }

  @Test
  void refusedConnectionIsAnswerdByRstAckSeqZero() throws Exception {
    List<Record> records = RealCaptures.records("tcp_refuseconnection.pcapng");
    Segment syn = FrameDecoder.decode(records.get(0)).segment();
    Segment rst = FrameDecoder.decode(records.get(1)).segment();
    assertThat(Integer.toUnsignedLong(syn.seq())).isEqualTo(951057939L);
    assertThat(rst.flags()).isEqualTo(Segment.RST | Segment.ACK);
    assertThat(rst.seq()).isZero();
    assertThat(rst.ack()).isEqualTo(syn.seq() + 1);
    assertThat(rst.window()).isZero();
  }

  @Test
  void retransmissionsCarry648BytesEachWithMicrosecondTimestamps() throws Exception {
    List<Record> records = RealCaptures.records("tcp_retransmissions.pcapng");
    assertThat(records).allSatisfy(r -> assertThat(FrameDecoder.decode(r).tcpLength()).isEqualTo(648));
    long firstMicros = records.get(0).nanos() / 1000;
    long secondMicros = (records.get(1).epochSecond() - records.get(0).epochSecond()) * 1_000_000 + records.get(1).nanos() / 1000 - firstMicros;
    assertThat(secondMicros).isEqualTo(206_000);
  }

  @Test
  void dnsCaptureHasTheQueryAndReplyLengths() throws Exception {
    List<Record> records = RealCaptures.records("dns_tcp.pcap");
    assertThat(FrameDecoder.decode(records.get(3)).tcpLength()).isEqualTo(58);
    assertThat(FrameDecoder.decode(records.get(5)).tcpLength()).isEqualTo(226);
    assertThat(records.get(0).offset()).isEqualTo(24);
    assertThat(records.get(0).dataOffset()).isEqualTo(40);
  }
}
