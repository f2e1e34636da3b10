package io.tcpfsm.explore;

import io.tcpfsm.model.Machine;

/**
 * Explicit-state, breadth-first search of two composed endpoints (so every run it reports is a
 * shortest one), with a visited set of packed joint states. Starts from both ends CLOSED with
 * nothing in flight; stops expanding at {@link ExploreConfig#maxStates()}.
 */
public final class Explorer {
  private Explorer() {}

  public static StateGraph explore(Machine machine, ExploreConfig config) {
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    Composition c = new Composition(machine, config);
    StateStore store = new StateStore();
    IntList target = new IntList();
    IntList move = new IntList();
    IntList parent = new IntList();
    IntList parentMove = new IntList();
    End closed = new End();
    closed.state = c.tables[0].closed;
    long a = closed.pack();
    closed.state = c.tables[1].closed;
    store.add(a, closed.pack(), 0, 0);
    parent.add(-1);
    parentMove.add(-1);
    int[] edgeStart = new int[1024];
    int id = 0;
    for (; id < store.size() && id < config.maxStates(); id++) {
      if (id + 1 >= edgeStart.length) {
        edgeStart = java.util.Arrays.copyOf(edgeStart, edgeStart.length * 2);
      }
      edgeStart[id] = target.size();
      final int from = id;
      c.expand(store.get(id, 0), store.get(id, 1), store.get(id, 2), store.get(id, 3), (m, na, nb, nab, nba, fx) -> {
        int before = store.size();
        int to = store.add(na, nb, nab, nba);
        if (to == before) {
          parent.add(from);
          parentMove.add(m);
        }
        target.add(to);
        move.add(m);
      }, false);
    }
    int expanded = id;
    int[] starts = java.util.Arrays.copyOf(edgeStart, Math.max(edgeStart.length, expanded + 1));
    starts[expanded] = target.size();
    return new StateGraph(c, store, starts, target, move, parent, parentMove, expanded, System.nanoTime() - t0, cpuNanos() - cpu0);
  }

  /** This thread's CPU time: the search runs on one core, whatever else the machine runs. */
  static long cpuNanos() {
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : 0;
  }
}
