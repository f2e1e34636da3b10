package io.tcpfsm.trace;

import io.tcpfsm.capture.Frame;
import java.util.Arrays;

/**
 * What the checker keeps of one captured TCP frame: its 4-tuple and the segment as seen from the
 * sender's side ({@code fromA} set; the checker flips it for the connection's second endpoint).
 * Small and self-contained, so that a reader thread can decode frames and hand them to checker
 * threads ({@link ParallelTraceChecker}) without keeping the packet's bytes. IPv4 addresses are
 * ints ({@code src6} and {@code dst6} null), nearly every frame of a capture: no array per frame.
 *
 * @param src4 the IPv4 source address, or 0 for IPv6
 * @param dst4 the IPv4 destination address, or 0 for IPv6
 * @param src6 the IPv6 source address, or null for IPv4
 * @param dst6 the IPv6 destination address, or null for IPv4
 */
record TcpFrame(int src4, byte[] src6, int srcPort, int dst4, byte[] dst6, int dstPort, boolean ipHeaderOk, TraceSegment segment, long time) {
  /** The frame's TCP part, or null for a frame that is not a whole TCP segment (the checker ignores those). */
  static TcpFrame of(Frame f, long frameNumber, long time) {
    if (f.kind() != Frame.Kind.TCP) {
      return null;
    }
    byte[] src = f.ip().src();
    byte[] dst = f.ip().dst();
    boolean v4 = src.length == 4 && dst.length == 4;
    return new TcpFrame(v4 ? FlowTable.ip4(src) : 0, v4 ? null : src, f.segment().srcPort(), v4 ? FlowTable.ip4(dst) : 0, v4 ? null : dst,
        f.segment().dstPort(), f.ip().headerChecksumOk(), TraceChecker.segment(f, frameNumber, true), time);
  }

  boolean ipv4() {
    return src6 == null;
  }

  /** The source address's bytes (a new array for IPv4): for names and tests, not per frame. */
  byte[] src() {
    return src6 != null ? src6 : bytes(src4);
  }

  byte[] dst() {
    return dst6 != null ? dst6 : bytes(dst4);
  }

  static byte[] bytes(int ip4) {
    return new byte[] {(byte) (ip4 >>> 24), (byte) (ip4 >>> 16), (byte) (ip4 >>> 8), (byte) ip4};
  }

  /** The same for both directions of a connection: frames of one connection go to one checker thread. */
  int flowHash() {
    int s = (src6 != null ? Arrays.hashCode(src6) : hash4(src4)) * 31 + srcPort;
    int d = (dst6 != null ? Arrays.hashCode(dst6) : hash4(dst4)) * 31 + dstPort;
    int h = s ^ d;
    return h ^ (h >>> 16);
  }

  /** {@link Arrays#hashCode(byte[])} of the address's four bytes, without them. */
  private static int hash4(int a) {
    return (((31 + (byte) (a >>> 24)) * 31 + (byte) (a >>> 16)) * 31 + (byte) (a >>> 8)) * 31 + (byte) a;
  }
}
