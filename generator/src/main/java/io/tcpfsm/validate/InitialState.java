package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.State;
import java.util.List;

/** A machine starts somewhere: exactly one state is marked initial. */
final class InitialState implements Rule {
  @Override
  public void check(Context ctx) {
    List<State> states = ctx.machine().states();
    if (states.isEmpty()) {
      return;
    }
    List<State> initial = states.stream().filter(State::initial).toList();
    if (initial.isEmpty()) {
      ctx.report(Code.INITIAL_STATE, states.get(0).pos(), "no state is marked 'initial'; mark the state a connection starts in");
    }
    for (State extra : initial.stream().skip(1).toList()) {
      ctx.report(Code.INITIAL_STATE, extra.pos(), "state " + extra.name() + " is marked 'initial' but so is " + initial.get(0).name() + " at line " + initial.get(0).pos().line() + ":" + initial.get(0).pos().column());
    }
  }
}
