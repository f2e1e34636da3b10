package io.tcpfsm.trace;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The successors of one endpoint's candidates after a frame, with duplicates merged as {@link
 * ConnectionCheck} merges them: an equal candidate already listed keeps its place and takes the
 * fewer hidden events. Each candidate's hash is kept beside it, so a new candidate is compared field by
 * field only with those whose hash matches: in a bulk transfer up to 128 successors meet up to 64
 * listed ones per frame, and comparing each pair's RCV.NXT history and owed ACKs cost most of a
 * frame's time. The order, and so every verdict, is that of a plain list scanned from the start.
 */
final class CandidateList extends AbstractList<Candidate> implements RandomAccess {
  private Candidate[] items;
  private int[] hashes;
  private int size;
  /** Open addressing on the hashes once more than {@link #SCAN} are listed: index + 1 of a listed candidate, or 0; a power of two, at least twice {@link #items}' length. */
  private int[] table;
  private boolean stale;
  /**
   * Two candidates without hidden events met here that differ in a field {@link Candidate#equals}
   * leaves out (SND.UNA, the send window): which one is kept depends on the order of arrival, which
   * {@link TieredCheck}'s tier 0 cannot vouch for, so it replays.
   */
  boolean tiesDiffer;
  /** Candidates whose hashes are computed, from the first: {@link #only} and {@link #of} leave them to the first merge (most such lists never take another candidate). */
  private int hashed;
  /** Up to this many candidates a scan of the hashes is as fast as a table (most frames have fewer than 8). */
  private static final int SCAN = 8;

  /**
   * Merge by scanning the list with {@link Candidate#equals}, no hashes: the reference the hashed merge
   * is tested against ({@code TraceFastPathTest}).
   */
  private final boolean plain;

  CandidateList(int capacity) {
    this(capacity, false);
  }

  CandidateList(int capacity, boolean plain) {
    items = new Candidate[Math.max(4, Math.min(capacity, 16))];
    hashes = new int[items.length];
    this.plain = plain;
  }

  /** A list of {@code cs}, which must differ from one another (a connection's first hypotheses): listed as merging them would, their hashes left until a merge needs them. */
  static CandidateList of(Candidate... cs) {
    CandidateList l = new CandidateList(cs.length);
    if (cs.length > l.items.length) {
      l.items = new Candidate[cs.length];
      l.hashes = new int[cs.length];
    }
    System.arraycopy(cs, 0, l.items, 0, cs.length);
    l.size = cs.length;
    return l;
  }

  /** Adds {@code c} unless an equal candidate is listed; that one is replaced by {@code c} if {@code c} assumes fewer hidden events ({@link Candidate#cost()}). */
  void merge(Candidate c) {
    if (plain) {
      mergePlain(c);
      return;
    }
    for (; hashed < size; hashed++) {
      hashes[hashed] = items[hashed].hashCode();
    }
    int h = c.hashCode();
    int i = find(c, h);
    if (i >= 0) {
      if (c.cost() < items[i].cost()) {
        items[i] = c;
      } else if (c.cost() == 0 && items[i].cost() == 0 && !c.sameUnequal(items[i])) {
        tiesDiffer = true;
      }
      return;
    }
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    items[size] = c;
    hashes[size] = h;
    size++;
    hashed = size;
    if (table != null && !stale) {
      index(size - 1);
    }
  }

  private void mergePlain(Candidate c) {
    for (int i = 0; i < size; i++) {
      if (items[i].equals(c)) {
        if (c.cost() < items[i].cost()) {
          items[i] = c;
        }
        return;
      }
    }
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    items[size++] = c;
  }

  /** The position of the candidate equal to {@code c}, or -1: by scanning the hashes while few, by the table beyond. */
  private int find(Candidate c, int h) {
    if (size <= SCAN) {
      for (int i = 0; i < size; i++) {
        if (hashes[i] == h && items[i].equals(c)) {
          return i;
        }
      }
      return -1;
    }
    if (table == null || stale || table.length < 2 * items.length) {
      reindex(Integer.highestOneBit(items.length) * 4);
    }
    int mask = table.length - 1;
    for (int slot = mix(h) & mask, at = table[slot]; at != 0; slot = (slot + 1) & mask, at = table[slot]) {
      if (hashes[at - 1] == h && items[at - 1].equals(c)) {
        return at - 1;
      }
    }
    return -1;
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

  /** Keeps the first {@code n} candidates (after sorting them: pruning to the bound). */
  void truncate(int n) {
    if (n < size) {
      Arrays.fill(items, n, size, null);
      size = n;
      hashed = Math.min(hashed, n);
      stale = true;
    }
  }

  /** Empties the list but for {@code c}, as merging {@code c} into the emptied list would leave it. */
  void only(Candidate c) {
    clear();
    items[0] = c;
    size = 1;
  }

  /** Empties the list for reuse, its arrays kept. */
  @Override
  public void clear() {
    java.util.Arrays.fill(items, 0, size, null);
    size = 0;
    table = null;
    stale = false;
    tiesDiffer = false;
    hashed = 0;
  }

  @Override
  public int size() {
    return size;
  }
}
