package io.tcpfsm.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * The edges the search found, in the order it found them (by source, in breadth-first order):
 * each edge's target id with {@link StateGraph#SWAP} and its move's model event in one byte.
 * The checker turns them into reverse edges ({@link StateGraph}) instead of expanding every state a
 * second time, which cost as much CPU as the search (BENCHMARKS.md, "explore"). Kept in chunks so
 * growing never copies, and so each chunk can be let go as soon as it is read. The log gives up
 * (and the checker expands states again) once it would hold more than {@code maxBytes}.
 */
final class EdgeLog {
  private static final int CHUNK_BITS = 20;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private final List<int[]> targets = new ArrayList<>();
  private final List<byte[]> events = new ArrayList<>();
  /** Edges out of each expanded state, by id. */
  private final IntList outDegree = new IntList();
  private final long maxEdges;
  private long size;
  private boolean dropped;

  EdgeLog(long maxBytes) {
    this.maxEdges = maxBytes / 5;
  }

  /** The edges out of the next state expanded begin here. */
  void startState() {
    if (!dropped) {
      outDegree.add(0);
    }
  }

  void add(int target, byte event) {
    if (dropped) {
      return;
    }
    if (size == maxEdges) {
      drop();
      return;
    }
    int at = (int) (size & (CHUNK - 1));
    if (at == 0) {
      targets.add(new int[CHUNK]);
      events.add(new byte[CHUNK]);
    }
    targets.get(targets.size() - 1)[at] = target;
    events.get(events.size() - 1)[at] = event;
    outDegree.increment(outDegree.size() - 1);
    size++;
  }

  private void drop() {
    dropped = true;
    targets.clear();
    events.clear();
  }

  /** Whether the log holds every edge (it did not give up for memory). */
  boolean complete() {
    return !dropped;
  }

  /** Receives the edges in the order found, each with its source; chunks are released once read. */
  void drain(ReverseSink sink) {
    long k = 0;
    int from = 0;
    int left = outDegree.size() > 0 ? outDegree.get(0) : 0;
    while (k < size) {
      int c = (int) (k >>> CHUNK_BITS);
      int[] ts = targets.get(c);
      byte[] es = events.get(c);
      int n = (int) Math.min(CHUNK, size - ((long) c << CHUNK_BITS));
      for (int i = 0; i < n; i++) {
        while (left == 0) {
          left = outDegree.get(++from);
        }
        sink.accept(from, ts[i], es[i]);
        left--;
      }
      targets.set(c, null);
      events.set(c, null);
      k += n;
    }
    drop();
  }

  interface ReverseSink {
    void accept(int from, int target, byte event);
  }
}
