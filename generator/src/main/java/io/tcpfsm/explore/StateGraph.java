package io.tcpfsm.explore;

/**
 * What a search found: the joint states (ids in breadth-first order, so a state's id never
 * precedes one nearer the start), every transition between them with its move, and the
 * breadth-first tree whose paths are the shortest runs.
 */
public final class StateGraph {
  /**
   * Set in an edge's (or a parent link's) move when the target is kept as its mirror image:
   * the real successor is the stored state with A and B swapped.
   */
  static final int SWAP = 1 << 30;
  final Composition composition;
  final StateStore states;
  /** A state stands for itself and its mirror image (one profile at both ends). */
  final boolean symmetric;
  /** Edges of state i: {@code edgeStart[i]} to {@code edgeStart[i+1]}. Only expanded states have edges. */
  final int[] edgeStart;
  final IntList edgeTarget;
  final IntList edgeMove;
  final IntList parent;
  final IntList parentMove;
  final int expanded;
  final long nanos;
  final long cpuNanos;
  private int[] reverseStart;
  private int[] reverseEdges;
  private int[] reverseSources;

  StateGraph(Composition composition, StateStore states, boolean symmetric, int[] edgeStart, IntList edgeTarget, IntList edgeMove,
      IntList parent, IntList parentMove, int expanded, long nanos, long cpuNanos) {
    this.composition = composition;
    this.states = states;
    this.symmetric = symmetric;
    this.edgeStart = edgeStart;
    this.edgeTarget = edgeTarget;
    this.edgeMove = edgeMove;
    this.parent = parent;
    this.parentMove = parentMove;
    this.expanded = expanded;
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

  /** The move of edge {@code k}, without its swap bit. */
  int move(int k) {
    return edgeMove.get(k) & ~SWAP;
  }

  /** 1 when edge {@code k}'s target is stored as its mirror image, else 0. */
  int swap(int k) {
    return (edgeMove.get(k) & SWAP) != 0 ? 1 : 0;
  }

  public long transitionCount() {
    return edgeTarget.size();
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

  /** The edges into each state, as edge indices, built on first use. */
  int[] reverseStart() {
    buildReverse();
    return reverseStart;
  }

  int[] reverseEdges() {
    buildReverse();
    return reverseEdges;
  }

  /** The source state of each edge of {@link #reverseEdges()}, in the same order. */
  int[] reverseSources() {
    buildReverse();
    return reverseSources;
  }

  private void buildReverse() {
    if (reverseStart != null) {
      return;
    }
    int n = states.size();
    int[] start = new int[n + 1];
    for (int k = 0; k < edgeTarget.size(); k++) {
      start[edgeTarget.get(k) + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] fill = start.clone();
    int[] edges = new int[edgeTarget.size()];
    int[] sources = new int[edgeTarget.size()];
    for (int from = 0; from < expanded; from++) {
      for (int k = edgeStart[from]; k < edgeStart[from + 1]; k++) {
        int at = fill[edgeTarget.get(k)]++;
        edges[at] = k;
        sources[at] = from;
      }
    }
    reverseStart = start;
    reverseEdges = edges;
    reverseSources = sources;
  }
}
