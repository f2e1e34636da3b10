package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tcpfsm explore} on a spec whose TIME-WAIT never ends (its 2 MSL timeout stays): exit
 * 1, the shortest counterexample as a chart, and a capture that tcpfsm's decoder and tshark
 * (when installed) read without a malformed frame.
 */
class ExploreCommandTest {
  private static final String PROPERTIES = """
      # a reduced set, so the test explores little
      always "TIME-WAIT ends": from X = TIME_WAIT reach X = CLOSED without ABORT, TIMEOUT_USER;
      possible "simultaneous close": A = CLOSING and B = CLOSING;
      """;

  @TempDir Path dir;

  private Path brokenSpec() throws Exception {
    String spec = Files.readString(CliRun.root().resolve("spec/tcp.fsm"));
    String from = "in TIME_WAIT on TIMEOUT_TIME_WAIT -> CLOSED rule time_wait_timeout {\n  delete tcb";
    assertThat(spec).contains(from);
    Path file = dir.resolve("broken.fsm");
    Files.writeString(file, spec.replace(from, "in TIME_WAIT on TIMEOUT_TIME_WAIT -> TIME_WAIT rule time_wait_timeout {\n  timer start TIME_WAIT"));
    return file;
  }

  private Path properties() throws Exception {
    Path file = dir.resolve("p.properties");
    Files.writeString(file, PROPERTIES);
    return file;
  }

  @Test
  void plantedDeadlockIsFound_chartAndCaptureWritten() throws Exception {
    Path pcaps = dir.resolve("runs");
    CliRun r = CliRun.run("explore", "--spec", brokenSpec().toString(), "--properties", properties().toString(),
        "--sends", "0", "--pcap", pcaps.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("TIME-WAIT ends: fails", "shortest counterexample, 10 steps", "simultaneous close: possible",
        "(exhaustive)", "1 of 2 properties not as required");
    assertThat(r.out()).containsPattern("explored +[0-9,]+ joint states, [0-9,]+ transitions");
    assertThat(r.out()).containsPattern(" 10\\.  .*TIME_WAIT");
    Path capture = pcaps.resolve("time-wait-ends.pcap");
    assertThat(capture).exists();
    CliRun decoded = CliRun.run("decode", capture.toString());
    assertThat(decoded.exit()).as(decoded.err()).isZero();
    assertThat(decoded.summary()).contains("0 bad checksums", "0 malformed");
    assertThat(decoded.lines()).anyMatch(l -> l.contains("Flags [F.]"));
    assumeTrue(ExternalTools.available("tshark"), "tshark is not installed");
    List<String> cmd = new ArrayList<>(List.of("tshark", "-r", capture.toString(), "-Y", "_ws.malformed || _ws.expert.severity >= error"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).as("frames tshark finds malformed").isEmpty();
  }

  @Test
  void reorderingWithOneSegmentInFlightSaysItReordersNothing() throws Exception {
    String note = "nothing to reorder: --in-flight 2";
    CliRun one = CliRun.run("explore", "--spec", brokenSpec().toString(), "--properties", properties().toString(), "--sends", "0", "--reorder");
    assertThat(one.out()).contains(note);
    CliRun two = CliRun.run("explore", "--spec", brokenSpec().toString(), "--properties", properties().toString(), "--sends", "0", "--reorder",
        "--capacity", "2", "--max-states", "20000");
    assertThat(two.out()).contains("2 segments in flight per direction").doesNotContain(note);
    CliRun network = CliRun.run("explore", "--spec", brokenSpec().toString(), "--properties", properties().toString(), "--sends", "0", "--reorder",
        "--in-flight", "2", "--json");
    assertThat(network.out()).contains("\"capacity\":2,\"in_flight\":2", "\"exhaustive\":true").doesNotContain(note);
    CliRun text = CliRun.run("explore", "--spec", brokenSpec().toString(), "--properties", properties().toString(), "--sends", "0", "--reorder",
        "--in-flight", "2");
    assertThat(text.out()).contains("2 segments in flight in the network, up to 2 in one direction", "TIME-WAIT ends: fails").doesNotContain(note);
    CliRun oneInAll = CliRun.run("explore", "--spec", brokenSpec().toString(), "--properties", properties().toString(), "--sends", "0", "--reorder",
        "--in-flight", "1");
    assertThat(oneInAll.out()).contains("1 segment in flight in the network, up to 1 in one direction", note);
  }

  @Test
  void jsonCarriesCountsAndVerdicts() throws Exception {
    CliRun r = CliRun.run("explore", "--spec", brokenSpec().toString(), "--properties", properties().toString(), "--sends", "0", "--json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith("{\"profiles\":[\"rfc9293\",\"rfc9293\"]").contains("\"verdict\":\"fails\"", "\"exhaustive\":true", "\"ok\":false");
  }

  @Test
  void badPropertiesAreNamedByLine_badUsageIsExit2() throws Exception {
    Path bad = dir.resolve("bad.properties");
    Files.writeString(bad, "never \"x\": A = NOWHERE;\n");
    CliRun r = CliRun.run("explore", "--properties", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("tcpfsm: explore: " + bad + ":1:16: error: unknown state 'NOWHERE'");
    assertThat(CliRun.run("explore", "--profiles", "rfc793").exit()).isEqualTo(2);
    assertThat(CliRun.run("explore", "--profile", "rfc1").err()).contains("no profile 'rfc1'; this spec has rfc793, rfc9293");
    assertThat(CliRun.run("explore", "--capacity", "9").exit()).isEqualTo(2);
    CliRun inFlight = CliRun.run("explore", "--in-flight", "7");
    assertThat(inFlight.exit()).isEqualTo(2);
    assertThat(inFlight.err().strip()).isEqualTo("tcpfsm: explore: in-flight must be 1 to 6: 7");
    assertThat(CliRun.run("explore", "--in-flight", "0").err().strip()).isEqualTo("tcpfsm: explore: in-flight must be 1 to 6: 0");
  }
}
