package io.tcpfsm.trace;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The successors of one endpoint's candidates after a frame, with duplicates merged as {@link
 * ConnectionCheck} merges them: an equal candidate already listed keeps its place and takes the
 * fewer losses. Each candidate's hash is kept beside it, so a new candidate is compared field by
 * field only with those whose hash matches: in a bulk transfer up to 128 successors meet up to 64
 * listed ones per frame, and comparing each pair's RCV.NXT history and owed ACKs cost most of a
 * frame's time. The order, and so every verdict, is that of a plain list scanned from the start.
 */
final class CandidateList extends AbstractList<Candidate> implements RandomAccess {
  private Candidate[] items;
  private int[] hashes;
  private int size;
  /** Open addressing on the hashes: index + 1 of a listed candidate, or 0; its length a power of two, at least twice {@link #items}'. */
  private int[] table;
  private boolean stale;

  CandidateList(int capacity) {
    items = new Candidate[Math.max(4, capacity)];
    hashes = new int[items.length];
    table = new int[Integer.highestOneBit(items.length) * 4];
  }

  /** Adds {@code c} unless an equal candidate is listed; that one is replaced by {@code c} if {@code c} assumes fewer losses. */
  void merge(Candidate c) {
    if (stale) {
      reindex(table.length);
    }
    int h = c.hashCode();
    int mask = table.length - 1;
    int slot = mix(h) & mask;
    for (int at = table[slot]; at != 0; slot = (slot + 1) & mask, at = table[slot]) {
      int i = at - 1;
      if (hashes[i] == h && items[i].equals(c)) {
        if (c.losses < items[i].losses) {
          items[i] = c;
        }
        return;
      }
    }
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
      reindex(table.length * 2);
    }
    items[size] = c;
    hashes[size] = h;
    index(size++);
  }

  private void reindex(int length) {
    table = new int[length];
    for (int i = 0; i < size; i++) {
      index(i);
    }
    stale = false;
  }

  private void index(int i) {
    int mask = table.length - 1;
    int slot = mix(hashes[i]) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = i + 1;
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }

  @Override
  public Candidate get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return items[i];
  }

  /** For sorting (pruning to the candidates assuming the fewest losses): positions move, so the table is rebuilt on the next merge. */
  @Override
  public Candidate set(int i, Candidate c) {
    Candidate old = get(i);
    items[i] = c;
    hashes[i] = c.hashCode();
    stale = true;
    return old;
  }

  @Override
  public int size() {
    return size;
  }
}
