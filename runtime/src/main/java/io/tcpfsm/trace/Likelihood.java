package io.tcpfsm.trace;

import io.tcpfsm.wire.Segment;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How likely a hypothesis is once the capture has ended, and what a verdict reports from the
 * likeliest: each hidden event (a loss, a crossing, a network copy, a FIN before a mid-connection
 * start: {@link Candidate#cost}) counts one, then answers still owed and never seen break ties.
 */
final class Likelihood {
  private Likelihood() {}

  /**
   * Answers a hypothesis still owes when the capture ends, which the capture never showed. An owed
   * ACK below the highest ACK the end sent is not one: a later ACK covered it (ACKs may be combined,
   * RFC 9293 3.8.6.3); nor is one ACK at that highest value, which a segment with text or a FIN may
   * have carried (the explainer keeps it owed in case it also goes out alone). A second ACK owed at
   * that value is one: two arrivals asked for it.
   */
  static int unsent(Candidate c) {
    int unsent = 0;
    boolean carried = false;
    for (int i = 0; i < c.owed.size(); i++) { // indexed: C1 (the launcher's compiler for trace) allocates iterators
      Owed o = c.owed.get(i);
      if (o.flags() != Segment.ACK || c.lastAckSent == -1 || Seq.diff(o.ack(), c.lastAckSent) > 0) {
        unsent++;
      } else if (o.ack() == c.lastAckSent) {
        unsent += carried ? 1 : 0;
        carried = true;
      }
    }
    return unsent;
  }

  /**
   * Segments a hypothesis takes as lost once the capture has ended: those it assumed lost on the way,
   * and each SYN, FIN or RST it owes and the capture never showed (an ABORT's reset that never came).
   * Owed ACKs are not counted: a stack may delay and combine them (RFC 9293 3.8.6.3).
   */
  static int lostAtEnd(Candidate c) {
    return c.losses + c.owed.controls();
  }

  /**
   * Likelier at the end of the capture: fewer hidden events ({@link Candidate#cost}), then fewer answers
   * owed and never seen ({@link #unsent}): of a lost segment and a crossing that explain the same
   * frames, the one that leaves no answer missing.
   */
  static int compareAtEnd(Candidate x, Candidate y) {
    int c = Integer.compare(x.cost(), y.cost());
    return c != 0 ? c : Integer.compare(unsent(x), unsent(y));
  }

  static Candidate likeliestAtEnd(CandidateList l) {
    Candidate best = l.get(0);
    for (int i = 1; i < l.size(); i++) {
      Candidate c = l.get(i);
      if (compareAtEnd(c, best) < 0) {
        best = c;
      }
    }
    return best;
  }

  /**
   * An end's final state: that of its likeliest hypotheses ({@link #compareAtEnd}); where several are
   * equally likely and disagree, each of their states, joined by "|" ({@code TIME_WAIT|CLOSED}): the
   * capture does not say which.
   */
  static String finalStates(CandidateList l) {
    if (l.isEmpty()) {
      return "CLOSED";
    }
    if (l.size() == 1) {
      return l.get(0).state.name();
    }
    Candidate top = likeliestAtEnd(l);
    Set<String> names = new LinkedHashSet<>();
    for (Candidate c : l) {
      if (compareAtEnd(c, top) == 0) {
        names.add(c.state.name());
      }
    }
    return String.join("|", names);
  }
}
