package io.tcpfsm.wire;

/**
 * Sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4: "all arithmetic dealing with sequence
 * numbers must be performed modulo 2**32"). Values are Java ints holding the unsigned 32-bit
 * number; comparisons look at the signed distance {@code (int) (a - b)}, as smoltcp's
 * {@code SeqNumber} does, so they are meaningful when the two numbers are less than 2^31 apart.
 */
public final class SeqNum {
  private SeqNum() {}

  /** {@code a < b} modulo 2^32. */
  public static boolean lt(int a, int b) {
    return a - b < 0;
  }

  /** {@code a =< b} modulo 2^32. */
  public static boolean leq(int a, int b) {
    return a - b <= 0;
  }

  /** {@code a > b} modulo 2^32. */
  public static boolean gt(int a, int b) {
    return a - b > 0;
  }

  /** {@code a >= b} modulo 2^32. */
  public static boolean geq(int a, int b) {
    return a - b >= 0;
  }

  /**
   * {@code low < x =< high}, the form of RFC 9293 §3.4's acceptable-ACK test
   * ("SND.UNA < SEG.ACK =< SND.NXT"), computed as distances from {@code low} so it also holds
   * across the wrap.
   */
  public static boolean between(int low, int x, int high) {
    return Integer.compareUnsigned(x - low - 1, high - low) < 0;
  }

  /**
   * {@code start =< x < start + size}: x lies in a window of {@code size} octets (RFC 9293 §3.4,
   * "RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND"). A window of 0 contains nothing.
   */
  public static boolean inWindow(int x, int start, long size) {
    return Integer.toUnsignedLong(x - start) < size;
  }

  /** {@code a + n} modulo 2^32. */
  public static int add(int a, long n) {
    return (int) (a + n);
  }

  /** The signed distance from {@code b} to {@code a}. */
  public static int diff(int a, int b) {
    return a - b;
  }

  /** The unsigned value, as tcpdump prints it. */
  public static long unsigned(int a) {
    return Integer.toUnsignedLong(a);
  }
}
