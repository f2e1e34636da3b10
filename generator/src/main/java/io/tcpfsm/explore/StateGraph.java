package io.tcpfsm.explore;

/**
 * What a search found: the joint states (ids in breadth-first order, so a state's id never
 * precedes one nearer the start) and the breadth-first tree whose paths are the shortest runs.
 * The transitions are not stored with the states: a state's successors are computed again from its
 * packed form when asked for ({@link #successors}), and the edges into each state, which the
 * {@code always} checks walk backwards, are built once on first use as flat arrays from the
 * edges the search logged ({@link EdgeLog}, dropped then).
 * Per state that is 32 bytes of packed state, 4 to 8 of hash table and 4 of parent link, and 5
 * bytes per transition for the reverse edges (source and model event) (counted in BENCHMARKS.md).
 */
public final class StateGraph {
  /**
   * Set in a parent link's (or a reverse edge's) source when the state is kept as its mirror
   * image of the real successor: the real successor is the stored state with A and B swapped.
   */
  static final int SWAP = 1 << 30;
  final Composition composition;
  final StateStore states;
  /** A state stands for itself and its mirror image (one profile at both ends). */
  final boolean symmetric;
  private final IntList parent;
  /** The edges into each state, counted by the search; dropped once the reverse edges are built. */
  private IntList inDegree;
  /** The edges as the search found them, if it kept them all; dropped once the reverse edges are built. */
  private EdgeLog log;
  final int expanded;
  private final long transitions;
  final long nanos;
  final long cpuNanos;
  private int[] reverseStart;
  private int[] reverseSources;
  /** The model event of each reverse edge's move, as an index into {@link #reverseEventNames}. */
  private byte[] reverseEvents;
  /** The model events of the moves (index 0: none); a property's {@code without} names these. */
  private java.util.List<String> reverseEventNames;

  /** Receives one edge: its move, its target's id, and 1 when the target is stored mirrored. */
  interface Edge {
    void accept(int move, int target, int swap);
  }

  StateGraph(Composition composition, StateStore states, boolean symmetric, IntList parent, IntList inDegree, EdgeLog log, int expanded,
      long transitions, long nanos, long cpuNanos) {
    this.inDegree = inDegree;
    this.log = log;
    this.composition = composition;
    this.states = states;
    this.symmetric = symmetric;
    this.parent = parent;
    this.expanded = expanded;
    this.transitions = transitions;
    this.nanos = nanos;
    this.cpuNanos = cpuNanos;
  }

  /** Joint states found, a state and its mirror image counted once (see {@link #unreducedStateCount()}). */
  public int stateCount() {
    return states.size();
  }

  /** Joint states found, a state and its mirror image counted apart: what a search without the symmetry finds. */
  public long unreducedStateCount() {
    if (!symmetric) {
      return states.size();
    }
    long n = 0;
    for (int id = 0; id < states.size(); id++) {
      boolean self = states.get(id, 0) == states.get(id, 1) && states.get(id, 2) == states.get(id, 3);
      n += self ? 1 : 2;
    }
    return n;
  }

  /** Whether each state stands for itself and its mirror image (A and B follow one profile). */
  public boolean symmetric() {
    return symmetric;
  }

  /** The orientations a stored state is read in: 2 when it stands for its mirror image too. */
  int orientations() {
    return symmetric ? 2 : 1;
  }

  /** The parent of state {@code id} in the breadth-first tree, -1 for the start. */
  int parent(int id) {
    int p = parent.get(id);
    return p < 0 ? p : p & ~SWAP;
  }

  /** 1 when state {@code id} is stored as the mirror image of its parent's successor, else 0. */
  int parentSwap(int id) {
    int p = parent.get(id);
    return p >= 0 && (p & SWAP) != 0 ? 1 : 0;
  }

  /**
   * Every edge out of expanded state {@code id}, computed again from its packed form: the
   * composition is deterministic and the endpoints' reactions are memoized, so this is a
   * lookup per move, and it spares storing 8 to 14 edges per state.
   */
  void successors(int id, Edge edge) {
    composition.expand(states.get(id, 0), states.get(id, 1), states.get(id, 2), states.get(id, 3), (m, a, b, ab, ba, fx) -> {
      boolean swap = symmetric && Explorer.mirrorIsSmaller(a, b, ab, ba);
      int to = swap ? states.find(b, a, ba, ab) : states.find(a, b, ab, ba);
      if (to < 0) {
        throw new IllegalStateException("a successor of expanded state " + id + " is not in the store");
      }
      edge.accept(m, to, swap ? 1 : 0);
    }, false);
  }

  public long transitionCount() {
    return transitions;
  }

  /** Whether every reachable joint state was expanded (no --max-states cut). */
  public boolean complete() {
    return expanded == states.size();
  }

  public long nanos() {
    return nanos;
  }

  /** CPU time of the search's thread (0 where the JVM cannot tell). */
  public long cpuNanos() {
    return cpuNanos;
  }

  /** Segments sent into a full channel, each lost there: how often the channel bound acted. */
  public long channelOverflows() {
    return composition.overflows;
  }

  public ExploreConfig config() {
    return composition.config;
  }

  /** The edges into each state: those into {@code i} are {@code reverseStart()[i]} to {@code [i+1]}. Built on first use. */
  int[] reverseStart() {
    buildReverse();
    return reverseStart;
  }

  /** The source of each reverse edge, with {@link #SWAP} set when the edge's target is stored mirrored. */
  int[] reverseSources() {
    buildReverse();
    return reverseSources;
  }

  /**
   * The model event of each reverse edge's move, one byte per edge (a few dozen events against
   * thousands of moves): all a {@code without} clause asks of an edge.
   */
  byte[] reverseEvents() {
    buildReverse();
    return reverseEvents;
  }

  /** The model event named by index {@code i} of {@link #reverseEvents()}, or null (a move with none). */
  String reverseEventName(int i) {
    buildReverse();
    return reverseEventNames.get(i);
  }

  int reverseEventCount() {
    buildReverse();
    return reverseEventNames.size();
  }

  /**
   * One pass over the edges, placing each after those counted into its target before it (the
   * search counted the edges into each state, {@link Explorer}). The edges come from the search's
   * {@link EdgeLog}; when memory made it give up, from expanding every state again.
   */
  private void buildReverse() {
    if (reverseStart != null) {
      return;
    }
    if (transitions > Integer.MAX_VALUE - 8) {
      throw new ExploreException("too many transitions for the reverse edges: " + transitions);
    }
    int n = states.size();
    // start[i + 1] = the edges into states 0..i: a running sum of the counts, shifted by one.
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i + 1] = start[i] + inDegree.get(i);
    }
    inDegree = null;
    int[] fill = java.util.Arrays.copyOf(start, n);
    int[] sources = new int[(int) transitions];
    byte[] events = new byte[(int) transitions];
    if (log != null && log.complete()) {
      log.drain((from, to, event) -> {
        int at = fill[to & ~SWAP]++;
        sources[at] = (to & SWAP) != 0 ? from | SWAP : from;
        events[at] = event;
      });
    } else {
      for (int from = 0; from < expanded; from++) {
        final int f = from;
        successors(from, (m, to, swap) -> {
          int at = fill[to]++;
          sources[at] = swap == 1 ? f | SWAP : f;
          events[at] = composition.eventOf(m);
        });
      }
    }
    log = null;
    reverseEventNames = composition.eventNames();
    for (int i = 0; i < n; i++) {
      if (fill[i] != start[i + 1]) {
        throw new IllegalStateException("state " + i + ": the search counted " + (start[i + 1] - start[i]) + " edges into it, the checker "
            + (fill[i] - start[i]));
      }
    }
    reverseStart = start;
    reverseSources = sources;
    reverseEvents = events;
  }
}
