package io.tcpfsm.scenario;

/**
 * An application's bytes, made on demand from a seed rather than held: byte {@code i} is a
 * function of (seed, i), so a sender fills any window of it and a receiver checks what arrives
 * in place. A run of gigabytes then needs no more memory than one of kilobytes.
 */
final class Payload {
  private final long seed;
  private final long length;

  Payload(long seed, long length) {
    this.seed = seed;
    this.length = length;
  }

  static final Payload EMPTY = new Payload(0, 0);

  long length() {
    return length;
  }

  /** Bytes {@code [from, from + n)}. */
  byte[] slice(long from, int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = at(from + i);
    }
    return out;
  }

  /** The offset in {@code got} of the first byte that differs from bytes {@code [from, ...)}, or -1. */
  int firstDifference(long from, byte[] got) {
    for (int i = 0; i < got.length; i++) {
      if (from + i >= length || got[i] != at(from + i)) {
        return i;
      }
    }
    return -1;
  }

  byte at(long i) {
    // SplitMix64's finalizer over (seed, word index): cheap, and every byte depends on the seed.
    long z = seed + 0x9E3779B97F4A7C15L * ((i >>> 3) + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (byte) (z >>> ((i & 7) << 3));
  }
}
