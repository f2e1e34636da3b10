package io.tcpfsm.explore;

import java.util.List;

/**
 * The backward reachability of the {@code always} checks, up to 64 at once: for each goal
 * (a property's target read with the roles as written or swapped, and its {@code without} events),
 * the nodes from which some run without those events reaches the goal. Each node holds one bit per
 * goal, and one walk over the reverse edges carries all the bits together: a node goes back on the
 * work queue whenever it gains a bit, so the result is the least fixed point of each goal's own
 * pass (the set of nodes that reach it), whatever order the bits arrive in. One walk in place of
 * one per goal: the reverse edges (5 bytes each, hundreds of MB) are read a few times, not 2 per
 * property, and each state's predicates are evaluated on one unpacked copy (BENCHMARKS.md, "explore").
 */
final class Backward {
  /** One goal: the target, the roles swapped or not, and the events its runs may not use. */
  record Goal(Pred target, boolean swap, java.util.Set<String> without) {}

  private Backward() {}

  /**
   * Bit j of node n's mask: node n reaches goal j ({@code goals.size() <= 64}). A state the bound
   * left unexpanded counts as reaching every goal: it may go on to it.
   */
  static long[] reach(StateGraph g, List<Goal> goals) {
    if (goals.size() > 64) {
      throw new IllegalArgumentException("at most 64 goals in one walk: " + goals.size());
    }
    int orientations = g.orientations();
    int nodes = g.stateCount() * orientations;
    Table[] t = g.composition.tables;
    long all = goals.size() == 64 ? -1L : (1L << goals.size()) - 1;
    long[] good = new long[nodes];
    // A ring of nodes waiting to pass their bits back; a node is in it at most once at a time.
    int[] ring = new int[Math.max(nodes, 1)];
    long[] queued = new long[(nodes + 63) >>> 6];
    int head = 0;
    int count = 0;
    for (int node = 0; node < nodes; node++) {
      long mask;
      if (node / orientations >= g.expanded) {
        mask = all;
      } else {
        long[] s = Run.state(g, node / orientations, node % orientations);
        mask = 0;
        for (int j = 0; j < goals.size(); j++) {
          if (goals.get(j).target().test(s, t, goals.get(j).swap())) {
            mask |= 1L << j;
          }
        }
      }
      if (mask != 0) {
        good[node] = mask;
        ring[count++] = node;
        queued[node >>> 6] |= 1L << node;
      }
    }
    int[] rs = g.reverseStart();
    int[] rsrc = g.reverseSources();
    byte[] revent = g.reverseEvents();
    // Per model event, the goals whose runs may take it.
    long[] allowed = new long[256];
    for (int i = 0; i < g.reverseEventCount(); i++) {
      String ev = g.reverseEventName(i);
      for (int j = 0; j < goals.size(); j++) {
        if (ev == null || !goals.get(j).without().contains(ev)) {
          allowed[i] |= 1L << j;
        }
      }
    }
    while (count > 0) {
      int to = ring[head];
      head = head + 1 == ring.length ? 0 : head + 1;
      count--;
      queued[to >>> 6] &= ~(1L << to);
      long bits = good[to];
      int id = to / orientations;
      int o = to % orientations;
      for (int k = rs[id], end = rs[id + 1]; k < end; k++) {
        long carried = bits & allowed[revent[k] & 0xFF];
        int src = rsrc[k];
        int from = (src & ~StateGraph.SWAP) * orientations + (o ^ ((src & StateGraph.SWAP) != 0 ? 1 : 0));
        long gained = carried & ~good[from];
        if (gained != 0) {
          good[from] |= gained;
          if ((queued[from >>> 6] & 1L << from) == 0) {
            queued[from >>> 6] |= 1L << from;
            int at = head + count;
            ring[at >= ring.length ? at - ring.length : at] = from;
            count++;
          }
        }
      }
    }
    return good;
  }
}
