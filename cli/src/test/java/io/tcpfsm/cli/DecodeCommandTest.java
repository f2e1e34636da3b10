package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.FrameBuilder;
import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.wire.Segment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {
  @TempDir Path tmp;

  /** `TZ=UTC tcpdump -S -nr dns_tcp.pcap` (tcpdump 4.99.3), cut after "length N" where tcpdump goes on to dissect DNS. */
  static final String DNS_TCP_BY_TCPDUMP = """
      09:21:03.720289 IP 192.168.1.11.33779 > 209.87.249.18.53: Flags [S], seq 603899916, win 64240, options [mss 1460,sackOK,TS val 2044906138 ecr 0,nop,wscale 7], length 0
      09:21:03.846908 IP 209.87.249.18.53 > 192.168.1.11.33779: Flags [S.], seq 2043824403, ack 603899917, win 64240, options [mss 1460], length 0
      09:21:03.847060 IP 192.168.1.11.33779 > 209.87.249.18.53: Flags [.], ack 2043824404, win 64240, length 0
      09:21:03.847323 IP 192.168.1.11.33779 > 209.87.249.18.53: Flags [P.], seq 603899917:603899975, ack 2043824404, win 64240, length 58
      09:21:03.847457 IP 209.87.249.18.53 > 192.168.1.11.33779: Flags [.], ack 603899975, win 64240, length 0
      09:21:03.973180 IP 209.87.249.18.53 > 192.168.1.11.33779: Flags [P.], seq 2043824404:2043824630, ack 603899975, win 64240, length 226
      09:21:03.973220 IP 192.168.1.11.33779 > 209.87.249.18.53: Flags [.], ack 2043824630, win 64014, length 0
      09:21:03.974844 IP 192.168.1.11.33779 > 209.87.249.18.53: Flags [F.], seq 603899975, ack 2043824630, win 64014, length 0
      09:21:03.975246 IP 209.87.249.18.53 > 192.168.1.11.33779: Flags [.], ack 603899976, win 64239, length 0
      09:21:04.101184 IP 209.87.249.18.53 > 192.168.1.11.33779: Flags [FP.], seq 2043824630, ack 603899976, win 64239, length 0
      09:21:04.101256 IP 192.168.1.11.33779 > 209.87.249.18.53: Flags [.], ack 2043824631, win 64014, length 0
      """;

  static final String DNS_TCP_SUMMARY =
      "summary: 11 frames, 11 TCP segments, 0 bad checksums, 0 non-TCP frames, 0 fragments, 0 malformed, 0 skipped records\n";

  @Test
  void dnsTcpMatchesTcpdumpLineForLineWithTheSummaryOnStderr() {
    CliRun r = CliRun.run("decode", CliRun.capture("dns_tcp.pcap").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(DNS_TCP_BY_TCPDUMP);
    assertThat(r.err()).isEqualTo(DNS_TCP_SUMMARY);
  }

  @Test
  void dashReadsAPcapFromStandardInput() throws IOException {
    CliRun r = CliRun.runWithStdin(Files.readAllBytes(CliRun.capture("dns_tcp.pcap")), "decode", "-");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(DNS_TCP_BY_TCPDUMP);
    assertThat(r.err()).isEqualTo(DNS_TCP_SUMMARY);
  }

  @Test
  void dashReadsAPcapngFromStandardInput() throws IOException {
    Path f = CliRun.capture("tcp_teardown.pcapng");
    CliRun fromFile = CliRun.run("decode", "--json", f.toString());
    CliRun fromStdin = CliRun.runWithStdin(Files.readAllBytes(f), "decode", "--json", "-");
    assertThat(fromStdin.exit()).isZero();
    assertThat(fromStdin.lines()).hasSize(4).isEqualTo(fromFile.lines());
    assertThat(fromStdin.err()).isEqualTo(fromFile.err()).contains("\"frames\":4");
  }

  @Test
  void aTruncatedStandardInputIsNamedAsSuch() throws IOException {
    byte[] whole = Files.readAllBytes(CliRun.capture("dns_tcp.pcap"));
    CliRun r = CliRun.runWithStdin(Arrays.copyOf(whole, 300), "decode", "-");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.lines()).hasSize(3);
    assertThat(r.err()).startsWith("tcpfsm: <stdin>: offset 276: truncated record data").contains("the file ends at offset 300");
  }

  @Test
  void nanoOptionPrintsNineDigitsAsTcpdumpNanoDoes() {
    CliRun r = CliRun.run("decode", "--nano", CliRun.capture("tcp-handshake-nano.pcap").toString());
    assertThat(r.lines().get(0)).startsWith("17:16:09.924505488 IP 131.155.215.69.46656 > 137.116.81.94.80: Flags [S], seq 797190859, win 27200");
  }

  @Test
  void rstWithDataShowsItsLength() {
    CliRun r = CliRun.run("decode", CliRun.capture("tcp_rst_data.pcap").toString());
    assertThat(r.lines().get(0))
        .isEqualTo("22:03:19.190965 IP 199.204.31.89.80 > 172.16.133.41.52875: Flags [R.], seq 1617159969:1617160027, ack 1936660873, win 5785, length 58");
  }

  @Test
  void jsonPrintsOneObjectPerSegmentAndASummary() {
    CliRun r = CliRun.run("decode", "--json", CliRun.capture("tcp_refuseconnection.pcapng").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.lines()).hasSize(2);
    assertThat(r.lines().get(1))
        .contains("\"kind\":\"tcp\"", "\"src\":\"192.168.100.1\"", "\"sport\":80", "\"flags\":\"R.\"", "\"seq\":0", "\"ack\":951057940",
            "\"win\":0", "\"checksum\":\"good\"");
    assertThat(r.lines().get(0)).contains("{\"kind\":\"mss\",\"value\":1460}", "{\"kind\":\"sackOK\"}");
    assertThat(r.err()).isEqualTo(
        "{\"summary\":{\"frames\":2,\"tcp\":2,\"bad_checksums\":0,\"not_tcp\":0,\"fragments\":0,\"malformed\":0,\"skipped_records\":0}}\n");
  }

  @Test
  void badChecksumIsFlaggedAndCountedButNotAnError() throws IOException {
    byte[] frame = FrameBuilder.frame(LinkType.ETHERNET, Segment.builder().srcPort(1).dstPort(2).flags(Segment.SYN).build(),
        new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2});
    frame[14 + 20 + 16] ^= 1;
    Path f = pcap(frame);
    CliRun r = CliRun.run("decode", f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.lines().get(0)).matches(".*Flags \\[S\\], seq 0, win 0, length 0 \\[bad tcp cksum 0x[0-9a-f]{4} -> 0x[0-9a-f]{4}!\\]");
    assertThat(r.lines()).hasSize(1);
    assertThat(r.err()).contains("1 bad checksums");
  }

  @Test
  void nonTcpFramesAreCountedAndSkipped() throws IOException {
    byte[] arp = new byte[42];
    arp[12] = 0x08;
    arp[13] = 0x06;
    CliRun r = CliRun.run("decode", pcap(arp, arp).toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("summary: 2 frames, 0 TCP segments, 0 bad checksums, 2 non-TCP frames, 0 fragments, 0 malformed, 0 skipped records\n");
  }

  @Test
  void truncatedFileGivesTheLinesSoFarThenAnErrorLineAndASummarySayingWhereItEndsAndExit1() throws IOException {
    byte[] whole = Files.readAllBytes(CliRun.capture("dns_tcp.pcap"));
    Path f = tmp.resolve("cut.pcap");
    Files.write(f, Arrays.copyOf(whole, 300));
    CliRun r = CliRun.run("decode", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.lines()).hasSize(3); // three whole segments
    assertThat(r.err()).isEqualTo("tcpfsm: " + f + ": offset 276: truncated record data (record at offset 260): 24 bytes, need 112\n"
        + "summary: 3 frames, 3 TCP segments, 0 bad checksums, 0 non-TCP frames, 0 fragments, 0 malformed, 0 skipped records;"
        + " truncated: the file ends at offset 300, inside a record\n");
    CliRun json = CliRun.run("decode", "--json", f.toString());
    assertThat(json.summary()).endsWith("\"skipped_records\":0,\"truncated_at\":300}}");
  }

  @Test
  void aFileThatIsNotACaptureStopsTheSummaryAtOffset0() throws IOException {
    Path f = tmp.resolve("notes.txt");
    Files.writeString(f, "hello, this is not a capture");
    CliRun r = CliRun.run("decode", f.toString());
    assertThat(r.summary()).endsWith("0 skipped records; reading stopped at offset 0");
  }

  @Test
  void wrongMagicIsOneErrorLineThenTheSummaryNoStackTrace() throws IOException {
    Path f = tmp.resolve("notes.txt");
    Files.writeString(f, "hello, this is not a capture");
    CliRun r = CliRun.run("decode", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("tcpfsm: " + f + ": offset 0: unknown magic number 0x68656c6c: not a pcap or pcapng file\nsummary: 0 frames");
    assertThat(r.err().lines()).hasSize(2);
  }

  @Test
  void missingFileIsExit1() {
    CliRun r = CliRun.run("decode", tmp.resolve("nope.pcap").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("tcpfsm: " + tmp.resolve("nope.pcap") + ": no such file\n");
  }

  @Test
  void skippedRecordsAreCountedNamedAndExit1() throws IOException {
    byte[] whole = Files.readAllBytes(CliRun.capture("dns_tcp.pcap"));
    whole[24 + 12] = 1; // first record: original length 1, below its captured length
    whole[24 + 13] = 0;
    Path f = tmp.resolve("skip.pcap");
    Files.write(f, whole);
    CliRun r = CliRun.run("decode", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.lines()).hasSize(10);
    assertThat(r.err()).isEqualTo("tcpfsm: " + f + ": offset 32: captured length 74 > original length 1 (record skipped)\n"
        + "summary: 10 frames, 10 TCP segments, 0 bad checksums, 0 non-TCP frames, 0 fragments, 0 malformed, 1 skipped records\n");
  }

  @Test
  void malformedSegmentIsReportedWithItsFileOffsetAndExit1() throws IOException {
    byte[] whole = Files.readAllBytes(CliRun.capture("tcp_rst_data.pcap"));
    whole[24 + 16 + 14 + 20 + 12] = 0x30; // data offset 3
    Path f = tmp.resolve("bad.pcap");
    Files.write(f, whole);
    CliRun r = CliRun.run("decode", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.lines().get(0)).endsWith("IP 199.204.31.89 > 172.16.133.41: malformed tcp: TCP data offset 3 < 5 at offset 86");
    assertThat(r.err()).startsWith("tcpfsm: " + f + ": offset 86: TCP data offset 3 < 5\nsummary: 1 frames");
  }

  @Test
  void missingFileArgumentIsUsageExit2() {
    CliRun r = CliRun.run("decode");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter: 'FILE'");
  }

  private Path pcap(byte[]... frames) throws IOException {
    Path f = Files.createTempFile(tmp, "t", ".pcap");
    try (OutputStream out = Files.newOutputStream(f)) {
      PcapWriter w = new PcapWriter(out, LinkType.ETHERNET);
      for (byte[] fr : frames) {
        w.write(0, 0, fr);
      }
    }
    return f;
  }
}
