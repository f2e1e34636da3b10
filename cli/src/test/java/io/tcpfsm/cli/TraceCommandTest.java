package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.FrameBuilder;
import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.wire.Segment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tcpfsm trace}: the shared captures' verdicts, a deviation, exit codes, JSON, the quick path. */
class TraceCommandTest {
  @TempDir Path dir;

  private static final String[] CAPTURES = {"dns_tcp.pcap", "tcp-handshake-nano.pcap", "tcp_handshake.pcapng", "tcp_refuseconnection.pcapng",
      "tcp_retransmissions.pcapng", "tcp_rst_data.pcap", "tcp_teardown.pcapng", "tcp_zerowindowdead.pcapng"};

  private static String[] args(String... head) {
    List<String> a = new java.util.ArrayList<>(Arrays.asList(head));
    for (String c : CAPTURES) {
      a.add(CliRun.capture(c).toString());
    }
    return a.toArray(String[]::new);
  }

  /** Writes a capture between 10.0.0.1:40000 (a) and 10.0.0.2:80 (b); each frame {fromA 1/0, flags, seq, ack, len}. */
  private Path capture(String name, long[]... frames) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PcapWriter w = new PcapWriter(out, LinkType.IPV4);
    byte[] a = {10, 0, 0, 1};
    byte[] b = {10, 0, 0, 2};
    int t = 0;
    for (long[] f : frames) {
      boolean fromA = f[0] == 1;
      Segment s = Segment.builder().srcPort(fromA ? 40000 : 80).dstPort(fromA ? 80 : 40000).seq((int) f[2]).ack((int) f[3])
          .flags((int) f[1]).window(65535).payload(new byte[(int) f[4]]).build();
      w.write(1, t++ * 1000, FrameBuilder.ip(s, fromA ? a : b, fromA ? b : a));
    }
    w.flush();
    Path p = dir.resolve(name);
    Files.write(p, out.toByteArray());
    return p;
  }

  private static final long SYN = Segment.SYN;
  private static final long ACK = Segment.ACK;
  private static final long FIN = Segment.FIN;
  private static final long PSH = Segment.PSH;
  private static final long RST = Segment.RST;

  /** a closes (frame 4), b acknowledges (5), a sends text from FIN-WAIT-2 (6). */
  private Path finWait2Data() throws IOException {
    return capture("fw2.pcap", new long[] {1, SYN, 1000, 0, 0}, new long[] {0, SYN | ACK, 5000, 1001, 0}, new long[] {1, ACK, 1001, 5001, 0},
        new long[] {1, FIN | ACK, 1001, 5001, 0}, new long[] {0, ACK, 5001, 1002, 0}, new long[] {1, PSH | ACK, 1002, 5001, 10});
  }

  @Test
  void everySharedCaptureGetsItsVerdict() {
    CliRun r = CliRun.run(args("trace"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.lines()).hasSize(9);
    assertThat(r.out()).contains("dns_tcp.pcap: 192.168.1.11:33779-209.87.249.18:53: 11 frames, conforms; final 192.168.1.11:33779 TIME_WAIT, 209.87.249.18:53 CLOSED")
        .contains("tcp_refuseconnection.pcapng: 192.168.100.138:3372-192.168.100.1:80: 2 frames, conforms; final 192.168.100.138:3372 CLOSED, 192.168.100.1:80 CLOSED")
        .contains("tcp_rst_data.pcap: 199.204.31.89:80-172.16.133.41:52875: 1 frames, inconclusive (a single frame from the middle of a connection");
    assertThat(r.lines().get(8)).isEqualTo("summary: 8 connections: 7 conform, 0 deviate, 1 inconclusive");
  }

  @Test
  void jsonIsOneObjectPerConnection() {
    CliRun r = CliRun.run("trace", "--json", CliRun.capture("dns_tcp.pcap").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.lines()).containsExactly("{\"file\":\"" + CliRun.capture("dns_tcp.pcap") + "\",\"connection\":\"192.168.1.11:33779-209.87.249.18:53\","
        + "\"frames\":11,\"verdict\":\"conforms\",\"final\":{\"192.168.1.11:33779\":\"TIME_WAIT\",\"209.87.249.18:53\":\"CLOSED\"},"
        + "\"deviation\":null,\"reason\":\"\"}");
    assertThat(r.err()).contains("summary: 1 connections: 1 conform, 0 deviate, 0 inconclusive");
  }

  @Test
  void aDeviationExitsOneAndSaysWhereAndWhy() throws IOException {
    Path p = finWait2Data();
    CliRun r = CliRun.run("trace", p.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("10.0.0.1:40000-10.0.0.2:80: 6 frames, deviates at frame 6: expected no new text after SND.NXT=1002: SEND in FIN_WAIT2 sends none")
        .contains("saw PSH+ACK seq 1002 ack 5001 win 65535 len 10 from 10.0.0.1:40000; rule send_closing (RFC 9293 3.10.2)")
        .contains("summary: 1 connections: 0 conform, 1 deviate, 0 inconclusive");
    CliRun j = CliRun.run("trace", "--json", p.toString());
    assertThat(j.out()).contains("\"verdict\":\"deviates\"").contains("\"deviation\":{\"frame\":6,").contains("\"rule\":\"send_closing\",\"citation\":\"RFC 9293 3.10.2\"");
  }

  /** A restarted peer's in-window SYN answered by a challenge ACK (frame 5): RFC 5961 under rfc9293, a deviation under RFC 793's "send a reset". */
  @Test
  void theProfilesDisagreeAboutAChallengeAck() throws IOException {
    Path p = capture("challenge.pcap", new long[] {1, SYN, 1000, 0, 0}, new long[] {0, SYN | ACK, 5000, 1001, 0}, new long[] {1, ACK, 1001, 5001, 0},
        new long[] {1, SYN, 1050, 0, 0}, new long[] {0, ACK, 5001, 1001, 0});
    assertThat(CliRun.run("trace", "--profile", "rfc9293", p.toString()).exit()).isZero();
    CliRun r = CliRun.run("trace", "--profile", "rfc793", p.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("deviates at frame 5");
  }

  @Test
  void coverageCountsTheProfilesCells() {
    CliRun r = CliRun.run("trace", "--coverage", CliRun.capture("dns_tcp.pcap").toString());
    assertThat(r.out()).containsPattern("coverage of rfc9293: \\d+ of \\d+ rules, \\d+ of 677 cells; rules never exercised: .*passive_open_call");
  }

  /**
   * a closes first and enters TIME-WAIT (frame 6, b's FIN); b's FIN comes again (8) and a answers with a
   * reset (9), as a CLOSED endpoint does, 3 microseconds into TIME-WAIT: early for the default
   * shortest TIME-WAIT (30 s), in time for a --time-wait of 0.000002 s.
   */
  @Test
  void timeWaitIsTheShortestTimeWaitTaken() throws IOException {
    Path p = capture("tw.pcap", new long[] {1, SYN, 1000, 0, 0}, new long[] {0, SYN | ACK, 5000, 1001, 0}, new long[] {1, ACK, 1001, 5001, 0},
        new long[] {1, FIN | ACK, 1001, 5001, 0}, new long[] {0, ACK, 5001, 1002, 0}, new long[] {0, FIN | ACK, 5001, 1002, 0},
        new long[] {1, ACK, 1002, 5002, 0}, new long[] {0, FIN | ACK, 5001, 1002, 0}, new long[] {1, RST, 1002, 0, 0});
    CliRun early = CliRun.run("trace", p.toString());
    assertThat(early.exit()).as(early.out()).isEqualTo(1);
    assertThat(early.out()).contains("deviates at frame 9");
    CliRun shortTimeWait = CliRun.run("trace", "--time-wait", "0.000002", p.toString());
    assertThat(shortTimeWait.exit()).as(shortTimeWait.out()).isZero();
    assertThat(shortTimeWait.out()).contains("final 10.0.0.1:40000 CLOSED");
    CliRun negative = CliRun.run("trace", "--time-wait", "-5", p.toString());
    assertThat(negative.exit()).isEqualTo(2);
    assertThat(negative.err()).doesNotContain("Exception");
  }

  @Test
  void badInputIsExitTwoWithTheReason() throws IOException {
    CliRun missing = CliRun.run("trace", dir.resolve("nope.pcap").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.pcap: no such file");
    CliRun profile = CliRun.run("trace", "--profile", "rfc1", CliRun.capture("dns_tcp.pcap").toString());
    assertThat(profile.exit()).isEqualTo(2);
    assertThat(profile.err()).contains("no profile 'rfc1'; profiles are rfc793, rfc9293");
    byte[] whole = Files.readAllBytes(CliRun.capture("dns_tcp.pcap"));
    Path cut = dir.resolve("cut.pcap");
    Files.write(cut, Arrays.copyOf(whole, 300));
    CliRun truncated = CliRun.run("trace", cut.toString());
    assertThat(truncated.exit()).isEqualTo(2);
    assertThat(truncated.err()).contains("cut.pcap: offset ").doesNotContain("Exception");
    Path garbage = dir.resolve("garbage.pcap");
    Files.writeString(garbage, "not a capture at all");
    assertThat(CliRun.run("trace", garbage.toString()).err()).contains("not a pcap or pcapng file");
  }

  /** The quick path (no picocli) prints what picocli's does, byte for byte. */
  @Test
  void quickPathMatchesPicocli() throws IOException {
    Path p = finWait2Data();
    for (String[] a : List.of(args("trace"), new String[] {"trace", "--json", "--profile", "rfc793", p.toString()},
        new String[] {"trace", "--coverage", "--quiet", p.toString()})) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      Integer exit = TraceCommand.quick(a, new PrintWriter(out), new PrintWriter(err));
      CliRun slow = CliRun.run(a);
      assertThat(exit).isEqualTo(slow.exit());
      assertThat(out.toString()).isEqualTo(slow.out());
      assertThat(err.toString()).isEqualTo(slow.err());
    }
    assertThat(TraceCommand.quick(new String[] {"trace", "--help"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isNull();
  }

  /**
   * Linux resets a connection closed with unread data (captures/linux/EXPECTED.md, unread-close):
   * its RST carries ACK (tcp_send_active_reset), so under rfc793 no rule explains frame 6 (RFC 793
   * p.62 forms ABORT's reset as <SEQ=SND.NXT><CTL=RST>) and the command names the frame, the rule and
   * its clause; under linux the same capture conforms (linux_close_unread_reset, RFC 1122 4.2.2.13).
   */
  @Test
  void linuxResetOnUnreadCloseIsAnRfc793Deviation() {
    String pcap = CliRun.capture("linux/unread-close.pcap").toString();
    CliRun r = CliRun.run("trace", "--profile", "rfc793", pcap);
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("6 frames, deviates at frame 6: expected no RST,ACK from ESTABLISHED: ABORT's reset is <SEQ=SND.NXT><CTL=RST>")
        .contains("saw RST+ACK seq 1314341278 ack 355262354 win 64 len 0 from 127.0.0.1:5001; rule abort_reset (RFC 9293 3.10.5)");
    CliRun linux = CliRun.run("trace", "--profile", "linux", pcap);
    assertThat(linux.exit()).as(linux.err()).isZero();
    assertThat(linux.out()).contains("6 frames, conforms; final 127.0.0.1:40001 CLOSED, 127.0.0.1:5001 CLOSED");
  }
}
