package io.tcpfsm.link;

/**
 * The bytes a transfer sends: a function of the position, so the receiver checks every byte
 * without keeping a copy, and a byte lost, duplicated or moved changes what it compares.
 */
final class Pattern {
  private Pattern() {}

  static byte at(long i, int seed) {
    return (byte) (i + (i >>> 8) * 7 + (i >>> 16) * 13 + (i >>> 24) * 17 + seed);
  }

  static byte[] fill(long from, int length, int seed) {
    byte[] b = new byte[length];
    for (int k = 0; k < length; k++) {
      b[k] = at(from + k, seed);
    }
    return b;
  }

  /** The first position in {@code data} (which starts at {@code from}) that differs, or -1. */
  static long firstMismatch(byte[] data, int off, int len, long from, int seed) {
    for (int k = 0; k < len; k++) {
      if (data[off + k] != at(from + k, seed)) {
        return from + k;
      }
    }
    return -1;
  }
}
