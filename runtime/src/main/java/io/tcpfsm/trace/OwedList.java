package io.tcpfsm.trace;

import io.tcpfsm.wire.Segment;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A candidate's owed segments ({@link Candidate#owed}), oldest first, with a hash of every element:
 * shared between copies, and changed in place only by the one candidate that owns it (made it and
 * never shared it: {@link Candidate#copy} gives up ownership, as its RCV.NXT history does), so
 * that tier 0's hypothesis, which owes and is answered about once a frame, allocates no list to do so. In a bulk transfer each arrival owes an ACK and a stack that
 * acknowledges every other segment leaves dozens owed; {@code List.of(array)} copied each list twice
 * per arrival, and candidates whose newest owed ACKs matched compared the whole lists. One class for
 * every owed list also keeps the checker's calls on it monomorphic.
 */
final class OwedList extends AbstractList<Owed> implements RandomAccess {
  static final OwedList EMPTY = new OwedList(new Owed[0], 0, 1, 0, null);
  private Owed[] items;
  private int size;
  /** Of every element in order, as {@link java.util.List#hashCode} defines it; kept up to date. */
  private int hash;
  /** Elements other than a plain ACK (a SYN,ACK, a reset, a FIN): most lists have none, and their readers then need not look. */
  private int controls;
  /** The candidate that may change this list in place, or null once shared. */
  Candidate owner;

  private OwedList(Owed[] items, int size, int hash, int controls, Candidate owner) {
    this.items = items;
    this.size = size;
    this.hash = hash;
    this.controls = controls;
    this.owner = owner;
  }

  private static int control(Owed o) {
    return o.flags() != Segment.ACK ? 1 : 0;
  }

  /** How many listed segments are other than a plain ACK. */
  int controls() {
    return controls;
  }

  private static int hash(Owed[] items, int size) {
    int h = 1;
    for (int i = 0; i < size; i++) {
      h = 31 * h + items[i].hashCode();
    }
    return h;
  }

  /**
   * This list with {@code o} appended, the oldest dropped first when {@code max} are listed already:
   * this very list when {@code by} owns it and it has room, else a new one {@code by} owns.
   */
  OwedList plus(Owed o, int max, Candidate by) {
    if (owner == by && size < items.length && size < max) {
      items[size++] = o;
      hash = 31 * hash + o.hashCode();
      controls += control(o);
      return this;
    }
    int drop = size + 1 > max ? 1 : 0;
    int n = size + 1 - drop;
    Owed[] l = new Owed[Math.min(max, Math.max(4, n + n / 2))];
    System.arraycopy(items, drop, l, 0, size - drop);
    l[n - 1] = o;
    int ctl = controls - (drop == 1 ? control(items[0]) : 0) + control(o);
    return new OwedList(l, n, drop == 0 ? 31 * hash + o.hashCode() : hash(l, n), ctl, by); // appending extends the hash
  }

  /** This list without its element at {@code i}: this very list when {@code by} owns it, else a new one {@code by} owns. */
  OwedList minus(int i, Candidate by) {
    if (size == 1) {
      return EMPTY;
    }
    int ctl = controls - control(items[i]);
    if (owner == by) {
      controls = ctl;
      System.arraycopy(items, i + 1, items, i, size - i - 1);
      items[--size] = null;
      hash = hash(items, size);
      return this;
    }
    Owed[] l = new Owed[Math.max(4, size)];
    System.arraycopy(items, 0, l, 0, i);
    System.arraycopy(items, i + 1, l, i, size - i - 1);
    return new OwedList(l, size - 1, hash(l, size - 1), ctl, by);
  }

  /** Whether {@code other} lists equal segments in the same order: the hashes first, then newest first. */
  boolean same(OwedList other) {
    if (other == this) {
      return true;
    }
    if (other.hash != hash || other.size != size) {
      return false;
    }
    for (int i = size - 1; i >= 0; i--) { // newest first: lists that differ mostly differ there
      if (!items[i].equals(other.items[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Owed get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return items[i];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int indexOf(Object o) {
    for (int i = 0; i < size; i++) {
      if (items[i].equals(o)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OwedList l ? same(l) : super.equals(o);
  }
}
