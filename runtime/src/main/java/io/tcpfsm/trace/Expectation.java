package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpRule;

/**
 * What one candidate allowed where the capture showed something else.
 *
 * @param text what the model allowed, in words
 * @param rule the rule that says so, or null when the constraint is the RFC's, not one rule's
 * @param citation the clause: the rule's first citation, or the RFC section named by the checker
 */
record Expectation(String text, TcpRule rule, String citation) {
  static Expectation of(String text, TcpRule rule) {
    return new Expectation(text, rule, rule == null || rule.citations().isEmpty() ? "" : rule.citations().get(0).render());
  }

  static Expectation rfc(String text, String citation) {
    return new Expectation(text, null, citation);
  }
}
