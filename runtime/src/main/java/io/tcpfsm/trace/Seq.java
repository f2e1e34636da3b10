package io.tcpfsm.trace;

/** 32-bit sequence arithmetic on values held in longs in {@code [0, 2^32)} (RFC 9293 3.4). */
final class Seq {
  private Seq() {}

  /** {@code a - b} in sequence space: negative when a is before b. */
  static int diff(long a, long b) {
    return (int) (a - b);
  }

  static long add(long a, long n) {
    return (a + n) & 0xFFFF_FFFFL;
  }
}
