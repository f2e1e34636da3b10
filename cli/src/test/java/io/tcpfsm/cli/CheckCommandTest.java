package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path dir;

  @Test
  void bundledSpecPassesAndIsSummarised() {
    CliRun r = CliRun.run("check", CliRun.spec());
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    // 11 states x (7 calls + 16 flag combinations of SYN, FIN, RST, ACK + 3 timeouts) = 286 pairs;
    // the cells are those pairs times the valuations of the guards each pair's transitions test.
    assertThat(r.out())
        .contains("states       11")
        .contains("events       26 (7 calls, 16 segments, 3 timeouts)")
        .contains("guards       10")
        .contains("286 state x event pairs");
  }

  @Test
  void profileOptionLimitsTheSummary() {
    CliRun r = CliRun.run("check", "--profile", "rfc793", CliRun.spec());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("profile rfc793").doesNotContain("profile rfc9293");
  }

  @Test
  void unknownProfileIsAnInputProblem() {
    CliRun r = CliRun.run("check", "--profile", "rfc1122", CliRun.spec());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("has no profile 'rfc1122'; it has rfc793, rfc9293, linux");
  }

  @Test
  void brokenSpecPrintsEachProblemAndExitsOne() throws Exception {
    String text = Files.readString(Path.of(CliRun.spec())).replace("in ESTABLISHED on CLOSE -> FIN_WAIT1 rule", "in ESTABLISHED on CLOSE -> FIN_WAIT_1 rule");
    Path broken = dir.resolve("broken.fsm");
    Files.writeString(broken, text);
    int line = lineOf(text, "in ESTABLISHED on CLOSE -> FIN_WAIT_1 rule");
    CliRun r = CliRun.run("check", broken.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(broken + ":" + line + ":28: error: unknown target state 'FIN_WAIT_1'; did you mean FIN_WAIT1? [E003]\n1 error\n");
  }

  @Test
  void syntaxErrorsAreReportedWithoutAStackTrace() throws Exception {
    Path broken = dir.resolve("syntax.fsm");
    Files.writeString(broken, "states {\n  CLOSED initial\n  LISTEN $\n}\n");
    CliRun r = CliRun.run("check", broken.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith(broken + ":3:10: error: unexpected character '$'").doesNotContain("Exception");
  }

  @Test
  void missingFileIsAnInputProblem() {
    CliRun r = CliRun.run("check", dir.resolve("nope.fsm").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("nope.fsm: no such file");
  }

  @Test
  void missingArgumentIsAUsageError() {
    CliRun r = CliRun.run("check");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required parameter");
  }

  static int lineOf(String text, String needle) {
    int index = text.indexOf(needle);
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }
}
