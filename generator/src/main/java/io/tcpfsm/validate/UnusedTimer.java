package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Timer;
import io.tcpfsm.model.TimerOp;
import io.tcpfsm.model.Transition;
import java.util.HashSet;
import java.util.Set;

/** A timer that nothing starts never expires, so its timeout transitions are dead (a warning). */
final class UnusedTimer implements Rule {
  @Override
  public void check(Context ctx) {
    Set<String> started = new HashSet<>();
    for (Transition t : ctx.machine().allTransitions()) {
      for (Action a : t.actions()) {
        if (a instanceof Action.TimerAction timer && timer.op() != TimerOp.CANCEL) {
          started.add(timer.timer().name());
        }
      }
    }
    for (Timer timer : ctx.machine().timers()) {
      if (!started.contains(timer.name())) {
        ctx.report(Code.UNUSED_TIMER, timer.pos(), "timer " + timer.name() + " is declared but no transition starts it");
      }
    }
  }
}
