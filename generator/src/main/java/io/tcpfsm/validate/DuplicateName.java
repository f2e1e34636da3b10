package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Document;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.Guard;
import io.tcpfsm.model.Named;
import io.tcpfsm.model.Profile;
import io.tcpfsm.model.SourcePos;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Timer;
import io.tcpfsm.model.Transition;
import java.util.HashMap;
import java.util.Map;

/**
 * Each name means one thing: states and their aliases, events, flags, timers, guards, profiles,
 * documents, and rules (a rule's name is its constant in the generated {@code TcpRule}).
 */
final class DuplicateName implements Rule {
  @Override
  public void check(Context ctx) {
    Map<String, SourcePos> states = new HashMap<>();
    for (State s : ctx.machine().states()) {
      declare(ctx, states, "state", s.name(), s.pos());
      for (Named a : s.aliases()) {
        declare(ctx, states, "state", a.name(), a.pos());
      }
    }
    Map<String, SourcePos> events = new HashMap<>();
    for (Event e : ctx.machine().calls()) {
      declare(ctx, events, "event", e.name(), e.pos());
    }
    Map<String, SourcePos> flags = new HashMap<>();
    for (Named f : ctx.machine().flags()) {
      declare(ctx, flags, "segment flag", f.name(), f.pos());
      if (events.containsKey(f.name())) {
        SourcePos first = events.get(f.name());
        ctx.report(Code.DUPLICATE_NAME, f.pos(), "'" + f.name() + "' names both a segment event and the call declared at line " + first.line() + ":" + first.column());
      }
    }
    Map<String, SourcePos> timers = new HashMap<>();
    for (Timer t : ctx.machine().timers()) {
      declare(ctx, timers, "timer", t.name(), t.pos());
      if (events.containsKey(t.timeoutEvent())) {
        SourcePos first = events.get(t.timeoutEvent());
        ctx.report(Code.DUPLICATE_NAME, t.pos(), "timer " + t.name() + " makes event " + t.timeoutEvent() + ", already declared as a call at line " + first.line() + ":" + first.column());
      }
    }
    Map<String, SourcePos> guards = new HashMap<>();
    for (Guard g : ctx.machine().guards()) {
      declare(ctx, guards, "guard", g.name(), g.pos());
    }
    Map<String, SourcePos> profiles = new HashMap<>();
    for (Profile p : ctx.machine().profiles()) {
      declare(ctx, profiles, "profile", p.name(), p.pos());
    }
    Map<String, SourcePos> documents = new HashMap<>();
    for (Document d : ctx.machine().documents()) {
      declare(ctx, documents, "document", d.name(), d.pos());
    }
    Map<String, SourcePos> rules = new HashMap<>();
    for (Transition t : ctx.machine().allTransitions()) {
      SourcePos first = rules.putIfAbsent(t.name(), t.rule().pos());
      if (first != null) {
        ctx.report(Code.DUPLICATE_NAME, t.rule().pos(), "rule '" + t.name() + "' is already the name of the rule at line " + first.line() + ":" + first.column()
            + (t.ruleNamed() ? "" : "; name one of them with 'rule NAME' before its '{'"));
      }
    }
  }

  private static void declare(Context ctx, Map<String, SourcePos> seen, String kind, String name, SourcePos pos) {
    SourcePos first = seen.putIfAbsent(name, pos);
    if (first != null) {
      ctx.report(Code.DUPLICATE_NAME, pos, kind + " '" + name + "' is already declared at line " + first.line() + ":" + first.column());
    }
  }
}
