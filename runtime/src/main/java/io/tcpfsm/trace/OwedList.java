package io.tcpfsm.trace;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A candidate's owed segments ({@link Candidate#owed}), oldest first: immutable, shared between
 * copies, with a hash of every element. In a bulk transfer each arrival owes an ACK and a stack that
 * acknowledges every other segment leaves dozens owed; {@code List.of(array)} copied each list twice
 * per arrival, and candidates whose newest owed ACKs matched compared the whole lists. One class for
 * every owed list also keeps the checker's calls on it monomorphic.
 */
final class OwedList extends AbstractList<Owed> implements RandomAccess {
  static final OwedList EMPTY = new OwedList(new Owed[0]);
  private final Owed[] items;
  /** Of every element in order, as {@link java.util.List#hashCode} defines it; computed once. */
  private final int hash;

  /** Takes {@code items} as it is: the caller never writes it again. */
  private OwedList(Owed[] items) {
    this(items, hash(items));
  }

  private OwedList(Owed[] items, int hash) {
    this.items = items;
    this.hash = hash;
  }

  private static int hash(Owed[] items) {
    int h = 1;
    for (Owed o : items) {
      h = 31 * h + o.hashCode();
    }
    return h;
  }

  /** {@code this} with {@code o} appended, the oldest dropped first when {@code max} are listed already. */
  OwedList plus(Owed o, int max) {
    int n = items.length;
    int drop = n + 1 > max ? 1 : 0;
    Owed[] l = new Owed[n + 1 - drop];
    System.arraycopy(items, drop, l, 0, n - drop);
    l[l.length - 1] = o;
    return drop == 0 ? new OwedList(l, 31 * hash + o.hashCode()) : new OwedList(l); // appending extends the hash
  }

  /** {@code this} without its element at {@code i}. */
  OwedList minus(int i) {
    Owed[] l = new Owed[items.length - 1];
    System.arraycopy(items, 0, l, 0, i);
    System.arraycopy(items, i + 1, l, i, l.length - i);
    return l.length == 0 ? EMPTY : new OwedList(l);
  }

  /** Whether {@code other} lists equal segments in the same order: the cached hashes first, then newest first. */
  boolean same(OwedList other) {
    if (other == this) {
      return true;
    }
    if (other.hash != hash || other.items.length != items.length) {
      return false;
    }
    for (int i = items.length - 1; i >= 0; i--) { // newest first: lists that differ mostly differ there
      if (!items[i].equals(other.items[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Owed get(int i) {
    return items[i];
  }

  @Override
  public int size() {
    return items.length;
  }

  @Override
  public int indexOf(Object o) {
    for (int i = 0; i < items.length; i++) {
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
