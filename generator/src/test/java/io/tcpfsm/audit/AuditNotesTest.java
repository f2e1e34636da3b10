package io.tcpfsm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tcpfsm.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reviewed notes are checked against the RFC text and the spec. */
class AuditNotesTest {
  private static final Validator.Result SPEC = AuditSpecs.bundled();
  private static final List<Clause> CLAUSES = ClauseSplitter.bundled();

  private static AuditNotes parse(String text) throws AuditException {
    return AuditNotes.parse("n.txt", text, CLAUSES, SPEC.tables());
  }

  @Test
  void anAmbiguityIsParsedWithItsQuotesAndCells() throws AuditException {
    AuditNotes n = parse("""
        [ambiguity x]
        title = CLOSE in CLOSE-WAIT
        quote = RFC793 3.9 p.61 | then send a FIN segment, enter CLOSING state.
        cell = CLOSE_WAIT CLOSE text_pending=false
        text = the model's choice
        + = goes on here
        """);
    assertThat(n.ambiguities()).hasSize(1);
    assertThat(n.ambiguities().get(0).text()).isEqualTo("the model's choice goes on here");
    assertThat(n.ambiguities().get(0).quotes().get(0).where()).isEqualTo("RFC 793 3.9 p.61");
  }

  @Test
  void aQuoteTheRfcDoesNotHaveAWrongPageAndABadCellAreErrorsWithTheirLines() {
    assertThatThrownBy(() -> parse("""
        [ambiguity x]
        title = t
        quote = RFC793 3.9 p.61 | enter LAST-ACK state, as the diagram says
        quote = RFC793 3.9 p.12 | Remain in the CLOSING state.
        cell = CLOSE_WAIT CLOSE no_such_guard=true
        text = t
        """))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("n.txt:3: RFC 793 section 3.9 does not say \"enter LAST-ACK state, as the diagram says\"")
        .hasMessageContaining("n.txt:4: page 12 is outside RFC 793 section 3.9")
        .hasMessageContaining("n.txt:5: cell CLOSE_WAIT CLOSE no_such_guard=true: profile rfc793:");
  }

  @Test
  void aClauseNoteMatchingNoClauseAndAnUnknownBlockAreErrors() {
    assertThatThrownBy(() -> parse("""
        [clause rfc793/SEGMENT/ninth/*]
        reason = there is no ninth check
        [remark]
        text = ?
        """))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("n.txt:1: [clause rfc793/SEGMENT/ninth/*] matches no clause")
        .hasMessageContaining("n.txt:3: unknown block [remark]");
  }

  @Test
  void theBundledNotesHold() throws AuditException {
    AuditNotes n = AuditNotes.bundled(CLAUSES, SPEC.tables());
    assertThat(n.ambiguities()).extracting(AuditNotes.Ambiguity::id)
        .contains("close-wait-close", "closing-fin", "time-wait-ack", "syn-recv-rst", "syn-recv-ack-test", "fin-wait1-fin-acked");
  }
}
