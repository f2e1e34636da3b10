package io.tcpfsm.explore;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Decides each property on an explored graph, with the shortest run that shows why. When a
 * stored state stands for its mirror image too ({@link StateGraph#symmetric}), the checker
 * walks nodes (state, orientation): node 2 id + o is state {@code id} read as itself (o = 0)
 * or with A and B swapped (o = 1), and an edge with the swap bit flips the orientation.
 */
public final class Checker {
  private final StateGraph g;
  private final Table[] t;
  private final int orientations;

  public Checker(StateGraph g) {
    this.g = g;
    this.t = g.composition.tables;
    this.orientations = g.orientations();
  }

  public List<Verdict> check(List<Property> properties) {
    // Every always check's backward pass in one walk over the reverse edges (Backward).
    List<Backward.Goal> goals = new ArrayList<>();
    int[] firstGoal = new int[properties.size()];
    for (int i = 0; i < properties.size(); i++) {
      firstGoal[i] = goals.size();
      Property p = properties.get(i);
      if (p.kind() == Property.Kind.ALWAYS) {
        for (boolean swap : swaps(p)) {
          goals.add(new Backward.Goal(p.stages().get(0), swap, p.without()));
        }
      }
    }
    long[][] reach = new long[(goals.size() + 63) / 64][];
    for (int c = 0; c < reach.length; c++) {
      reach[c] = Backward.reach(g, goals.subList(c * 64, Math.min(goals.size(), c * 64 + 64)));
    }
    List<Verdict> out = new ArrayList<>();
    for (int i = 0; i < properties.size(); i++) {
      out.add(check(properties.get(i), reach, firstGoal[i]));
    }
    return out;
  }

  public Verdict check(Property p) {
    return check(List.of(p)).get(0);
  }

  private static boolean[] swaps(Property p) {
    return p.roles() ? new boolean[] {false, true} : new boolean[] {false};
  }

  /** {@code reach} and {@code firstGoal}: the always checks' backward passes and the first of this property's goals there. */
  private Verdict check(Property p, long[][] reach, int firstGoal) {
    boolean bounded = !g.complete();
    boolean[] swaps = swaps(p);
    return switch (p.kind()) {
      case NEVER -> never(p, swaps, bounded);
      case ALWAYS -> always(p, swaps, bounded, reach, firstGoal);
      case POSSIBLE -> possible(p, swaps, bounded);
    };
  }

  private long[] real(int node) {
    return Run.state(g, node / orientations, node % orientations);
  }

  private Run runTo(int node) {
    return Run.to(g, node / orientations, node % orientations);
  }

  private Verdict never(Property p, boolean[] swaps, boolean bounded) {
    int nodes = g.stateCount() * orientations;
    for (int node = 0; node < nodes; node++) { // ids are in breadth-first order: the first is the nearest
      long[] s = real(node);
      for (boolean swap : swaps) {
        if (p.stages().get(0).test(s, t, swap)) {
          return new Verdict(p, false, bounded, runTo(node), "reaches a state the property forbids");
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

  private Verdict always(Property p, boolean[] swaps, boolean bounded, long[][] reach, int firstGoal) {
    int nodes = g.stateCount() * orientations;
    BitSet excluded = excluded(p);
    for (int k = 0; k < swaps.length; k++) {
      boolean swap = swaps[k];
      long[] good = reach[(firstGoal + k) >>> 6];
      long bit = 1L << (firstGoal + k);
      for (int node = 0; node < nodes; node++) {
        if ((good[node] & bit) == 0 && (p.from() == null || p.from().test(real(node), t, swap))) {
          int stuck = countFrom(node, excluded);
          return new Verdict(p, false, bounded, runTo(node), "from the last state, " + stuck + " joint state"
              + (stuck == 1 ? " is" : "s are") + " reachable" + (p.without().isEmpty() ? "" : " without " + String.join(", ", sorted(p))) + ", and none satisfies the goal");
        }
      }
    }
    return new Verdict(p, true, bounded, null, null);
  }

  private static List<String> sorted(Property p) {
    return p.without().stream().sorted().toList();
  }

  /** The joint states reachable from {@code node} without the excluded moves (a state and its mirror image apart). */
  private int countFrom(int node, BitSet excluded) {
    BitSet seen = new BitSet();
    IntList work = new IntList();
    seen.set(node);
    work.add(node);
    for (int head = 0; head < work.size(); head++) {
      int n = work.get(head);
      int s = n / orientations;
      if (s >= g.expanded) {
        continue;
      }
      g.successors(s, (m, target, swap) -> {
        int to = target * orientations + (n % orientations ^ swap);
        if (!excluded.get(m) && !seen.get(to)) {
          seen.set(to);
          work.add(to);
        }
      });
    }
    return seen.cardinality();
  }

  /** Breadth-first over (state node, stage): the shortest run through the stages in turn. */
  private Verdict possible(Property p, boolean[] swaps, boolean bounded) {
    int stages = p.stages().size();
    BitSet excluded = excluded(p);
    Run best = null;
    for (boolean swap : swaps) {
      int nodes = g.stateCount() * orientations;
      int[] parent = new int[nodes * (stages + 1)];
      java.util.Arrays.fill(parent, -2);
      IntList work = new IntList();
      int start = advance(0, 0, p, swap); // (node, stage) = node * (stages + 1) + stage
      parent[start] = -1;
      work.add(start);
      int goal = -1;
      for (int head = 0; head < work.size() && goal < 0; head++) {
        int at = work.get(head);
        int node = at / (stages + 1);
        int stage = at % (stages + 1);
        if (stage == stages) {
          goal = at;
          break;
        }
        int s = node / orientations;
        if (s >= g.expanded) {
          continue;
        }
        g.successors(s, (m, target, mirrored) -> {
          if (excluded.get(m)) {
            return;
          }
          int to = target * orientations + (node % orientations ^ mirrored);
          int next = to * (stages + 1) + advance(to, stage, p, swap);
          if (parent[next] == -2) {
            parent[next] = at;
            work.add(next);
          }
        });
      }
      if (goal >= 0) {
        List<long[]> states = new ArrayList<>();
        for (int at = goal; at >= 0; at = parent[at]) {
          states.add(0, real(at / (stages + 1)));
        }
        Run run = Run.along(g, states);
        if (best == null || run.length() < best.length()) {
          best = run;
        }
      }
    }
    return best != null ? new Verdict(p, true, bounded, best, "a shortest run through each stage in turn")
        : new Verdict(p, false, bounded, null, "no run passes through the stages in turn");
  }

  /** The stage reached once state node {@code node} is entered at {@code stage}: each stage that holds there is passed. */
  private int advance(int node, int stage, Property p, boolean swap) {
    long[] st = real(node);
    while (stage < p.stages().size() && p.stages().get(stage).test(st, t, swap)) {
      stage++;
    }
    return stage;
  }
}
