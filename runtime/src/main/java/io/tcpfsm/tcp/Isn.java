package io.tcpfsm.tcp;

/**
 * Initial sequence numbers as RFC 6528 section 3 asks: ISN = M + F(localip, localport, remoteip,
 * remoteport, secretkey), where M is a 4-microsecond timer and F a keyed hash. The hash here is
 * SipHash-like mixing of the key and the 4-tuple (64-bit multiply-xorshift rounds); RFC 6528
 * suggests MD5 but asks only that F not be computable from outside without the key.
 */
final class Isn {
  private Isn() {}

  static long of(FourTuple t, long secret, long nowNanos) {
    long h = secret ^ 0x9E37_79B9_7F4A_7C15L;
    h = mix(h, bytes(t.localAddress()));
    h = mix(h, t.localPort());
    h = mix(h, bytes(t.remoteAddress()));
    h = mix(h, t.remotePort());
    long m = nowNanos / 4_000L; // "M is the 4 microsecond timer"
    return (m + (h ^ (h >>> 32))) & 0xFFFF_FFFFL;
  }

  private static long bytes(byte[] a) {
    long v = 0;
    for (byte b : a) {
      v = v * 257 + (b & 0xFF);
    }
    return v;
  }

  private static long mix(long h, long v) {
    h ^= v;
    h *= 0xBF58_476D_1CE4_E5B9L;
    h ^= h >>> 31;
    h *= 0x94D0_49BB_1331_11EBL;
    return h ^ (h >>> 29);
  }
}
