package io.tcpfsm.trace;

import io.tcpfsm.capture.Frame;
import java.util.Arrays;

/**
 * What the checker keeps of one captured TCP frame: its 4-tuple and the segment as seen from the
 * sender's side ({@code fromA} set; the checker flips it for the connection's second endpoint).
 * Small and self-contained, so that a reader thread can decode frames and hand them to checker
 * threads ({@link ParallelTraceChecker}) without keeping the packet's bytes.
 */
record TcpFrame(byte[] src, int srcPort, byte[] dst, int dstPort, boolean ipHeaderOk, TraceSegment segment, long time) {
  /** The frame's TCP part, or null for a frame that is not a whole TCP segment (the checker ignores those). */
  static TcpFrame of(Frame f, long frameNumber, long time) {
    if (f.kind() != Frame.Kind.TCP) {
      return null;
    }
    return new TcpFrame(f.ip().src(), f.segment().srcPort(), f.ip().dst(), f.segment().dstPort(), f.ip().headerChecksumOk(),
        TraceChecker.segment(f, frameNumber, true), time);
  }

  /** The same for both directions of a connection: frames of one connection go to one checker thread. */
  int flowHash() {
    int s = Arrays.hashCode(src) * 31 + srcPort;
    int d = Arrays.hashCode(dst) * 31 + dstPort;
    int h = s ^ d;
    return h ^ (h >>> 16);
  }
}
