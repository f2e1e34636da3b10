package io.tcpfsm.validate;

import io.tcpfsm.RepoRoot;
import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.diag.Code;
import io.tcpfsm.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled spec/tcp.fsm validates clean, and one small edit of it (a wrong target, a copied
 * transition, a deleted one) gives exactly the one diagnostic that edit deserves.
 */
class BundledSpecTest {
  private static final String FILE = "tcp.fsm";
  private static List<String> lines;

  @BeforeAll
  static void readSpec() throws IOException {
    // The bundled spec with its rules unnamed: the edits below find rules by their heads, and
    // a copied rule then takes the name made from its head (the case these tests are about).
    lines = List.of(Files.readString(RepoRoot.get().resolve("spec/tcp.fsm")).replaceAll(" rule [a-z0-9_]+ \\{", " {").split("\n", -1));
  }

  @Test
  void bundledSpecHasNoDiagnostics() {
    assertThat(diagnostics(lines)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "in CLOSED on OPEN_ACTIVE -> SYN_SENT {",
        "in LISTEN on CLOSE -> CLOSED {",
        "in SYN_SENT on CLOSE -> CLOSED {",
        "in ESTABLISHED on CLOSE -> FIN_WAIT1 {",
        "in FIN_WAIT2 on FIN+ACK when seq_acceptable and ack_acceptable -> TIME_WAIT {",
        "in TIME_WAIT on TIMEOUT_TIME_WAIT -> CLOSED {",
        "in CLOSE_WAIT on CLOSE -> CLOSING {"
      })
  void unknownTargetStateIsReportedAtItsToken(String head) {
    List<String> spec = new ArrayList<>(lines);
    int at = lineOf(head);
    String line = spec.get(at);
    int arrow = line.indexOf("-> ");
    String target = line.substring(arrow + 3, line.indexOf(' ', arrow + 3));
    spec.set(at, line.replace("-> " + target + " ", "-> NO_SUCH_STATE "));

    List<Diagnostic> found = diagnostics(spec);

    assertThat(found).hasSize(1);
    Diagnostic d = found.get(0);
    assertThat(d.code()).isEqualTo(Code.UNKNOWN_STATE);
    assertThat(d.pos().line()).isEqualTo(at + 1);
    assertThat(d.pos().column()).isEqualTo(arrow + 4);
    assertThat(d.message()).isEqualTo("unknown target state 'NO_SUCH_STATE'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "in CLOSED on OPEN_PASSIVE -> LISTEN {",
        "in CLOSED on STATUS ",
        "in ESTABLISHED on CLOSE -> FIN_WAIT1 {",
        "in CLOSE_WAIT on RECEIVE when not text_pending {",
        "in TIME_WAIT on FIN+ACK when seq_acceptable {",
        "in * except CLOSED on TIMEOUT_USER -> CLOSED {",
        "in CLOSE_WAIT on CLOSE -> CLOSING {"
      })
  void copiedTransitionOverlapsItsOriginal(String head) {
    List<String> spec = new ArrayList<>(lines);
    int at = lineOf(head);
    int end = endOf(at);
    List<String> copy = new ArrayList<>(spec.subList(at, end + 1));
    spec.addAll(end + 1, copy);
    int indent = spec.get(at).indexOf("in ");

    List<Diagnostic> found = diagnostics(spec);

    // The copy overlaps its original, and its name (made from the same head) is taken.
    assertThat(found).extracting(Diagnostic::code).containsExactly(Code.DUPLICATE_NAME, Code.OVERLAP);
    for (Diagnostic d : found) {
      assertThat(d.pos().line()).isEqualTo(end + 2);
      assertThat(d.pos().column()).isEqualTo(indent + 1);
    }
    assertThat(found.get(0).message()).endsWith(" is already the name of the rule at line " + (at + 1) + ":" + (indent + 1)
        + "; name one of them with 'rule NAME' before its '{'");
    assertThat(found.get(1).message()).startsWith("this transition overlaps the one at line " + (at + 1) + ":" + (indent + 1) + ": both apply in ");
  }

  /** Named apart, the copy still overlaps: a rule's name does not change which cells it applies to. */
  @ParameterizedTest
  @ValueSource(strings = {"in CLOSED on OPEN_PASSIVE -> LISTEN {", "in CLOSE_WAIT on CLOSE -> CLOSING {"})
  void copiedTransitionNamedApartStillOverlapsItsOriginal(String head) {
    List<String> spec = new ArrayList<>(lines);
    int at = lineOf(head);
    int end = endOf(at);
    List<String> copy = new ArrayList<>(spec.subList(at, end + 1));
    copy.set(0, copy.get(0).replaceFirst("\\{", "rule the_copy {"));
    spec.addAll(end + 1, copy);

    List<Diagnostic> found = diagnostics(spec);

    assertThat(found).extracting(Diagnostic::code).containsExactly(Code.OVERLAP);
    assertThat(found.get(0).pos().line()).isEqualTo(end + 2);
  }

  @Test
  void twoRulesNamedAlikeAreReportedAtTheSecond() {
    List<String> spec = new ArrayList<>(lines);
    int a = lineOf("in CLOSED on OPEN_PASSIVE -> LISTEN {");
    int b = lineOf("in CLOSED on OPEN_ACTIVE -> SYN_SENT {");
    spec.set(a, spec.get(a).replace("{", "rule open {"));
    spec.set(b, spec.get(b).replace("{", "rule open {"));

    List<Diagnostic> found = diagnostics(spec);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).code()).isEqualTo(Code.DUPLICATE_NAME);
    assertThat(found.get(0).pos().line()).isEqualTo(b + 1);
    assertThat(found.get(0).message()).isEqualTo("rule 'open' is already the name of the rule at line " + (a + 1) + ":"
        + (spec.get(a).indexOf("open {") + 1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "in SYN_SENT on CLOSE -> CLOSED {               | SYN_SENT    | state SYN_SENT has no transition on CLOSE",
        "in LISTEN on OPEN_PASSIVE {                    | LISTEN      | state LISTEN has no transition on OPEN_PASSIVE",
        "in CLOSED on STATUS                            | CLOSED      | state CLOSED has no transition on STATUS",
        "in LISTEN on SEND -> SYN_SENT {                | LISTEN      | state LISTEN has no transition on SEND",
        "in CLOSE_WAIT on RECEIVE when text_pending {   | CLOSE_WAIT  | state CLOSE_WAIT has no transition on RECEIVE when text_pending",
        "in CLOSE_WAIT on FIN+ACK when seq_acceptable and ack_acceptable { | CLOSE_WAIT | state CLOSE_WAIT has no transition on FIN+ACK when seq_acceptable and ack_acceptable in profiles rfc793, rfc9293"
      })
  void deletedTransitionLeavesAGapAtTheStatesDeclaration(String head, String state, String message) {
    List<String> spec = new ArrayList<>(lines);
    int at = lineOf(head);
    int end = endOf(at);
    // Blank the lines instead of removing them, so every other position stays put.
    for (int i = at; i <= end; i++) {
      spec.set(i, "");
    }

    List<Diagnostic> found = diagnostics(spec);

    assertThat(found).hasSize(1);
    Diagnostic d = found.get(0);
    assertThat(d.code()).isEqualTo(Code.INCOMPLETE);
    assertThat(d.pos().line()).isEqualTo(declarationOf(state) + 1);
    assertThat(d.pos().column()).isEqualTo(3);
    assertThat(d.message()).isEqualTo(message);
  }

  private static List<Diagnostic> diagnostics(List<String> spec) {
    return Validator.check(FILE, String.join("\n", spec)).diagnostics().sorted();
  }

  /**
   * The 0-based index of the one line that starts (after indentation) with {@code prefix}; where a
   * profile repeats a base transition's head (linux_close_wait_fin_ignored), the base one.
   */
  private static int lineOf(String prefix) {
    List<Integer> found =
        IntStream.range(0, lines.size()).filter(i -> lines.get(i).strip().startsWith(prefix.strip())).boxed().toList();
    if (found.size() > 1) {
      found = found.stream().filter(i -> lines.get(i).startsWith(prefix.strip())).toList();
    }
    assertThat(found).as("lines starting with '%s'", prefix).hasSize(1);
    return found.get(0);
  }

  /** The 0-based index of the line in the states block that declares {@code state}. */
  private static int declarationOf(String state) {
    int i = lineOf("states {") + 1;
    for (; !lines.get(i).strip().equals("}"); i++) {
      if (lines.get(i).strip().split("\\s+")[0].equals(state)) {
        return i;
      }
    }
    throw new IllegalStateException("state " + state + " is not declared");
  }

  /** The 0-based index of the line that closes the transition starting at line {@code start}. */
  private static int endOf(int start) {
    int depth = 0;
    for (int i = start; i < lines.size(); i++) {
      boolean inString = false;
      char[] cs = lines.get(i).toCharArray();
      for (int k = 0; k < cs.length; k++) {
        char c = cs[k];
        if (c == '\\' && inString) {
          k++;
        } else if (c == '"') {
          inString = !inString;
        } else if (c == '#' && !inString) {
          break;
        } else if (!inString && c == '{') {
          depth++;
        } else if (!inString && c == '}' && --depth == 0) {
          return i;
        }
      }
    }
    throw new IllegalStateException("no end for the transition at line " + (start + 1));
  }
}
