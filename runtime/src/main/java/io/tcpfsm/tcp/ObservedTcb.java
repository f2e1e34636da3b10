package io.tcpfsm.tcp;

import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.machine.TcpState;

/**
 * A TCB seen from outside, as a tool that plays a peer or reads a capture knows it (the probes
 * do), and the guards a segment satisfies against it: the runtime's own classifier answers, so a
 * segment means the same to a probe as to a connection. Sequence numbers are 32-bit values.
 *
 * @param rcvWnd the receive window the TCB's owner last advertised, in bytes
 * @param maxSndWnd the largest window the peer offered it (RFC 5961's MAX.SND.WND)
 * @param finSent it sent a FIN, whose sequence number is {@code finSeq}
 */
public record ObservedTcb(
    long iss, long irs, long sndUna, long sndNxt, long rcvNxt, long rcvWnd, long maxSndWnd,
    boolean passiveOpen, boolean finSent, long finSeq) {

  /**
   * The bits of the guards in {@code needed} that hold in {@code state} when a segment with
   * {@code seq}, {@code ack} (0 without the ACK flag), {@code segLen} (SYN and FIN count) and
   * {@code dataLength} bytes of text arrives, under RFC 5961's ACK bound or not.
   */
  public int guards(TcpState state, int needed, long seq, long ack, long segLen, int dataLength, long window, boolean rfc5961) {
    Tcb t = new Tcb();
    t.iss = iss;
    t.irs = irs;
    t.sndUna = sndUna;
    t.sndNxt = sndNxt;
    t.rcvNxt = rcvNxt;
    t.maxSndWnd = maxSndWnd;
    t.segSeq = seq & 0xFFFF_FFFFL;
    t.segAck = ack & 0xFFFF_FFFFL;
    t.segLen = segLen;
    t.segWnd = window;
    SegmentClassifier.Context c = new SegmentClassifier.Context(t, rcvWnd, passiveOpen, finSent, finSeq, false, false, rfc5961);
    return SegmentClassifier.guards(state, needed, dataLength > 0, c);
  }

  /**
   * Whether the runtime holds this segment for later instead of processing its text and FIN now
   * ({@code Connection}: text or a FIN beyond RCV.NXT but inside the window waits for the gap, RFC
   * 9293 3.10.7.4 "may be held for later processing"; its ACK field is processed at once and an
   * immediate duplicate ACK sent, RFC 5681 4.2), and only until the peer's FIN arrived.
   */
  public boolean heldForLater(TcpState state, long seq, long segLen, boolean syn, boolean rst) {
    return Connection.holdsText(state) && segLen > 0 && !syn && !rst && Tcb.diff(seq & 0xFFFF_FFFFL, rcvNxt) > 0
        && SegmentClassifier.seqAcceptable(seq & 0xFFFF_FFFFL, segLen, rcvNxt, rcvWnd);
  }

  /** Whether a connection under {@code profile} applies RFC 5961's ACK bound, as the runtime's do. */
  public static boolean rfc5961(TcpProfile profile) {
    return TcpConfig.defaults().withProfile(profile).rfc5961();
  }
}
