package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpGuard;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.tcp.SegmentClassifier;

/**
 * The guards a cell reads, evaluated on a candidate as the runtime's SegmentClassifier evaluates
 * them on a TCB (the same RFC formulas), except that a variable the capture has not shown yet is
 * learned from the segment that first needs it: the segment is taken to be in sequence.
 */
final class Guards {
  private static final TcpGuard[] GUARDS = TcpGuard.values();
  /** A window the capture has not shown (its scale unknown): wide enough to accept anything plausible. */
  static final long UNKNOWN_WINDOW = 1L << 30;

  private Guards() {}

  /** The bits of the guards in {@code needed} that hold; the segment is in {@code c.seg*}. */
  static int eval(Candidate c, int needed, boolean hasData, long rcvWnd, boolean rfc5961) {
    int bits = 0;
    // Only the needed ones, in the guards' order (learning a variable is a side effect): bit() is 1 << ordinal().
    for (int rest = needed; rest != 0; rest &= rest - 1) {
      TcpGuard g = GUARDS[Integer.numberOfTrailingZeros(rest)];
      if (holds(g, c, hasData, rcvWnd, rfc5961)) {
        bits |= g.bit();
      }
    }
    return bits;
  }

  private static boolean holds(TcpGuard g, Candidate c, boolean hasData, long rcvWnd, boolean rfc5961) {
    return switch (g) {
      case SEQ_ACCEPTABLE -> {
        learnRcv(c);
        yield seqAcceptable(c.segSeq, c.segLen, c.rcvNxt, rcvWnd);
      }
      case ACK_ACCEPTABLE -> {
        learnSnd(c);
        yield ackAcceptable(c, rfc5961);
      }
      case ACK_IS_SND_UNA -> c.segAck == c.sndUna;
      case FIN_ACKED -> c.finSent && Seq.diff(c.segAck, Seq.add(c.finSeq, 1)) >= 0;
      case PASSIVE_OPEN -> c.passiveOpen;
      case RST_SEQ_EXACT -> {
        learnRcv(c);
        yield c.segSeq == c.rcvNxt;
      }
      case SEQ_ACCEPTABLE_LINUX -> {
        learnRcv(c);
        yield SegmentClassifier.linuxSeqAcceptable(c.segSeq, c.segLen, c.rcvNxt, rcvWnd);
      }
      case HAS_DATA -> hasData;
      // Calls are hidden: the checker infers only the calls a segment needs, never a pending one.
      case TEXT_PENDING, SEND_PENDING -> false;
    };
  }

  /** A mid-connection start: the first segment to arrive is taken to be at RCV.NXT. */
  private static void learnRcv(Candidate c) {
    if (!c.knows(Candidate.U_RCV)) {
      c.rcvNxt = c.segSeq;
      c.rcvHigh = c.segSeq;
      c.unknown &= ~Candidate.U_RCV;
    }
  }

  /** The first ACK to arrive is taken to acknowledge everything sent so far. */
  private static void learnSnd(Candidate c) {
    if (!c.knows(Candidate.U_SND)) {
      boolean synState = c.state == TcpState.SYN_SENT || c.state == TcpState.SYN_RECV;
      c.sndNxt = c.segAck;
      c.sndUna = synState ? Seq.add(c.segAck, -1) : c.segAck;
      if (synState) {
        c.iss = c.sndUna;
        c.unknown &= ~Candidate.U_ISS;
      }
      if (c.finSent) {
        c.finSeq = Seq.add(c.sndNxt, -1);
      }
      c.unknown &= ~Candidate.U_SND;
    }
  }

  /** RFC 9293 3.10.7.4 Table 6, as the runtime evaluates it. */
  static boolean seqAcceptable(long seq, long len, long rcvNxt, long rcvWnd) {
    return SegmentClassifier.seqAcceptable(seq, len, rcvNxt, rcvWnd);
  }

  /** The ACK test of each state, as the runtime evaluates it; RFC 5961's bound once MAX.SND.WND is known. */
  private static boolean ackAcceptable(Candidate c, boolean rfc5961) {
    long maxSndWnd = rfc5961 && c.knows(Candidate.U_MAXWND) ? c.maxSndWnd : -1;
    return SegmentClassifier.ackAcceptable(c.state, c.segAck, c.iss, c.sndUna, c.sndNxt, maxSndWnd);
  }
}
