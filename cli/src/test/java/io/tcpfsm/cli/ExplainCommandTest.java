package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answers the RFCs give, asked of the bundled model through the CLI. */
class ExplainCommandTest {
  private static CliRun explain(String profile, String state, String event, String guards, boolean json) {
    List<String> args = new ArrayList<>(List.of("explain", "--spec", CliRun.spec(), "--profile", profile, "--state", state, "--event", event));
    if (!guards.isBlank()) {
      for (String g : guards.trim().split(" ")) {
        args.add("--guard");
        args.add(g);
      }
    }
    if (json) {
      args.add("--json");
    }
    return CliRun.run(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}: {1} on {2} [{3}] -> {4} doing {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // RFC 9293 3.10.4 corrects RFC 793's text: CLOSE in CLOSE-WAIT goes to LAST-ACK.
        "rfc9293 | CLOSE_WAIT  | CLOSE       |                                                    | LAST_ACK    | {\"kind\":\"send\",\"flags\":\"FIN+ACK\",\"seq\":\"SND.NXT\",\"ack\":\"RCV.NXT\"}",
        "rfc793  | CLOSE-WAIT  | CLOSE       |                                                    | CLOSING     | {\"kind\":\"send\",\"flags\":\"FIN+ACK\",\"seq\":\"SND.NXT\",\"ack\":\"RCV.NXT\"}",
        // RST in SYN-RECEIVED returns to LISTEN only after a passive OPEN.
        "rfc793  | SYN_RECV    | RST         | seq_acceptable=true passive_open=true              | LISTEN      | {\"kind\":\"timer\",\"op\":\"cancel\",\"timer\":\"RETRANSMIT\"}",
        "rfc793  | SYN_RECV    | RST         | seq_acceptable=true passive_open=false             | CLOSED      | {\"kind\":\"signal\",\"text\":\"connection refused\"}",
        "rfc9293 | SYN-RECEIVED| RST         | seq_acceptable=true passive_open=true rst_seq_exact=true | LISTEN | {\"kind\":\"timer\",\"op\":\"cancel\",\"timer\":\"RETRANSMIT\"}",
        "rfc9293 | SYN_RECV    | RST         | seq_acceptable=true passive_open=false rst_seq_exact=true | CLOSED | {\"kind\":\"signal\",\"text\":\"connection refused\"}",
        // RFC 5961 section 3: an in-window RST that is not exact draws a challenge ACK.
        "rfc9293 | ESTABLISHED | RST         | seq_acceptable=true rst_seq_exact=false            | ESTABLISHED | {\"kind\":\"send\",\"flags\":\"ACK\",\"seq\":\"SND.NXT\",\"ack\":\"RCV.NXT\"}",
        "rfc793  | ESTABLISHED | RST         | seq_acceptable=true                                | CLOSED      | {\"kind\":\"signal\",\"text\":\"connection reset\"}",
        "rfc793  | ESTABLISHED | RST+ACK     | seq_acceptable=false                               | ESTABLISHED | {\"kind\":\"drop\"}",
        // RFC 5961 section 4: a SYN in a synchronized state draws a challenge ACK, not a reset.
        "rfc9293 | ESTABLISHED | SYN         | seq_acceptable=true                                | ESTABLISHED | {\"kind\":\"send\",\"flags\":\"ACK\",\"seq\":\"SND.NXT\",\"ack\":\"RCV.NXT\"}",
        "rfc793  | ESTABLISHED | SYN         | seq_acceptable=true                                | CLOSED      | {\"kind\":\"send\",\"flags\":\"RST\",\"seq\":\"SND.NXT\"}",
        "rfc9293 | SYN_RECV    | SYN         | seq_acceptable=true passive_open=true              | LISTEN      | {\"kind\":\"timer\",\"op\":\"cancel\",\"timer\":\"RETRANSMIT\"}",
        // The handshake.
        "rfc9293 | CLOSED      | OPEN_ACTIVE |                                                    | SYN_SENT    | {\"kind\":\"send\",\"flags\":\"SYN\",\"seq\":\"ISS\"}",
        "rfc9293 | LISTEN      | SYN         |                                                    | SYN_RECV    | {\"kind\":\"send\",\"flags\":\"SYN+ACK\",\"seq\":\"ISS\",\"ack\":\"RCV.NXT\"}",
        "rfc9293 | SYN_SENT    | SYN+ACK     | ack_acceptable=true has_data=false                 | ESTABLISHED | {\"kind\":\"send\",\"flags\":\"ACK\",\"seq\":\"SND.NXT\",\"ack\":\"RCV.NXT\"}",
        "rfc9293 | SYN_SENT    | ACK+SYN     | ack_acceptable=false                               | SYN_SENT    | {\"kind\":\"send\",\"flags\":\"RST\",\"seq\":\"SEG.ACK\"}",
        "rfc9293 | SYN_SENT    | SYN         |                                                    | SYN_RECV    | {\"kind\":\"send\",\"flags\":\"SYN+ACK\",\"seq\":\"ISS\",\"ack\":\"RCV.NXT\"}",
        "rfc9293 | LISTEN      | ACK         |                                                    | LISTEN      | {\"kind\":\"send\",\"flags\":\"RST\",\"seq\":\"SEG.ACK\"}",
        "rfc9293 | CLOSED      | SYN         |                                                    | CLOSED      | {\"kind\":\"send\",\"flags\":\"RST+ACK\",\"seq\":\"0\",\"ack\":\"SEG.SEQ+SEG.LEN\"}",
        // Closing.
        "rfc9293 | FIN_WAIT1   | FIN+ACK     | seq_acceptable=true ack_acceptable=true fin_acked=true  | TIME_WAIT | {\"kind\":\"deliver\"}",
        "rfc9293 | FIN_WAIT1   | FIN+ACK     | seq_acceptable=true ack_acceptable=true fin_acked=false | CLOSING   | {\"kind\":\"deliver\"}",
        "rfc9293 | FIN_WAIT1   | ACK         | seq_acceptable=true ack_acceptable=true fin_acked=true has_data=false | FIN_WAIT2 | {\"kind\":\"timer\",\"op\":\"cancel\",\"timer\":\"RETRANSMIT\"}",
        "rfc9293 | LAST_ACK    | ACK         | seq_acceptable=true ack_acceptable=true fin_acked=true | CLOSED      | {\"kind\":\"timer\",\"op\":\"cancel\",\"timer\":\"RETRANSMIT\"}",
        "rfc9293 | TIME_WAIT   | FIN+ACK     | seq_acceptable=true ack_acceptable=true            | TIME_WAIT   | {\"kind\":\"send\",\"flags\":\"ACK\",\"seq\":\"SND.NXT\",\"ack\":\"RCV.NXT\"}",
        "rfc9293 | TIME_WAIT   | TIMEOUT_TIME_WAIT |                                              | CLOSED      | {\"kind\":\"delete_tcb\"}",
        // Error replies to user calls.
        "rfc9293 | CLOSED      | SEND        |                                                    | CLOSED      | {\"kind\":\"signal\",\"text\":\"error: connection does not exist\"}",
        "rfc9293 | ESTABLISHED | OPEN_ACTIVE |                                                    | ESTABLISHED | {\"kind\":\"signal\",\"text\":\"error: connection already exists\"}",
        "rfc9293 | FIN_WAIT2   | SEND        |                                                    | FIN_WAIT2   | {\"kind\":\"signal\",\"text\":\"error: connection closing\"}",
        "rfc9293 | ESTABLISHED | TIMEOUT_USER |                                                   | CLOSED      | {\"kind\":\"timer\",\"op\":\"cancel\",\"timer\":\"RETRANSMIT\"}",
      })
  void answersMatchTheRfcs(String profile, String state, String event, String guards, String target, String action) {
    CliRun r = explain(profile, state, event, guards == null ? "" : guards, true);
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("\"target\":\"" + target + "\"");
    assertThat(r.out().substring(r.out().indexOf("\"actions\":["), r.out().indexOf("],\"citation\""))).contains(action);
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    CliRun r = explain("rfc793", "CLOSE_WAIT", "CLOSE", "", true);
    String text = java.nio.file.Files.readString(java.nio.file.Path.of(CliRun.spec()));
    int line = CheckCommandTest.lineOf(text, "in CLOSE_WAIT on CLOSE -> CLOSING rule rfc793_close_wait_close {");
    assertThat(r.out().trim())
        .isEqualTo(
            "{\"profile\":\"rfc793\",\"state\":\"CLOSE_WAIT\",\"event\":\"CLOSE\",\"guards\":{},\"target\":\"CLOSING\","
                + "\"rule\":\"rfc793_close_wait_close\","
                + "\"actions\":[{\"kind\":\"send\",\"flags\":\"FIN+ACK\",\"seq\":\"SND.NXT\",\"ack\":\"RCV.NXT\"},"
                + "{\"kind\":\"set\",\"var\":\"SND.NXT\",\"value\":\"SND.NXT+1\"},"
                + "{\"kind\":\"timer\",\"op\":\"start\",\"timer\":\"RETRANSMIT\"}],"
                + "\"citation\":\"RFC 793 3.9 p.61\","
                + "\"quote\":\"Queue this request until all preceding SENDs have been segmentized; then send a FIN segment, enter CLOSING state.\","
                + "\"citations\":[\"RFC 793 3.9 p.61\"],"
                + "\"note\":\"RFC 793's text says CLOSING here, but its own diagram (figure 6, p.23) goes to LAST-ACK; this profile follows the text. RFC 1122 4.2.2.20 and RFC 9293 3.10.4 correct it to LAST-ACK (profile rfc9293).\","
                + "\"source\":\"" + CliRun.spec() + ":" + line + "\"}");
  }

  @Test
  void textNamesTargetActionsCitationAndLine() {
    CliRun r = explain("rfc9293", "CLOSE_WAIT", "CLOSE", "", false);
    assertThat(r.out())
        .contains("-> LAST_ACK (LAST-ACK)")
        .contains("1. send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=FIN,ACK>")
        .contains("cites:  RFC 9293 3.10.4")
        .contains("source: " + CliRun.spec() + ":");
  }

  @Test
  void missingGuardsAreNamedWithTheirMeaning() {
    CliRun r = explain("rfc9293", "SYN_RECV", "RST", "passive_open=true", false);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("depends on guards not given")
        .contains("--guard seq_acceptable=true|false   the segment passes the acceptability test")
        .contains("--guard rst_seq_exact=true|false")
        .doesNotContain("--guard passive_open");
  }

  @Test
  void irrelevantGuardsMayBeLeftOut() {
    // Without seq_acceptable the outcome for a RST differs, but for CLOSE it never matters.
    CliRun r = explain("rfc9293", "ESTABLISHED", "CLOSE", "seq_acceptable=true", true);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("\"guards\":{}");
  }

  @Test
  void unknownNamesAreInputProblems() {
    assertThat(explain("rfc9293", "ESTABLISHD", "CLOSE", "", false).err()).contains("unknown state 'ESTABLISHD'");
    assertThat(explain("rfc9293", "ESTABLISHED", "PSH", "", false).err()).contains("unknown event 'PSH'");
    CliRun bad = explain("rfc9293", "ESTABLISHED", "ACK", "nope=true", false);
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("unknown guard 'nope'");
  }

  @Test
  void profileIsRequiredWhenThereAreSeveral() {
    CliRun r = CliRun.run("explain", "--spec", CliRun.spec(), "--state", "LISTEN", "--event", "SYN");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--profile is required; this spec has rfc793, rfc9293, linux");
  }

  @Test
  void misspeltNamesGetADidYouMean() {
    CliRun state = explain("rfc9293", "ESTABLISHD", "CLOSE", "", false);
    assertThat(state.exit()).isEqualTo(1);
    assertThat(state.err()).isEqualTo("tcpfsm: explain: unknown state 'ESTABLISHD'; did you mean ESTABLISHED?\n");
    assertThat(explain("rfc9293", "SYN-RECIEVED", "RST", "", false).err()).contains("did you mean SYN-RECEIVED?");
    CliRun event = explain("rfc9293", "ESTABLISHED", "SYNACK", "", false);
    assertThat(event.exit()).isEqualTo(1);
    assertThat(event.err()).isEqualTo("tcpfsm: explain: unknown event 'SYNACK'; did you mean SYN+ACK?\n");
    assertThat(explain("rfc9293", "ESTABLISHED", "CLOES", "", false).err()).contains("did you mean CLOSE?");
    CliRun guard = explain("rfc9293", "ESTABLISHED", "RST", "seq_aceptable=true", false);
    assertThat(guard.exit()).isEqualTo(1);
    assertThat(guard.err()).isEqualTo("tcpfsm: explain: unknown guard 'seq_aceptable'; did you mean seq_acceptable?\n");
  }

  @Test
  void aNameFarFromEveryOneListsTheNamesThereAre() {
    assertThat(explain("rfc9293", "HALF_OPEN", "CLOSE", "", false).err())
        .startsWith("tcpfsm: explain: unknown state 'HALF_OPEN'; states are CLOSED, LISTEN, SYN_SENT");
  }

  @Test
  void flagsTheModelDoesNotDistinguishAreSaidSo() {
    CliRun r = explain("rfc9293", "ESTABLISHED", "PSH+ACK", "", false);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("tcpfsm: explain: unknown event 'PSH+ACK': the model does not distinguish PSH;"
        + " name a segment by its SYN, FIN, RST, ACK flags only; did you mean ACK?\n");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "SYN_SENT, SYN+ACK",
    "SYN-SENT, SYN-ACK",
    "syn-sent, syn-ack",
    "syn_sent, syn_ack",
    "Syn-Sent, ack+syn",
    "synsent, 'syn, ack'",
  })
  void statesAndSegmentsTakeAnyCaseAndSeparator(String state, String event) {
    CliRun r = explain("rfc9293", state, event, "ack-acceptable=true has_data=false", true);
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("\"state\":\"SYN_SENT\",\"event\":\"SYN+ACK\",\"guards\":{\"ack_acceptable\":true,\"has_data\":false},\"target\":\"ESTABLISHED\"");
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource({
    "syn-received,  rst,               seq_acceptable=true passive_open=true rst_seq_exact=true, LISTEN",
    "fin-wait-1,    close,             '',                                                       FIN_WAIT1",
    "fin_wait_1,    CLOSE,             '',                                                       FIN_WAIT1",
    "closed,        open-active,       '',                                                       SYN_SENT",
    "time-wait,     timeout-time-wait, '',                                                       CLOSED",
  })
  void lowercaseStatesCallsAndTimeoutsAreAccepted(String state, String event, String guards, String target) {
    CliRun r = explain("rfc9293", state, event, guards, true);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("\"target\":\"" + target + "\"");
  }

  @Test
  void aLooseSpellingThatFitsTwoNamesIsRefused(@TempDir Path dir) throws Exception {
    // A second guard whose name differs from seq_acceptable only by its separator (unused: a warning, not an error).
    Path spec = dir.resolve("two.fsm");
    Files.writeString(spec, Files.readString(Path.of(CliRun.spec())).replaceFirst("guards \\{\n", "guards {\n  seqacceptable \"a look-alike\"\n"));
    List<String> args = List.of("explain", "--spec", spec.toString(), "--profile", "rfc9293", "--state", "ESTABLISHED", "--event", "CLOSE");
    CliRun loose = CliRun.run(concat(args, "--guard", "seq-acceptable=true"));
    assertThat(loose.exit()).isEqualTo(1);
    assertThat(loose.err())
        .isEqualTo("tcpfsm: explain: guard 'seq-acceptable' is ambiguous: it could be seqacceptable or seq_acceptable; give its exact name\n");
    assertThat(CliRun.run(concat(args, "--guard", "seq_acceptable=true")).exit()).isZero();
  }

  private static String[] concat(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void aGuardGivenTwiceUnderTwoSpellingsIsAnInputProblem() {
    CliRun r = explain("rfc9293", "ESTABLISHED", "RST", "seq_acceptable=true seq-acceptable=false", false);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("tcpfsm: explain: guard seq_acceptable is given twice\n");
  }
}
