package io.tcpfsm.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): the 16-bit one's complement of the one's complement sum of
 * the data taken as 16-bit big-endian words, an odd last byte padded with zero.
 *
 * <p>It runs on every segment, so {@link #sum} reads 8 bytes at a time and adds the two 32-bit
 * halves into a 64-bit accumulator (RFC 1071 §2(B): the sum may be computed in wider words and
 * folded at the end, since one's complement addition is associative and commutative). The
 * accumulator cannot overflow below 2^31 words, far above any packet.
 */
public final class Checksum {
  private Checksum() {}

  /** Native order on the common (little-endian) machine: no byte swap per load. */
  private static final VarHandle LONG_NATIVE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

  /**
   * Adds {@code len} bytes of {@code data} from {@code off} to the running sum {@code acc}, as
   * 16-bit big-endian words. {@code off} need not be even, but the bytes summed must start on a
   * word boundary of the checksummed message (callers sum whole headers, then the payload).
   *
   * <p>Whole 8-byte words are loaded in the machine's order and summed apart: RFC 1071 2(B),
   * "the sum of 16-bit integers can be computed in either byte order", so their folded sum,
   * its two bytes swapped, is the big-endian words' sum.
   */
  public static long sum(byte[] data, int off, int len, long acc) {
    int i = off;
    int end = off + len;
    if (len >= 8) {
      long wide = 0;
      for (; i + 8 <= end; i += 8) {
        long v = (long) LONG_NATIVE.get(data, i);
        wide += (v >>> 32) + (v & 0xFFFF_FFFFL);
      }
      int folded = fold(wide);
      acc += BIG_ENDIAN ? folded : (folded >>> 8 | folded << 8) & 0xFFFF;
    }
    for (; i + 2 <= end; i += 2) {
      acc += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
    }
    if (i < end) {
      acc += (data[i] & 0xFF) << 8; // RFC 1071 §4.1: an odd byte is padded with zero
    }
    return acc;
  }

  /** Folds a wide sum to 16 bits with end-around carry (RFC 1071 §4.1). */
  public static int fold(long acc) {
    acc = (acc & 0xFFFF_FFFFL) + (acc >>> 32);
    acc = (acc & 0xFFFF_FFFFL) + (acc >>> 32);
    acc = (acc & 0xFFFF) + (acc >>> 16);
    acc = (acc & 0xFFFF) + (acc >>> 16);
    acc = (acc & 0xFFFF) + (acc >>> 16);
    return (int) acc;
  }

  /** The checksum field value for data whose wide sum is {@code acc}: the complement of the fold. */
  public static int finish(long acc) {
    return ~fold(acc) & 0xFFFF;
  }

  /** The checksum of {@code len} bytes at {@code off} (e.g. an IPv4 header, RFC 791 §3.1). */
  public static int of(byte[] data, int off, int len) {
    return finish(sum(data, off, len, 0));
  }

  /**
   * The sum of the TCP pseudo-header: for IPv4 (RFC 9293 §3.1) source, destination, zero, PTCL,
   * TCP length; for IPv6 (RFC 8200 §8.1) source, destination, upper-layer length, next header.
   * Both give the same sum for the same fields, since zero words add nothing.
   */
  public static long pseudoHeader(byte[] src, byte[] dst, int protocol, int tcpLength) {
    long acc = sum(src, 0, src.length, 0);
    acc = sum(dst, 0, dst.length, acc);
    return acc + protocol + (tcpLength & 0xFFFF) + (tcpLength >>> 16);
  }

  /**
   * Whether a TCP segment of {@code len} bytes at {@code off} (header with its checksum field as
   * received, then payload) verifies against the pseudo-header: the sum over all of it must fold
   * to 0xFFFF (RFC 1071 §1, "if the result is all 1 bits, the check succeeds").
   */
  public static boolean verifyTcp(byte[] src, byte[] dst, byte[] data, int off, int len) {
    long acc = sum(data, off, len, pseudoHeader(src, dst, Offsets.PROTO_TCP, len));
    return fold(acc) == 0xFFFF;
  }

  /** The checksum a TCP segment should carry: its field is taken as zero whatever it holds. */
  public static int computeTcp(byte[] src, byte[] dst, byte[] data, int off, int len) {
    long acc = sum(data, off, len, pseudoHeader(src, dst, Offsets.PROTO_TCP, len));
    int field = ((data[off + Offsets.TCP_CHECKSUM] & 0xFF) << 8) | (data[off + Offsets.TCP_CHECKSUM + 1] & 0xFF);
    // Subtracting in one's complement is adding the complement (RFC 1624 §3).
    acc += ~field & 0xFFFF;
    return finish(acc);
  }
}
