package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The machine must fit the Java it generates: at most {@value Machine#MAX_STATES} states,
 * {@value Machine#MAX_EVENTS} events and {@value Machine#MAX_RULE_PARTS} rule parts (javac
 * caps an enum's initialiser at 64 KiB of code), {@value Machine#MAX_PAIRS} state × event
 * pairs, and a step table of at most {@link Machine#MAX_TABLE} entries. Each is reported at the declaration that crosses it.
 */
final class TooLargeMachine implements Rule {
  @Override
  public void check(Context ctx) {
    Machine m = ctx.machine();
    if (m.states().size() > Machine.MAX_STATES) {
      ctx.report(Code.TOO_LARGE, m.states().get(Machine.MAX_STATES).pos(), "more than " + Machine.MAX_STATES
          + " states; the generated state enum and the switches over states would not compile (javac: code too large)");
    }
    if (m.events().size() > Machine.MAX_EVENTS) {
      ctx.report(Code.TOO_LARGE, m.events().get(Machine.MAX_EVENTS).pos(), "more than " + Machine.MAX_EVENTS
          + " events (calls, segment flag combinations and timeouts together) with " + m.events().get(Machine.MAX_EVENTS).name()
          + "; the generated event enum would not compile (javac: code too large)");
    }
    int states = distinctStates(m.states());
    long pairs = (long) states * m.events().size();
    if (pairs > Machine.MAX_PAIRS && m.states().size() <= Machine.MAX_STATES && m.events().size() <= Machine.MAX_EVENTS) {
      State crossing = m.states().get(Math.min(m.states().size() - 1, Machine.MAX_PAIRS / m.events().size()));
      ctx.report(Code.TOO_LARGE, crossing.pos(), states + " states × " + m.events().size() + " events = " + pairs
          + " state and event pairs; at most " + Machine.MAX_PAIRS + " (each is a row of the validator's and the machine's tables)");
    }
    int parts = 0;
    for (Transition t : m.allTransitions()) {
      parts += Machine.RULE_PART_WEIGHT + actions(t.actions()) + t.citations().size();
      if (parts > Machine.MAX_RULE_PARTS) {
        ctx.report(Code.TOO_LARGE, t.pos(), "the rules reach " + parts + " parts with this one; at most " + Machine.MAX_RULE_PARTS
            + " (a rule counts " + Machine.RULE_PART_WEIGHT + ", each action and citation 1): the generated rule enum would not compile (javac: code too large)");
        break;
      }
    }
    if (m.guards().size() <= Machine.MAX_GUARDS && pairs <= Machine.MAX_PAIRS) {
      for (int g = 0; g < m.guards().size(); g++) {
        long entries = pairs << (g + 1);
        if (entries > Machine.MAX_TABLE) {
          ctx.report(Code.TOO_LARGE, m.guards().get(g).pos(), "with this guard the step table would hold " + entries + " entries ("
              + states + " states × " + m.events().size() + " events × 2^" + (g + 1) + " guard values); at most " + Machine.MAX_TABLE);
          break;
        }
      }
    }
  }

  /** The actions a list holds, those inside an {@code if} too. */
  static int actions(List<Action> actions) {
    int n = 0;
    for (Action a : actions) {
      n += 1 + (a instanceof Action.If i ? actions(i.then()) : 0);
    }
    return n;
  }

  private static int distinctStates(List<State> states) {
    Set<String> names = new HashSet<>();
    states.forEach(s -> names.add(s.name()));
    return names.size();
  }
}
