package io.tcpfsm.analysis;

import io.tcpfsm.model.Event;
import io.tcpfsm.model.EventPattern;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Named;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;

/**
 * Says which states and events a transition is written for, resolving names and aliases. Names
 * that do not resolve match nothing; the validator reports them.
 */
public final class Matcher {
  private final Machine machine;

  public Matcher(Machine machine) {
    this.machine = machine;
  }

  public boolean appliesTo(Transition t, State state) {
    boolean named = false;
    for (Named n : t.states().names()) {
      if (machine.state(n.name()).filter(s -> s == state).isPresent()) {
        named = true;
        break;
      }
    }
    return t.states().all() != named;
  }

  public boolean appliesTo(Transition t, Event event) {
    for (EventPattern p : t.events()) {
      if (matches(p, event)) {
        return true;
      }
    }
    return false;
  }

  public boolean matches(EventPattern p, Event event) {
    if (p instanceof EventPattern.Exact exact) {
      return exact.event().name().equals(event.name());
    }
    EventPattern.Segments seg = (EventPattern.Segments) p;
    if (!event.isSegment()) {
      return false;
    }
    for (Named f : seg.with()) {
      int bit = machine.flagBit(f.name());
      if (bit < 0 || (event.flags() & bit) == 0) {
        return false;
      }
    }
    for (Named f : seg.without()) {
      int bit = machine.flagBit(f.name());
      if (bit > 0 && (event.flags() & bit) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The state a transition leads to from {@code from}; "stay" when it names none. */
  public State target(Transition t, State from) {
    if (t.target() == null) {
      return from;
    }
    return machine.state(t.target().name()).orElse(null);
  }
}
