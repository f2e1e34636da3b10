package io.tcpfsm.tcp;

import io.tcpfsm.machine.TcpGuard;
import io.tcpfsm.machine.TcpState;

/**
 * Evaluates the guards a cell reads ({@code TcpMachine.needed}), each as the RFC's text defines
 * it, on 32-bit sequence arithmetic that wraps (RFC 9293 3.4). Guards the cell does not read are
 * not evaluated. Pure: everything it needs is passed in.
 */
public final class SegmentClassifier {
  private static final TcpGuard[] GUARDS = TcpGuard.values(); // values() copies the array each call

  private SegmentClassifier() {}

  /** What a guard may ask about the connection besides its TCB. */
  record Context(
      Tcb tcb,
      long rcvWnd,
      boolean passiveOpen,
      boolean finSent,
      long finSeq,
      boolean textPending,
      boolean sendPending,
      boolean rfc5961) {}

  /** The bits of the guards in {@code needed} that hold for the segment in {@code ctx.tcb()}. */
  static int guards(TcpState state, int needed, boolean hasData, Context ctx) {
    int bits = 0;
    for (TcpGuard g : GUARDS) {
      if ((needed & g.bit()) != 0 && holds(g, state, hasData, ctx)) {
        bits |= g.bit();
      }
    }
    return bits;
  }

  static boolean holds(TcpGuard g, TcpState state, boolean hasData, Context c) {
    Tcb t = c.tcb();
    return switch (g) {
      case SEQ_ACCEPTABLE -> seqAcceptable(t.segSeq, t.segLen, t.rcvNxt, c.rcvWnd());
      case ACK_ACCEPTABLE -> ackAcceptable(state, t, c.rfc5961());
      case ACK_IS_SND_UNA -> t.segAck == t.sndUna;
      case FIN_ACKED -> c.finSent() && Tcb.diff(t.segAck, Tcb.add(c.finSeq(), 1)) >= 0;
      case PASSIVE_OPEN -> c.passiveOpen();
      case RST_SEQ_EXACT -> t.segSeq == t.rcvNxt;
      case SEQ_ACCEPTABLE_LINUX -> linuxSeqAcceptable(t.segSeq, t.segLen, t.rcvNxt, c.rcvWnd());
      case HAS_DATA -> hasData;
      case TEXT_PENDING -> c.textPending();
      case SEND_PENDING -> c.sendPending();
    };
  }

  /**
   * RFC 9293 3.10.7.4 Table 6 (RFC 793 p.69): the four cases of segment length and receive
   * window. SEG.LEN counts SYN and FIN.
   */
  public static boolean seqAcceptable(long seq, long len, long rcvNxt, long rcvWnd) {
    boolean startIn = inWindow(seq, rcvNxt, rcvWnd);
    if (len == 0) {
      return rcvWnd == 0 ? seq == rcvNxt : startIn;
    }
    if (rcvWnd == 0) {
      return false;
    }
    return startIn || inWindow(Tcb.add(seq, len - 1), rcvNxt, rcvWnd);
  }

  /**
   * Linux's test (net/ipv4/tcp_input.c tcp_sequence, with rcv_wup = RCV.NXT as after every ACK
   * sent): {@code !before(end_seq, rcv_wup) && !after(seq, rcv_nxt + window)}, that is RCV.NXT =<
   * SEG.SEQ+SEG.LEN and SEG.SEQ =< RCV.NXT+RCV.WND. Wider than Table 6 at both edges: a segment
   * that ends exactly at RCV.NXT (an old FIN), and one that starts at RCV.NXT+RCV.WND.
   */
  public static boolean linuxSeqAcceptable(long seq, long len, long rcvNxt, long rcvWnd) {
    return Tcb.diff(Tcb.add(seq, len), rcvNxt) >= 0 && Tcb.diff(seq, Tcb.add(rcvNxt, rcvWnd)) <= 0;
  }

  /** {@code RCV.NXT =< x < RCV.NXT+RCV.WND}. */
  public static boolean inWindow(long x, long start, long size) {
    long offset = (x - start) & 0xFFFF_FFFFL;
    return offset < size;
  }

  /**
   * The ACK test of each state: SYN-SENT "If SEG.ACK =< ISS or SEG.ACK > SND.NXT" is
   * unacceptable (RFC 9293 3.10.7.3); SYN-RECEIVED "SND.UNA < SEG.ACK =< SND.NXT"; the
   * synchronized states "SEG.ACK =< SND.NXT" and, with RFC 5961 5.2, "SND.UNA - MAX.SND.WND =<
   * SEG.ACK" (RFC 9293 3.10.7.4, fifth step).
   */
  static boolean ackAcceptable(TcpState state, Tcb t, boolean rfc5961) {
    return ackAcceptable(state, t.segAck, t.iss, t.sndUna, t.sndNxt, rfc5961 ? t.maxSndWnd : -1);
  }

  /**
   * The same on bare values, for whoever keeps a TCB of its own (the trace checker); {@code
   * maxSndWnd < 0}: no RFC 5961 lower bound (a profile without it, or MAX.SND.WND not known).
   */
  public static boolean ackAcceptable(TcpState state, long segAck, long iss, long sndUna, long sndNxt, long maxSndWnd) {
    boolean notAhead = Tcb.diff(segAck, sndNxt) <= 0;
    return switch (state) {
      case SYN_SENT -> Tcb.diff(segAck, iss) > 0 && notAhead;
      case SYN_RECV -> Tcb.diff(segAck, sndUna) > 0 && notAhead;
      case CLOSED, LISTEN -> false;
      default -> notAhead && (maxSndWnd < 0 || Tcb.diff(segAck, Tcb.add(sndUna, -maxSndWnd)) >= 0);
    };
  }
}
