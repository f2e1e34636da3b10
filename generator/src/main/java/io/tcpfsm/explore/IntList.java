package io.tcpfsm.explore;

import java.util.Arrays;

/** A growable array of ints: the search's parent links and in-degrees, without boxing. */
final class IntList {
  private int[] items = new int[1024];
  private int size;

  void add(int v) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = v;
  }

  /** Adds one to item {@code i}. */
  void increment(int i) {
    items[i]++;
  }

  int get(int i) {
    return items[i];
  }

  int size() {
    return size;
  }
}
