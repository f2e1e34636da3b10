package io.tcpfsm.analysis;

import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.Guard;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.List;
import java.util.Map;

/** What the model does in a situation, or why it cannot say. */
public sealed interface Explanation {
  /** The outcome: the transition that applies, where it leads, and the guards it depended on. */
  record Outcome(
      String profile,
      State state,
      Event event,
      Map<String, Boolean> guards,
      Transition transition,
      State target,
      Citation citation)
      implements Explanation {}

  /** The outcome depends on guards that were not given; these are they. */
  record NeedsGuards(List<Guard> missing) implements Explanation {}

  /** The question itself is wrong: an unknown state, event or guard. */
  record Invalid(String reason) implements Explanation {}
}
