package io.tcpfsm.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Decides each property on an explored graph, with the shortest run that shows why. */
public final class Checker {
  private final StateGraph g;
  private final Table[] t;

  public Checker(StateGraph g) {
    this.g = g;
    this.t = g.composition.tables;
  }

  public List<Verdict> check(List<Property> properties) {
    List<Verdict> out = new ArrayList<>();
    for (Property p : properties) {
      out.add(check(p));
    }
    return out;
  }

  public Verdict check(Property p) {
    boolean bounded = !g.complete();
    boolean[] swaps = p.roles() ? new boolean[] {false, true} : new boolean[] {false};
    return switch (p.kind()) {
      case NEVER -> never(p, swaps, bounded);
      case ALWAYS -> always(p, swaps, bounded);
      case POSSIBLE -> possible(p, swaps, bounded);
    };
  }

  private Verdict never(Property p, boolean[] swaps, boolean bounded) {
    int n = g.stateCount();
    for (int id = 0; id < n; id++) { // ids are in breadth-first order: the first is the nearest
      long[] s = Run.state(g, id);
      for (boolean swap : swaps) {
        if (p.stages().get(0).test(s, t, swap)) {
          return new Verdict(p, false, bounded, Run.to(g, id), "reaches a state the property forbids");
        }
      }
    }
    return new Verdict(p, true, bounded, null, null);
  }

  /** The moves whose event the property excludes. */
  private BitSet excluded(Property p) {
    BitSet excluded = new BitSet();
    for (int m = 0; m < g.composition.moveCount(); m++) {
      String ev = g.composition.move(m).modelEvent();
      if (ev != null && p.without().contains(ev)) {
        excluded.set(m);
      }
    }
    return excluded;
  }

  private Verdict always(Property p, boolean[] swaps, boolean bounded) {
    int n = g.stateCount();
    BitSet excluded = excluded(p);
    for (boolean swap : swaps) {
      BitSet good = new BitSet(n);
      ArrayDeque<Integer> work = new ArrayDeque<>();
      for (int id = 0; id < n; id++) {
        // A state the bound left unexpanded may go on to the target: count it as able to.
        if (id >= g.expanded || p.stages().get(0).test(Run.state(g, id), t, swap)) {
          good.set(id);
          work.add(id);
        }
      }
      int[] rs = g.reverseStart();
      int[] re = g.reverseEdges();
      while (!work.isEmpty()) {
        int to = work.poll();
        for (int k = rs[to]; k < rs[to + 1]; k++) {
          int edge = re[k];
          if (excluded.get(g.edgeMove.get(edge))) {
            continue;
          }
          int from = g.edgeSource(edge);
          if (!good.get(from)) {
            good.set(from);
            work.add(from);
          }
        }
      }
      for (int id = 0; id < n; id++) {
        if (!good.get(id) && (p.from() == null || p.from().test(Run.state(g, id), t, swap))) {
          int stuck = countFrom(id, excluded);
          return new Verdict(p, false, bounded, Run.to(g, id), "from the last state, " + stuck + " joint state"
              + (stuck == 1 ? " is" : "s are") + " reachable" + (p.without().isEmpty() ? "" : " without " + String.join(", ", sorted(p))) + ", and none satisfies the goal");
        }
      }
    }
    return new Verdict(p, true, bounded, null, null);
  }

  private static List<String> sorted(Property p) {
    return p.without().stream().sorted().toList();
  }

  private int countFrom(int id, BitSet excluded) {
    BitSet seen = new BitSet();
    ArrayDeque<Integer> work = new ArrayDeque<>();
    seen.set(id);
    work.add(id);
    while (!work.isEmpty()) {
      int s = work.poll();
      if (s >= g.expanded) {
        continue;
      }
      for (int k = g.edgeStart[s]; k < g.edgeStart[s + 1]; k++) {
        int to = g.edgeTarget.get(k);
        if (!excluded.get(g.edgeMove.get(k)) && !seen.get(to)) {
          seen.set(to);
          work.add(to);
        }
      }
    }
    return seen.cardinality();
  }

  /** Breadth-first over (state, stage): the shortest run through the stages in turn. */
  private Verdict possible(Property p, boolean[] swaps, boolean bounded) {
    int stages = p.stages().size();
    BitSet excluded = excluded(p);
    Run best = null;
    for (boolean swap : swaps) {
      int n = g.stateCount();
      int[] parent = new int[n * (stages + 1)];
      java.util.Arrays.fill(parent, -2);
      ArrayDeque<Integer> work = new ArrayDeque<>();
      int start = advance(0, 0, p, swap) + 0; // node = state * (stages + 1) + stage
      parent[start] = -1;
      work.add(start);
      int goal = -1;
      while (!work.isEmpty() && goal < 0) {
        int node = work.poll();
        int s = node / (stages + 1);
        int stage = node % (stages + 1);
        if (stage == stages) {
          goal = node;
          break;
        }
        if (s >= g.expanded) {
          continue;
        }
        for (int k = g.edgeStart[s]; k < g.edgeStart[s + 1]; k++) {
          if (excluded.get(g.edgeMove.get(k))) {
            continue;
          }
          int to = g.edgeTarget.get(k);
          int next = to * (stages + 1) + advance(to, stage, p, swap);
          if (parent[next] == -2) {
            parent[next] = node;
            work.add(next);
          }
        }
      }
      if (goal >= 0) {
        List<Integer> ids = new ArrayList<>();
        for (int node = goal; node >= 0; node = parent[node]) {
          ids.add(0, node / (stages + 1));
        }
        Run run = Run.along(g, ids);
        if (best == null || run.length() < best.length()) {
          best = run;
        }
      }
    }
    return best != null ? new Verdict(p, true, bounded, best, "a shortest run through each stage in turn")
        : new Verdict(p, false, bounded, null, "no run passes through the stages in turn");
  }

  /** The stage reached once state {@code s} is entered at {@code stage}: each stage that holds there is passed. */
  private int advance(int s, int stage, Property p, boolean swap) {
    long[] st = Run.state(g, s);
    while (stage < p.stages().size() && p.stages().get(stage).test(st, t, swap)) {
      stage++;
    }
    return stage;
  }
}
