package io.tcpfsm.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.Record;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.trace.TraceChecker;
import io.tcpfsm.trace.Verdict;
import io.tcpfsm.wire.Segment;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trace checker's verdict on each capture of Linux's own TCP, under each profile, against the
 * reviewed table of captures/linux/EXPECTED.md (the answer key: each row reasoned frame by frame
 * from tcpdump's reading and the RFC text, not from the checker). Where root, ip, tcpdump and nft
 * are there (CI), each scenario is recorded afresh and must conform under linux and get the same
 * verdict under rfc793: the "taken fresh on a machine like this one".
 */
class LinuxVerdictsTest {
  private static final List<String> PROFILES = List.of("linux", "rfc9293", "rfc793");

  /** One row of EXPECTED.md's table. {@code frame} is -1 for "-"; {@code rule} is the "rule (citation)" column. */
  record Row(String capture, String profile, String verdict, long frame, String rule, String finals) {}

  static List<Row> expected() throws Exception {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(LinuxCapturesTest.dir().resolve("EXPECTED.md"))) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] c = line.split("\\|");
      String capture = c[1].strip().replace("`", "");
      String frame = c[4].strip();
      rows.add(new Row(capture, c[2].strip(), c[3].strip(), frame.equals("-") ? -1 : Long.parseLong(frame), c[5].strip(), c[7].strip()));
    }
    return rows;
  }

  static Stream<Row> rows() throws Exception {
    return expected().stream();
  }

  static Row row(String capture, String profile) throws Exception {
    return expected().stream().filter(r -> r.capture().equals(capture) && r.profile().equals(profile)).findFirst()
        .orElseThrow(() -> new AssertionError("EXPECTED.md has no row for " + capture + " under " + profile));
  }

  /** The verdicts of the checker on {@code pcap} under {@code profile}, as {@code ./tcpfsm trace} gives them. */
  static List<Verdict> check(Path pcap, String profile) throws Exception {
    List<Verdict> out = new ArrayList<>();
    TraceChecker checker = new TraceChecker(TcpProfile.named(profile).orElseThrow(), out::add);
    try (InputStream in = Files.newInputStream(pcap); CaptureReader r = CaptureReader.open(in)) {
      long n = 0;
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        checker.accept(FrameDecoder.decode(rec), ++n, rec.epochSecond() * 1_000_000_000L + rec.nanos());
      }
    }
    checker.finish();
    return out;
  }

  @Test
  void everyCaptureHasARowPerProfile() throws Exception {
    List<Row> rows = expected();
    assertThat(rows).hasSize(LinuxCapture.SCENARIOS.size() * PROFILES.size());
    for (String s : LinuxCapture.SCENARIOS) {
      for (String p : PROFILES) {
        assertThat(row(s + ".pcap", p).verdict()).isIn("conform", "deviation");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void committedCaptureGetsItsReviewedVerdict(Row row) throws Exception {
    List<Verdict> vs = check(LinuxCapturesTest.dir().resolve(row.capture()), row.profile());
    assertThat(vs).as("one connection in %s", row.capture()).hasSize(1);
    assertMatches(vs.get(0), row, row.frame());
    assertFinals(vs.get(0), row);
    if (row.capture().equals("simultaneous-close.pcap")) {
      // One segment was dropped after the capture point: the client's first FIN, frame 6, which frame 9
      // retransmits (tcpdump: the same SEQ 362678271; tshark marks 9 tcp.analysis.retransmission).
      assertThat(vs.get(0).reason()).as("%s", vs.get(0)).isEqualTo("assuming 1 segment(s) lost out of sight of the capture");
    }
    if (row.capture().equals("simultaneous-open.pcap")) {
      // Two were dropped: both first SYNs, frames 1 and 2, which frames 4 and 3 send again (the same SEQ,
      // a later TSval; tshark marks 3 and 4 tcp.analysis.retransmission, captures/linux/README.md says why).
      assertThat(vs.get(0).reason()).as("%s", vs.get(0)).isEqualTo("assuming 2 segment(s) lost out of sight of the capture");
    }
    if (row.verdict().equals("deviation")) {
      // At the reset (frame 6) both ends are ESTABLISHED: tcpdump shows the handshake (1-3) and text
      // acknowledged (4-5). Hypotheses alive only because loopback's first bad checksums might be
      // corruption (the server never having sent its SYN,ACK...) are not what a reader needs.
      assertThat(vs.get(0).deviation().statesA()).as("%s", vs.get(0)).isEqualTo("ESTABLISHED");
      assertThat(vs.get(0).deviation().statesB()).as("%s", vs.get(0)).isEqualTo("ESTABLISHED");
    }
    if (row.capture().equals("bulk.pcap")) {
      // Nothing was dropped in this scenario (no nftables rule, captures/linux/README.md): an explanation
      // that assumes a lost segment is a wrong one, even if the verdict is right.
      assertThat(vs.get(0).reason()).as("%s", vs.get(0)).isEmpty();
    }
  }

  static Stream<String> scenarios() {
    return LinuxCapture.SCENARIOS.stream();
  }

  /**
   * Records the scenario here and now: it must conform under linux, and under rfc793 get the
   * reviewed verdict, a deviation at the fresh capture's own first reset where EXPECTED.md has one.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void freshRecordingGetsTheReviewedVerdicts(String scenario, @TempDir Path tmp) throws Exception {
    Optional<String> missing = LinuxCapture.missing();
    assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
    Path pcap = tmp.resolve(scenario + ".pcap");
    LinuxCapture.record(scenario, pcap);
    for (String profile : List.of("linux", "rfc793")) {
      Row row = row(scenario + ".pcap", profile);
      List<Verdict> vs = check(pcap, profile);
      assertThat(vs).as("one connection in the fresh %s", scenario).hasSize(1);
      assertMatches(vs.get(0), row, row.frame() < 0 ? -1 : firstResetFrame(pcap));
    }
  }

  /** The frame number (from 1) of the capture's first reset: where the abort and the unread close show. */
  private static long firstResetFrame(Path pcap) throws Exception {
    List<Segment> segs = Outline.read(pcap).segments();
    for (int i = 0; i < segs.size(); i++) {
      if (segs.get(i).rst()) {
        return i + 1;
      }
    }
    throw new AssertionError("no reset in " + pcap);
  }

  /** The ends' final states, as the row's last column gives them ("client, server"; "?" not judged, "-" for a deviation). */
  private static void assertFinals(Verdict v, Row row) {
    if (row.finals().equals("-")) {
      return;
    }
    String[] f = row.finals().split(",\\s*");
    String what = row.capture() + " under " + row.profile() + ": " + v;
    assertThat(v.finalA()).as(what).isEqualTo(f[0]);
    if (!f[1].equals("?")) {
      assertThat(v.finalB()).as(what).isEqualTo(f[1]);
    }
  }

  private static void assertMatches(Verdict v, Row row, long frame) {
    String what = row.capture() + " under " + row.profile() + ": " + v;
    if (row.verdict().equals("conform")) {
      assertThat(v.kind()).as(what).isEqualTo(Verdict.Kind.CONFORMS);
      return;
    }
    assertThat(v.kind()).as(what).isEqualTo(Verdict.Kind.DEVIATES);
    Verdict.Deviation d = v.deviation();
    assertThat(d.frame()).as(what).isEqualTo(frame);
    // The rule column names the rule the departure breaks ("abort_reset: RFC 9293 3.10.5 ...") and its clause.
    assertThat(d.rule()).as(what).isNotEmpty();
    assertThat(row.rule()).as(what).contains(d.rule() + ":");
    assertThat(d.citation()).as(what).isNotEmpty();
    assertThat(row.rule()).as(what).contains(d.citation());
  }
}
