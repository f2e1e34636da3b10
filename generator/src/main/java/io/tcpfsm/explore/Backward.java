package io.tcpfsm.explore;

import java.util.List;

/**
 * The backward reachability of the {@code always} checks, up to 64 at once: for each goal
 * (a property's target read with the roles as written or swapped, and its {@code without} events),
 * the nodes from which some run without those events reaches the goal. Each node holds one bit per
 * goal, and one walk over the reverse edges carries all the bits together: a state goes back on the
 * work queue whenever one of its nodes gains a bit, so the result is the least fixed point of each goal's own
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
    // A ring of states waiting to pass their nodes' bits back; a state is in it at most once at a
    // time. By state, not node: the two orientations of a state share its reverse edges, and their
    // masks share a cache line, so one visit of an edge serves both.
    int states = g.stateCount();
    int[] ring = new int[Math.max(states, 1)];
    long[] queued = new long[(states + 63) >>> 6];
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
      good[node] = mask;
      int id = node / orientations;
      if (mask != 0 && (queued[id >>> 6] & 1L << id) == 0) {
        queued[id >>> 6] |= 1L << id;
        ring[count++] = id;
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
      int id = ring[head];
      head = head + 1 == ring.length ? 0 : head + 1;
      count--;
      queued[id >>> 6] &= ~(1L << id);
      long bits0 = good[id * orientations];
      long bits1 = orientations == 2 ? good[id * 2 + 1] : 0;
      for (int k = rs[id], end = rs[id + 1]; k < end; k++) {
        long allow = allowed[revent[k] & 0xFF];
        int src = rsrc[k];
        int base = (src & ~StateGraph.SWAP) * orientations;
        // An edge with the swap bit leads from orientation o of its source to orientation 1 - o here.
        boolean swapped = (src & StateGraph.SWAP) != 0;
        long gained0 = (swapped ? bits1 : bits0) & allow & ~good[base];
        long gained1 = orientations == 2 ? (swapped ? bits0 : bits1) & allow & ~good[base + 1] : 0;
        if ((gained0 | gained1) != 0) {
          good[base] |= gained0;
          if (orientations == 2) {
            good[base + 1] |= gained1;
          }
          int from = src & ~StateGraph.SWAP;
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
