package io.tcpfsm.trace;

/**
 * The segments an endpoint sent after its last arrival, newest first, each with whether it was a
 * window update: if that arrival turns out to have crossed them (it reached the endpoint only after
 * they were sent, RFC 9293 3.6 figure 13), they are sent again from the state before it
 * ({@link ConnectionCheck}). Immutable and shared by copies of a candidate.
 *
 * @param copy the segment equals a recent one of its sender: it may be the network's copy instead
 *     (a hypothesis that took it so may have been merged into this one, which did not)
 * @param count how many sends the list holds, at most {@link #MAX}
 */
record LaterSends(TraceSegment segment, boolean windowChanged, boolean copy, LaterSends older, int count) {
  /**
   * Sends an arrival may cross: a FIN sent with an ACK answering an old segment before it, in a
   * simultaneous close, is two (random seed 41975, {@code TraceSimulationProperties}).
   */
  static final int MAX = 8;

  /** {@code list} with {@code s} sent after it, or null when that would be more than {@link #MAX}: the arrival crossed no more. */
  static LaterSends after(LaterSends list, TraceSegment s, boolean windowChanged, boolean copy) {
    int n = list == null ? 1 : list.count + 1;
    return n > MAX ? null : new LaterSends(s, windowChanged, copy, list, n);
  }

  /** The sends, oldest first. */
  LaterSends[] inOrder() {
    LaterSends[] order = new LaterSends[count];
    for (LaterSends l = this; l != null; l = l.older) {
      order[l.count - 1] = l;
    }
    return order;
  }
}
