package io.tcpfsm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rules implement which clause, and which citations are weak. */
class AuditCoverageTest {
  private static final List<Clause> CLAUSES = ClauseSplitter.bundled();

  private static Coverage coverage(Validator.Result r) {
    return Coverage.of(r.machine(), r.tables(), CLAUSES);
  }

  private static Clause clause(String id) {
    return CLAUSES.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void theBundledSpecImplementsOrExplainsEveryClause() throws AuditException {
    AuditReport r = AuditReport.build(AuditSpecs.bundled(), List.of(), null);
    int[] counts = r.clauseCounts();
    assertThat(counts[0]).isEqualTo(CLAUSES.size());
    assertThat(counts[3]).as("clauses neither implemented nor explained").isZero();
    assertThat(r.clausesInReportOrder()).hasSize(CLAUSES.size());
  }

  @Test
  void deletingATransitionUncoversItsClause() {
    Clause closeWait = clause("rfc9293/CLOSE/CLOSE-WAIT");
    assertThat(coverage(AuditSpecs.bundled()).covered(closeWait)).isTrue();
    Coverage without = coverage(AuditSpecs.check(AuditSpecs.without("rule close_wait_close {")));
    assertThat(without.covered(closeWait)).isFalse();
    // RFC 793's own CLOSE-WAIT clause is still implemented, by profile rfc793's delta.
    assertThat(without.links(clause("rfc793/CLOSE/CLOSE-WAIT"))).extracting(Coverage.Link::rule).containsExactly("rfc793_close_wait_close");
  }

  @Test
  void deletingListensSynRuleUncoversTheThirdCheckInBothRfcs() {
    Coverage without = coverage(AuditSpecs.check(AuditSpecs.without("rule listen_syn {")));
    assertThat(without.covered(clause("rfc793/SEGMENT/third/LISTEN"))).isFalse();
    assertThat(without.covered(clause("rfc9293/SEGMENT/third/LISTEN"))).isFalse();
    assertThat(without.covered(clause("rfc9293/SEGMENT/second/LISTEN"))).isTrue();
  }

  @Test
  void aStatesProcessingThatContinuesIntoEstablishedIsCoveredThroughIt() {
    // RFC 793 p.73, CLOSE-WAIT: "Do the same processing as for the ESTABLISHED state."
    assertThat(coverage(AuditSpecs.bundled()).links(clause("rfc793/SEGMENT/fifth/CLOSE-WAIT"))).extracting(Coverage.Link::rule).contains("ack_processed");
  }

  @Test
  void aQuoteAboutAnotherStateIsAWeakCitation() {
    String text = AuditSpecs.text().replace(
        "cite RFC9293 3.10.4 \"Strictly speaking, this is an error and should receive an \\\"error: connection closing\\\" response.\"",
        "cite RFC9293 3.10.4 \"then send a FIN segment, enter LAST-ACK state\"");
    assertThat(text).isNotEqualTo(AuditSpecs.text());
    List<Coverage.Weak> weak = coverage(AuditSpecs.check(text)).weak();
    assertThat(weak).extracting(Coverage.Weak::rule).contains("close_again");
    assertThat(coverage(AuditSpecs.bundled()).weak()).extracting(Coverage.Weak::rule).doesNotContain("close_again");
  }

  @Test
  void aPageWithoutTheRulesStateIsAWeakCitation() {
    // listen_passive_again cites RFC 793 p.55, whose OPEN clause is about SYN-SENT .. TIME-WAIT, not LISTEN.
    // listen_syn cites SYN-SENT's "Set the variables:" (RFC 9293 3.10.7.3) for the window variables it
    // sets as the simultaneous open does: by analogy, as its note says.
    assertThat(coverage(AuditSpecs.bundled()).weak()).extracting(Coverage.Weak::rule).containsExactly("listen_passive_again", "listen_syn");
  }

  @Test
  void onlyTwoRulesQuoteNoRfcWords() throws AuditException {
    // timer_not_running: no RFC sentence says a stopped timer does not fire; listen_passive_again:
    // the RFCs are silent (ambiguity listen-passive-open). Every other rule quotes its clause.
    AuditReport r = AuditReport.build(AuditSpecs.bundled(), List.of(), null);
    assertThat(r.unquotedRules()).extracting(t -> t.name()).containsExactly("timer_not_running", "listen_passive_again");
  }
}
