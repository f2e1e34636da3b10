package io.tcpfsm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The clause split of RFC 793 3.9 and RFC 9293 3.10, read from the RFC text. */
class AuditClausesTest {
  private static final List<String> ORDER = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth");

  private static List<String> golden(String name) throws IOException {
    try (InputStream in = AuditClausesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }
  }

  private static List<String> rows(int rfc, String section) {
    return ClauseSplitter.split(rfc, section).stream().map(c -> c.id() + "\t" + c.where() + "\t" + c.stepKind()).toList();
  }

  @Test
  void rfc793sEventProcessingSplitsIntoTheReviewedClauses() throws IOException {
    assertThat(rows(793, "3.9")).containsExactlyElementsOf(golden("rfc793-3.9.clauses"));
  }

  @Test
  void rfc9293sEventProcessingSplitsIntoTheReviewedClauses() throws IOException {
    assertThat(rows(9293, "3.10")).containsExactlyElementsOf(golden("rfc9293-3.10.clauses"));
  }

  @Test
  void closeInCloseWaitIsOnPage61AndSaysClosing() {
    // RFC 793 p.61: "CLOSE-WAIT STATE ... then send a FIN segment, enter CLOSING state."
    Clause c = ClauseSplitter.split(793, "3.9").stream().filter(x -> x.id().equals("rfc793/CLOSE/CLOSE-WAIT")).findFirst().orElseThrow();
    assertThat(c.firstPage()).isEqualTo(61);
    assertThat(c.normalized()).contains("enter CLOSING state");
  }

  @Test
  void theChecksOfTheSynchronizedStatesComeInTheRfcsOrder() {
    for (int rfc : List.of(793, 9293)) {
      List<Integer> steps = ClauseSplitter.split(rfc, rfc == 793 ? "3.9" : "3.10").stream()
          .filter(c -> c.step() != null && c.states().contains("ESTABLISHED")).map(c -> ORDER.indexOf(c.step())).toList();
      assertThat(steps).as("RFC " + rfc).isSorted().contains(0, 1, 2, 3, 4, 5, 6, 7);
    }
  }

  @Test
  void everyStateHasAStatusClauseInBothRfcs() {
    for (int rfc : List.of(793, 9293)) {
      long status = ClauseSplitter.split(rfc, rfc == 793 ? "3.9" : "3.10").stream().filter(c -> c.topic().equals("STATUS")).count();
      assertThat(status).as("RFC " + rfc).isEqualTo(11);
    }
  }
}
