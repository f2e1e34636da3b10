package io.tcpfsm.explore;

import java.util.List;

/**
 * A predicate over one joint state: the states of the two ends, what their applications did,
 * and what is in flight. Ends are A and B, or X and Y: a property written with X and Y is
 * checked with X as A and Y as B, and again with the roles swapped.
 */
sealed interface Pred {
  /** Whether it holds in the joint state, with X bound to A ({@code swap} false) or to B. */
  boolean test(long[] s, Table[] t, boolean swap);

  /** Whether it names X or Y. */
  boolean roles();

  /** End 0 A, 1 B, 2 X, 3 Y, as the index into the joint state under {@code swap}. */
  static int end(int end, boolean swap) {
    return end < 2 ? end : (end == 2) != swap ? 0 : 1;
  }

  record InStates(int end, List<Integer> states, boolean negated) implements Pred {
    @Override
    public boolean test(long[] s, Table[] t, boolean swap) {
      return states.contains(End.state(s[Pred.end(end, swap)])) != negated;
    }

    @Override
    public boolean roles() {
      return end >= 2;
    }
  }

  /** The end's application called CLOSE on the connection it has now. */
  record CalledClose(int end) implements Pred {
    @Override
    public boolean test(long[] s, Table[] t, boolean swap) {
      return End.closeCalled(s[Pred.end(end, swap)]);
    }

    @Override
    public boolean roles() {
      return end >= 2;
    }
  }

  /** The end has put a FIN into its sequence space. */
  record SentFin(int end) implements Pred {
    @Override
    public boolean test(long[] s, Table[] t, boolean swap) {
      return End.finSent(s[Pred.end(end, swap)]);
    }

    @Override
    public boolean roles() {
      return end >= 2;
    }
  }

  /**
   * Segments in flight from {@code from} to the other end: with {@code flag} 0, that there are
   * none; otherwise that one of them has the flag ({@link Seg}) or, for -1, carries text.
   */
  record InFlight(int from, int flag) implements Pred {
    @Override
    public boolean test(long[] s, Table[] t, boolean swap) {
      long ch = Pred.end(from, swap) == 0 ? s[2] : s[3];
      if (flag == 0) {
        return Channel.size(ch) == 0;
      }
      for (int i = 0, n = Channel.size(ch); i < n; i++) {
        int seg = Channel.get(ch, i);
        if (flag < 0 ? Seg.data(seg) : Seg.has(seg, flag)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean roles() {
      return from >= 2;
    }
  }

  /** Nothing in flight either way. */
  record Quiet() implements Pred {
    @Override
    public boolean test(long[] s, Table[] t, boolean swap) {
      return s[2] == 0 && s[3] == 0;
    }

    @Override
    public boolean roles() {
      return false;
    }
  }

  record Not(Pred p) implements Pred {
    @Override
    public boolean test(long[] s, Table[] t, boolean swap) {
      return !p.test(s, t, swap);
    }

    @Override
    public boolean roles() {
      return p.roles();
    }
  }

  record And(Pred l, Pred r) implements Pred {
    @Override
    public boolean test(long[] s, Table[] t, boolean swap) {
      return l.test(s, t, swap) && r.test(s, t, swap);
    }

    @Override
    public boolean roles() {
      return l.roles() || r.roles();
    }
  }

  record Or(Pred l, Pred r) implements Pred {
    @Override
    public boolean test(long[] s, Table[] t, boolean swap) {
      return l.test(s, t, swap) || r.test(s, t, swap);
    }

    @Override
    public boolean roles() {
      return l.roles() || r.roles();
    }
  }
}
