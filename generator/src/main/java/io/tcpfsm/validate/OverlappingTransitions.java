package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Profile;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Determinism: no two transitions of the same layer (the base, one profile's delta, the
 * defaults) may apply to the same state × event × guard valuation. A profile's delta may
 * overlap the base: that is how it replaces it.
 */
final class OverlappingTransitions implements Rule {
  @Override
  public void check(Context ctx) {
    Machine m = ctx.machine();
    checkLayer(ctx, m.transitions());
    checkLayer(ctx, m.defaults());
    for (Profile p : m.profiles()) {
      checkLayer(ctx, p.delta());
    }
  }

  private void checkLayer(Context ctx, List<Transition> layer) {
    List<State> states = ctx.machine().states();
    List<Event> events = ctx.machine().events();
    List<BitSet> stateSets = new ArrayList<>();
    List<BitSet> eventSets = new ArrayList<>();
    for (Transition t : layer) {
      BitSet s = new BitSet();
      for (int i = 0; i < states.size(); i++) {
        s.set(i, ctx.matcher().appliesTo(t, states.get(i)));
      }
      BitSet e = new BitSet();
      for (int i = 0; i < events.size(); i++) {
        e.set(i, ctx.matcher().appliesTo(t, events.get(i)));
      }
      stateSets.add(s);
      eventSets.add(e);
    }
    for (int j = 1; j < layer.size(); j++) {
      for (int i = 0; i < j; i++) {
        if (!stateSets.get(i).intersects(stateSets.get(j)) || !eventSets.get(i).intersects(eventSets.get(j))) {
          continue;
        }
        String both = jointGuard(layer.get(i), layer.get(j));
        if (both == null) {
          continue;
        }
        BitSet s = (BitSet) stateSets.get(i).clone();
        s.and(stateSets.get(j));
        BitSet e = (BitSet) eventSets.get(i).clone();
        e.and(eventSets.get(j));
        Transition first = layer.get(i);
        String where = states.get(s.nextSetBit(0)).name() + " on " + events.get(e.nextSetBit(0)).name();
        ctx.report(
            Code.OVERLAP,
            layer.get(j).pos(),
            "this transition overlaps the one at line " + first.pos().line() + ":" + first.pos().column()
                + ": both apply in " + where + (both.isEmpty() ? "" : " when " + both));
        break; // one report per transition is enough to find it
      }
    }
  }

  /** A valuation under which both guards hold, written out ("" if neither has guards), or null. */
  private static String jointGuard(Transition a, Transition b) {
    Set<String> names = new TreeSet<>();
    if (a.guard() != null) {
      names.addAll(a.guard().names());
    }
    if (b.guard() != null) {
      names.addAll(b.guard().names());
    }
    List<String> list = new ArrayList<>(names);
    for (int v = 0; v < (1 << list.size()); v++) {
      final int bits = v;
      java.util.function.Predicate<String> value = g -> (bits & (1 << list.indexOf(g))) != 0;
      if ((a.guard() == null || a.guard().test(value)) && (b.guard() == null || b.guard().test(value))) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
          parts.add(((bits & (1 << k)) != 0 ? "" : "not ") + list.get(k));
        }
        return String.join(" and ", parts);
      }
    }
    return null;
  }
}
