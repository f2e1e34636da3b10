package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.EventPattern;
import io.tcpfsm.model.Named;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;

/** A transition that can never apply is a mistake: a contradictory segment test, or no state. */
final class EmptyPattern implements Rule {
  @Override
  public void check(Context ctx) {
    for (Transition t : ctx.machine().allTransitions()) {
      for (EventPattern p : t.events()) {
        if (p instanceof EventPattern.Segments seg && knownFlags(ctx, seg)) {
          boolean any = false;
          for (Event e : ctx.machine().events()) {
            any |= ctx.matcher().matches(seg, e);
          }
          if (!any) {
            ctx.report(Code.EMPTY_PATTERN, seg.pos(), seg.render() + " matches no segment: a flag is both required and excluded");
          }
        }
      }
      if (t.states().all() && t.states().names().stream().allMatch(n -> ctx.machine().state(n.name()).isPresent())) {
        boolean any = false;
        for (State s : ctx.machine().states()) {
          any |= ctx.matcher().appliesTo(t, s);
        }
        if (!any) {
          ctx.report(Code.NO_STATE_LISTED, t.pos(), "this transition excepts every state, so it never applies");
        }
      }
    }
  }

  private static boolean knownFlags(Context ctx, EventPattern.Segments seg) {
    for (Named f : seg.with()) {
      if (ctx.machine().flagBit(f.name()) < 0) {
        return false;
      }
    }
    return seg.without().stream().allMatch(f -> ctx.machine().flagBit(f.name()) >= 0);
  }
}
