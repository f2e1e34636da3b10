package io.tcpfsm.explore;

/**
 * The reactions computed so far, by (end, packed endpoint state, move, slot): an endpoint of
 * the bundled spec takes a few thousand distinct states, so almost every step of the search is
 * one lookup here instead of a run of the model's actions. Open addressing over flat arrays:
 * an entry is the key's two longs, then the new packed state and the segments sent (up to
 * {@link #MAX_SENT}, 20 bits each, count in the top bits), or {@link #NONE} for a queued call
 * not yet served.
 */
final class ReactionMemo {
  static final int MAX_SENT = 3;
  static final long NONE = -1;
  private long[] keys = new long[2 * 4096];
  private long[] values = new long[2 * 4096];
  private int size;

  /** The slot of the entry for the key, or a negative number (-slot - 1) where it would go. */
  int find(long end, long input) {
    int mask = keys.length / 2 - 1;
    int h = hash(end, input) & mask;
    while (true) {
      long k1 = keys[2 * h + 1];
      if (k1 == 0) {
        return -h - 1;
      }
      if (k1 == input && keys[2 * h] == end) {
        return h;
      }
      h = (h + 1) & mask;
    }
  }

  long newEnd(int slot) {
    return values[2 * slot];
  }

  long sent(int slot) {
    return values[2 * slot + 1];
  }

  /** Keeps a reaction; {@code input} is never 0 (see {@link Composition}). */
  void put(int freeSlot, long end, long input, long newEnd, long sent) {
    int h = -freeSlot - 1;
    keys[2 * h] = end;
    keys[2 * h + 1] = input;
    values[2 * h] = newEnd;
    values[2 * h + 1] = sent;
    if (++size * 2 > keys.length / 2) {
      grow();
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new long[oldValues.length * 2];
    for (int i = 0; i < oldKeys.length / 2; i++) {
      if (oldKeys[2 * i + 1] != 0) {
        int at = -find(oldKeys[2 * i], oldKeys[2 * i + 1]) - 1;
        keys[2 * at] = oldKeys[2 * i];
        keys[2 * at + 1] = oldKeys[2 * i + 1];
        values[2 * at] = oldValues[2 * i];
        values[2 * at + 1] = oldValues[2 * i + 1];
      }
    }
  }

  /** The segments of {@code fx} packed as {@link #sent}, or -2 when there are too many to keep. */
  static long pack(Effects fx) {
    if (fx.sentCount > MAX_SENT) {
      return -2;
    }
    long out = (long) fx.sentCount << 60;
    for (int i = 0; i < fx.sentCount; i++) {
      out |= (long) fx.sent[i] << (20 * i);
    }
    return out;
  }

  static int count(long sent) {
    return (int) (sent >>> 60);
  }

  static int seg(long sent, int i) {
    return (int) (sent >>> (20 * i) & 0xFFFFF);
  }

  private static int hash(long end, long input) {
    long h = end * 0x9E3779B97F4A7C15L ^ input * 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ h >>> 31);
  }
}
