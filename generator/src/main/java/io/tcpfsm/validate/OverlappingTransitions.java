package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Profile;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import io.tcpfsm.analysis.ProfileTable;
import java.util.HashMap;
import java.util.Map;
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

  /**
   * Compares only the transitions that share a state × event, found through the per-state index,
   * so the cost is that of the cells, not of every pair of transitions in the layer.
   */
  private void checkLayer(Context ctx, List<Transition> layer) {
    Machine m = ctx.machine();
    List<State> states = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (State s : m.states()) {
      if (seen.add(s.name())) {
        states.add(s);
      }
    }
    List<Event> events = m.events();
    Map<Transition, Integer> index = new java.util.IdentityHashMap<>();
    for (int i = 0; i < layer.size(); i++) {
      index.put(layer.get(i), i);
    }
    Map<State, List<Transition>> byState = ProfileTable.byState(m, ctx.matcher(), layer, states);
    // For each transition, the earliest one before it that overlaps it (by index), if any.
    int[] firstOverlap = new int[layer.size()];
    java.util.Arrays.fill(firstOverlap, -1);
    Map<Long, Boolean> joint = new HashMap<>();
    for (State s : states) {
      List<Transition> here = byState.get(s);
      if (here.size() < 2) {
        continue;
      }
      for (Event e : events) {
        List<Integer> applicable = new ArrayList<>();
        for (Transition t : here) {
          if (ctx.matcher().appliesTo(t, e)) {
            applicable.add(index.get(t));
          }
        }
        for (int b = 1; b < applicable.size(); b++) {
          int j = applicable.get(b);
          for (int a = 0; a < b; a++) {
            int i = applicable.get(a);
            if (firstOverlap[j] >= 0 && firstOverlap[j] <= i) {
              break;
            }
            long key = (long) i << 32 | j;
            if (joint.computeIfAbsent(key, k -> jointGuard(layer.get(i), layer.get(j)) != null)) {
              firstOverlap[j] = i;
              break;
            }
          }
        }
      }
    }
    for (int j = 0; j < layer.size(); j++) {
      if (firstOverlap[j] < 0) {
        continue;
      }
      Transition first = layer.get(firstOverlap[j]);
      Transition second = layer.get(j);
      String both = jointGuard(first, second);
      State where = states.stream().filter(s -> ctx.matcher().appliesTo(first, s) && ctx.matcher().appliesTo(second, s)).findFirst().orElseThrow();
      Event on = events.stream().filter(e -> ctx.matcher().appliesTo(first, e) && ctx.matcher().appliesTo(second, e)).findFirst().orElseThrow();
      ctx.report(
          Code.OVERLAP,
          second.pos(),
          "this transition overlaps the one at line " + first.pos().line() + ":" + first.pos().column()
              + ": both apply in " + where.name() + " on " + on.name() + (both.isEmpty() ? "" : " when " + both));
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
    if (list.size() > Machine.MAX_CELL_GUARDS) {
      return null; // too many to enumerate: reported by TooManyGuards
    }
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
