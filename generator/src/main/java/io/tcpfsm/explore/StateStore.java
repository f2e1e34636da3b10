package io.tcpfsm.explore;

import java.util.Arrays;

/**
 * The visited set: joint states packed as four longs each, numbered in the order they were
 * first seen, in one open-addressing hash table of ids over a flat array of longs (no object
 * per state).
 */
final class StateStore {
  private static final int WIDTH = 4;
  private long[] data = new long[WIDTH * 1024];
  private int[] table = new int[4096]; // id + 1; 0 is empty
  private int size;

  int size() {
    return size;
  }

  long get(int id, int field) {
    return data[id * WIDTH + field];
  }

  /** The id of the state, or -1 if it is not in the store. */
  int find(long a, long b, long ab, long ba) {
    int mask = table.length - 1;
    int h = hash(a, b, ab, ba) & mask;
    for (int slot = table[h]; slot != 0; slot = table[h]) {
      int base = (slot - 1) * WIDTH;
      if (data[base] == a && data[base + 1] == b && data[base + 2] == ab && data[base + 3] == ba) {
        return slot - 1;
      }
      h = (h + 1) & mask;
    }
    return -1;
  }

  /** The id of the state, adding it if new; a new state's id is {@link #size()} - 1 afterwards. */
  int add(long a, long b, long ab, long ba) {
    int mask = table.length - 1;
    int h = hash(a, b, ab, ba) & mask;
    while (true) {
      int slot = table[h];
      if (slot == 0) {
        break;
      }
      int base = (slot - 1) * WIDTH;
      if (data[base] == a && data[base + 1] == b && data[base + 2] == ab && data[base + 3] == ba) {
        return slot - 1;
      }
      h = (h + 1) & mask;
    }
    int id = size++;
    if ((id + 1) * WIDTH > data.length) {
      data = Arrays.copyOf(data, data.length * 2);
    }
    int base = id * WIDTH;
    data[base] = a;
    data[base + 1] = b;
    data[base + 2] = ab;
    data[base + 3] = ba;
    table[h] = id + 1;
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int id = 0; id < size; id++) {
      int base = id * WIDTH;
      int h = hash(data[base], data[base + 1], data[base + 2], data[base + 3]) & mask;
      while (bigger[h] != 0) {
        h = (h + 1) & mask;
      }
      bigger[h] = id + 1;
    }
    table = bigger;
  }

  private static int hash(long a, long b, long ab, long ba) {
    long h = a * 0x9E3779B97F4A7C15L;
    h = (h ^ b) * 0xC2B2AE3D27D4EB4FL;
    h = (h ^ ab) * 0x165667B19E3779F9L;
    h = (h ^ ba) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ h >>> 29 ^ h >>> 41);
  }
}
