package io.tcpfsm.trace;

import java.util.Arrays;

/**
 * Text a candidate holds beyond RCV.NXT (RFC 9293 3.10.7.4: "Segments with higher beginning sequence
 * numbers SHOULD be held for later processing"), as disjoint ranges in sequence order: an ACK may
 * cover only what reassembly from RCV.NXT reaches ({@link #reach}), never text past a gap that did
 * not arrive. Immutable and canonical (ranges merged where they touch), so that candidates that hold
 * the same text are equal. Past {@link #MAX} ranges only the highest end is known ({@code coarse}):
 * an ACK may then cover anything up to it, the checker's old, lenient rule.
 */
final class HeldText {
  static final HeldText NONE = new HeldText(new long[0], false);
  /** More than {@link #MAX} ranges: only the highest end received ({@code rcvHigh}) is known, until RCV.NXT reaches it. */
  private static final HeldText COARSE = new HeldText(new long[0], true);
  /** Ranges kept: a flight with more than 16 holes at once is rare enough to be judged leniently. */
  static final int MAX = 16;
  /** {@code start << 32 | end} (32-bit sequence numbers), in sequence order from RCV.NXT. */
  private final long[] ranges;
  private final boolean coarse;

  private HeldText(long[] ranges, boolean coarse) {
    this.ranges = ranges;
    this.coarse = coarse;
  }

  private static long start(long r) {
    return r >>> 32;
  }

  private static long end(long r) {
    return r & 0xFFFF_FFFFL;
  }

  /** These ranges and {@code [start, end)}, which lies beyond {@code rcvNxt}; merged where they overlap or touch. */
  HeldText plus(long start, long end, long rcvNxt) {
    if (coarse) {
      return this;
    }
    long[] all = Arrays.copyOf(ranges, ranges.length + 1);
    all[ranges.length] = start << 32 | end;
    // In sequence order from RCV.NXT (insertion: the array is short and almost sorted).
    for (int i = all.length - 1; i > 0 && Seq.diff(start(all[i - 1]), rcvNxt) > Seq.diff(start(all[i]), rcvNxt); i--) {
      long t = all[i];
      all[i] = all[i - 1];
      all[i - 1] = t;
    }
    int n = 0;
    for (long r : all) {
      if (n > 0 && Seq.diff(start(r), end(all[n - 1])) <= 0) {
        long last = all[n - 1];
        all[n - 1] = start(last) << 32 | (Seq.diff(end(r), end(last)) > 0 ? end(r) : end(last));
      } else {
        all[n++] = r;
      }
    }
    return n > MAX ? COARSE : new HeldText(Arrays.copyOf(all, n), false);
  }

  /**
   * Without the ranges that end at or before {@code rcvNxt}: reassembly, or an ACK, has passed them;
   * nothing once {@code rcvNxt} reaches {@code rcvHigh}, the highest end received, if only that was known.
   */
  HeldText from(long rcvNxt, long rcvHigh) {
    if (coarse) {
      return Seq.diff(rcvNxt, rcvHigh) >= 0 ? NONE : this;
    }
    int drop = 0;
    while (drop < ranges.length && Seq.diff(end(ranges[drop]), rcvNxt) <= 0) {
      drop++;
    }
    if (drop == 0) {
      return this;
    }
    return drop == ranges.length ? NONE : new HeldText(Arrays.copyOfRange(ranges, drop, ranges.length), false);
  }

  /**
   * Where reassembly from {@code rcvNxt} ends: past every range that starts at or before what it
   * reached so far. {@code rcvHigh}, the highest end received, where only that is known.
   */
  long reach(long rcvNxt, long rcvHigh) {
    if (coarse) {
      return rcvHigh;
    }
    long at = rcvNxt;
    for (long r : ranges) {
      if (Seq.diff(start(r), at) > 0) {
        break;
      }
      if (Seq.diff(end(r), at) > 0) {
        at = end(r);
      }
    }
    return at;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeldText h && coarse == h.coarse && Arrays.equals(ranges, h.ranges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ranges) * 2 + (coarse ? 1 : 0);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(coarse ? "coarse" : "");
    for (long r : ranges) {
      sb.append(sb.length() == 0 ? "" : " ").append('[').append(start(r)).append(',').append(end(r)).append(')');
    }
    return sb.toString();
  }
}
