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

  CandidateList(int capacity) {
    items = new Candidate[Math.max(4, capacity)];
    hashes = new int[items.length];
  }

  /** Adds {@code c} unless an equal candidate is listed; that one is replaced by {@code c} if {@code c} assumes fewer losses. */
  void merge(Candidate c) {
    int h = c.hashCode();
    for (int i = 0; i < size; i++) {
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
    }
    items[size] = c;
    hashes[size++] = h;
  }

  @Override
  public Candidate get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return items[i];
  }

  /** For sorting (pruning to the candidates assuming the fewest losses). */
  @Override
  public Candidate set(int i, Candidate c) {
    Candidate old = get(i);
    items[i] = c;
    hashes[i] = c.hashCode();
    return old;
  }

  @Override
  public int size() {
    return size;
  }
}
