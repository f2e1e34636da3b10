package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.EventPattern;
import io.tcpfsm.model.Guard;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Named;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Timer;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every state, event, flag, guard and timer a transition names must be declared. */
final class UnknownName implements Rule {
  @Override
  public void check(Context ctx) {
    Machine m = ctx.machine();
    List<String> states = new ArrayList<>();
    for (State s : m.states()) {
      states.add(s.name());
      s.aliases().forEach(a -> states.add(a.name()));
    }
    List<String> events = m.events().stream().map(Event::name).toList();
    List<String> flags = m.flags().stream().map(Named::name).toList();
    List<String> guards = m.guards().stream().map(Guard::name).toList();
    List<String> timers = m.timers().stream().map(Timer::name).toList();
    for (var profile : m.profiles()) {
      for (var u : profile.unreachable()) {
        if (m.state(u.state().name()).isEmpty()) {
          ctx.report(Code.UNKNOWN_STATE, u.state().pos(), "unknown state '" + u.state().name() + "'" + Suggest.hint(u.state().name(), states));
        }
      }
    }
    for (Transition t : m.allTransitions()) {
      for (Named s : t.states().names()) {
        if (m.state(s.name()).isEmpty()) {
          ctx.report(Code.UNKNOWN_STATE, s.pos(), "unknown state '" + s.name() + "'" + Suggest.hint(s.name(), states));
        }
      }
      if (t.target() != null && m.state(t.target().name()).isEmpty()) {
        Named target = t.target();
        ctx.report(Code.UNKNOWN_STATE, target.pos(), "unknown target state '" + target.name() + "'" + Suggest.hint(target.name(), states));
      }
      for (EventPattern p : t.events()) {
        if (p instanceof EventPattern.Exact e && m.event(e.event().name()).isEmpty()) {
          ctx.report(Code.UNKNOWN_EVENT, e.pos(), "unknown event '" + e.event().name() + "'" + Suggest.hint(e.event().name(), events));
        } else if (p instanceof EventPattern.Segments seg) {
          List<Named> tested = new ArrayList<>(seg.with());
          tested.addAll(seg.without());
          for (Named f : tested) {
            if (m.flagBit(f.name()) < 0) {
              ctx.report(Code.UNKNOWN_FLAG, f.pos(), "'" + f.name() + "' is not a declared segment flag" + Suggest.hint(f.name(), flags));
            }
          }
        }
      }
      if (t.guard() != null) {
        Set<Named> refs = new LinkedHashSet<>();
        t.guard().collect(refs);
        for (Named g : refs) {
          if (m.guard(g.name()).isEmpty()) {
            ctx.report(Code.UNKNOWN_GUARD, g.pos(), "unknown guard '" + g.name() + "'" + Suggest.hint(g.name(), guards));
          }
        }
      }
      for (Action a : t.actions()) {
        if (a instanceof Action.TimerAction timer && m.timer(timer.timer().name()).isEmpty()) {
          Named n = timer.timer();
          ctx.report(Code.UNKNOWN_TIMER, n.pos(), "unknown timer '" + n.name() + "'" + Suggest.hint(n.name(), timers));
        }
      }
    }
  }
}
