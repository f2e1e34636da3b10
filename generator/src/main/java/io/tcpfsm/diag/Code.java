package io.tcpfsm.diag;

/**
 * Every diagnostic tcpfsm reports, each with a stable code (as ANTLR's ErrorType does). Codes are
 * never reused; a retired code stays retired.
 */
public enum Code {
  SYNTAX(1, Severity.ERROR, "syntax error"),
  DUPLICATE_NAME(2, Severity.ERROR, "a name is declared twice"),
  UNKNOWN_STATE(3, Severity.ERROR, "a state that is not declared"),
  UNKNOWN_EVENT(4, Severity.ERROR, "an event that is not declared"),
  UNKNOWN_GUARD(5, Severity.ERROR, "a guard that is not declared"),
  UNKNOWN_TIMER(6, Severity.ERROR, "a timer that is not declared"),
  UNKNOWN_FLAG(7, Severity.ERROR, "a segment flag that is not declared"),
  INITIAL_STATE(8, Severity.ERROR, "there must be exactly one initial state"),
  MISSING_SECTION(9, Severity.ERROR, "a required section is missing"),
  UNREACHABLE_STATE(10, Severity.ERROR, "a state that no path from the initial state reaches"),
  DEAD_END_STATE(11, Severity.ERROR, "a state with no way out that is not declared final"),
  INCOMPLETE(12, Severity.ERROR, "a state × event × guard valuation with no outcome"),
  OVERLAP(13, Severity.ERROR, "two transitions apply to the same cell"),
  MISSING_CITATION(14, Severity.ERROR, "a transition that cites no RFC clause"),
  UNKNOWN_RFC(15, Severity.ERROR, "a citation of a document that is not bundled or not declared"),
  UNKNOWN_SECTION(16, Severity.ERROR, "a citation of a section the RFC does not have"),
  PAGE_OUT_OF_RANGE(17, Severity.ERROR, "a citation of a page outside the cited section"),
  PAGE_NOT_AVAILABLE(18, Severity.ERROR, "a page cited in an RFC whose text has no pages"),
  QUOTE_NOT_FOUND(19, Severity.ERROR, "a quoted sentence that the cited section does not contain"),
  NO_TARGET_DEFAULT(20, Severity.ERROR, "a transition names no target and the spec has no target default"),
  EMPTY_PATTERN(21, Severity.ERROR, "an event pattern that matches no event"),
  BAD_SEGMENT(22, Severity.ERROR, "a segment with an unknown field, or SEQ or ACK given more than one value"),
  DUPLICATE_FLAG(23, Severity.ERROR, "a flag named twice in one event or segment"),
  TOO_MANY_FLAGS(24, Severity.ERROR, "more segment flags than the alphabet allows"),
  NO_STATE_LISTED(25, Severity.ERROR, "a transition that applies to no state"),
  REACHABLE_AFTER_ALL(26, Severity.ERROR, "a state a profile declares unreachable is reachable"),
  TOO_MANY_GUARDS(27, Severity.ERROR, "more guards than a state machine table can enumerate"),
  TOO_LARGE(28, Severity.ERROR, "a spec beyond tcpfsm's limits of size or nesting"),
  JAVA_NAME(29, Severity.ERROR, "a name the generated Java cannot use as written"),
  UNUSED_GUARD(101, Severity.WARNING, "a guard that no transition tests"),
  UNUSED_TIMER(102, Severity.WARNING, "a timer that no transition starts");

  private final int number;
  private final Severity severity;
  private final String summary;

  Code(int number, Severity severity, String summary) {
    this.number = number;
    this.severity = severity;
    this.summary = summary;
  }

  public int number() {
    return number;
  }

  public Severity severity() {
    return severity;
  }

  public String summary() {
    return summary;
  }

  /** {@code E013} or {@code W101}. */
  public String id() {
    return (severity == Severity.ERROR ? "E" : "W") + String.format("%03d", number);
  }
}
