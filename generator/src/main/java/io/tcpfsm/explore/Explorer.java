package io.tcpfsm.explore;

import io.tcpfsm.model.Machine;

/**
 * Explicit-state, breadth-first search of two composed endpoints (so every run it reports is a
 * shortest one), with a visited set of packed joint states, a state and its mirror image kept
 * once when both ends follow one profile. Starts from both ends CLOSED with nothing in flight;
 * stops expanding at {@link ExploreConfig#maxStates()}.
 */
public final class Explorer {
  private Explorer() {}

  public static StateGraph explore(Machine machine, ExploreConfig config) {
    return explore(machine, config, true);
  }

  /** With {@code mirror} false, a state and its mirror image are kept apart (the tests' reference). */
  static StateGraph explore(Machine machine, ExploreConfig config, boolean mirror) {
    return explore(machine, config, mirror, Runtime.getRuntime().maxMemory() / 4);
  }

  /** With {@code logBytes}, the most the edge log may hold before the checker falls back to expanding states again. */
  static StateGraph explore(Machine machine, ExploreConfig config, boolean mirror, long logBytes) {
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    Composition c = new Composition(machine, config);
    boolean symmetric = mirror && c.tables[0] == c.tables[1];
    StateStore store = new StateStore();
    // Per state only its parent in the breadth-first tree (with the swap bit): the edges are
    // not kept, the checker expands a state again when it needs them (StateGraph#successors).
    IntList parent = new IntList();
    // The number of edges into each state, counted as the search finds them: the checker's
    // reverse edges need them (StateGraph#buildReverse), and counting here spares it a pass.
    IntList inDegree = new IntList();
    End closed = new End();
    closed.state = c.tables[0].closed;
    long a = closed.pack();
    closed.state = c.tables[1].closed;
    store.add(a, closed.pack(), 0, 0);
    parent.add(-1);
    inDegree.add(0);
    // The edges as found, for the checker's reverse edges (a second expansion of every state
    // otherwise); a quarter of the heap at most, past which the checker expands states again.
    EdgeLog log = new EdgeLog(logBytes);
    long[] transitions = {0};
    int id = 0;
    for (; id < store.size() && id < config.maxStates(); id++) {
      final int from = id;
      log.startState();
      c.expand(store.get(id, 0), store.get(id, 1), store.get(id, 2), store.get(id, 3), (m, na, nb, nab, nba, fx) -> {
        // With one profile at both ends, a joint state and its mirror image (A and B swapped)
        // are one state, kept as the smaller of the two; the parent link says whether it swapped.
        boolean swap = symmetric && mirrorIsSmaller(na, nb, nab, nba);
        int before = store.size();
        int to = swap ? store.add(nb, na, nba, nab) : store.add(na, nb, nab, nba);
        if (to == before) {
          parent.add(swap ? from | StateGraph.SWAP : from);
          inDegree.add(0);
        }
        inDegree.increment(to);
        log.add(swap ? to | StateGraph.SWAP : to, c.eventOf(m));
        transitions[0]++;
      }, false);
    }
    c.counting = false;
    return new StateGraph(c, store, symmetric, parent, inDegree, log, id, transitions[0], System.nanoTime() - t0, cpuNanos() - cpu0);
  }

  /**
   * Whether (b, a, ba, ab) orders before (a, b, ab, ba). Both ends run one table and start alike,
   * so the mirror image of every run is a run: the mirror of a reachable state is reachable,
   * and its successors are the mirrors of the state's. Keeping one of the two loses nothing
   * (the checker tries each property on both, {@link StateGraph#SWAP}).
   */
  static boolean mirrorIsSmaller(long a, long b, long ab, long ba) {
    return b != a ? Long.compareUnsigned(b, a) < 0 : Long.compareUnsigned(ba, ab) < 0;
  }

  /** This thread's CPU time: the search runs on one core, whatever else the machine runs. */
  static long cpuNanos() {
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : 0;
  }
}
