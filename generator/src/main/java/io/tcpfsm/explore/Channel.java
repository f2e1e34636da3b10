package io.tcpfsm.explore;

/**
 * One direction of the network, packed in a long: up to {@link #MAX_CAPACITY} segments in
 * 20-bit slots (a segment's code plus one; 0 is an empty slot), filled from slot 0. A FIFO
 * channel keeps the order segments were sent; a reordering channel is a multiset, kept sorted
 * so that two orders of the same segments are one state.
 */
final class Channel {
  static final int MAX_CAPACITY = 3;
  private static final int SLOT = 20;
  private static final long MASK = (1L << SLOT) - 1;

  private Channel() {}

  static int size(long ch) {
    int n = 0;
    while (n < MAX_CAPACITY && (ch >>> (SLOT * n) & MASK) != 0) {
      n++;
    }
    return n;
  }

  static int get(long ch, int i) {
    return (int) ((ch >>> (SLOT * i) & MASK) - 1);
  }

  static long remove(long ch, int i) {
    int n = size(ch);
    long out = 0;
    int k = 0;
    for (int j = 0; j < n; j++) {
      if (j != i) {
        out |= (ch >>> (SLOT * j) & MASK) << (SLOT * k++);
      }
    }
    return out;
  }

  /** The channel with {@code seg} added, or -1 when it already holds {@code capacity} segments. */
  static long add(long ch, int seg, int capacity, boolean reorder) {
    int n = size(ch);
    if (n >= capacity) {
      return -1;
    }
    long v = seg + 1L;
    if (!reorder) {
      return ch | v << (SLOT * n);
    }
    // The channel is kept sorted: the new slot goes in its place, the greater ones move up one
    // (in place of sorting a copy: this runs for every segment sent in the search).
    int p = 0;
    while (p < n && (ch >>> (SLOT * p) & MASK) <= v) {
      p++;
    }
    long below = (1L << (SLOT * p)) - 1;
    return (ch & below) | v << (SLOT * p) | (ch & ~below) << SLOT;
  }

  static boolean contains(long ch, int flag) {
    for (int i = 0, n = size(ch); i < n; i++) {
      if (Seg.has(get(ch, i), flag)) {
        return true;
      }
    }
    return false;
  }
}
