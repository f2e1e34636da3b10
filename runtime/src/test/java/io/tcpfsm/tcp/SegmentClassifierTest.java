package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpGuard;
import io.tcpfsm.machine.TcpState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guards as the RFC text defines them, with expected values worked out by hand from that
 * text (RFC 9293 3.10.7.4 Table 6, the ACK tests of 3.10.7.3 and 3.10.7.4, RFC 5961 5.2), near
 * the 2^32 wrap where a signed comparison would go wrong.
 */
class SegmentClassifierTest {
  private static final long TOP = 0xFFFF_FFF0L; // RCV.NXT 16 below the wrap

  /** Table 6, its four cases; RCV.NXT = 2^32 - 16, so the window wraps past zero. */
  @ParameterizedTest(name = "SEG.SEQ={0} SEG.LEN={1} RCV.WND={2} -> {3}")
  @CsvSource({
    // length 0, window 0: "SEG.SEQ = RCV.NXT"
    "4294967280, 0, 0, true",
    "4294967281, 0, 0, false",
    // length 0, window > 0: "RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND"
    "4294967280, 0, 100, true",
    "4294967279, 0, 100, false",
    "83, 0, 100, true",            // 2^32 - 16 + 99 wraps to 83: the last octet of the window
    "84, 0, 100, false",
    // length > 0, window 0: "not acceptable"
    "4294967280, 10, 0, false",
    // length > 0, window > 0: the first or the last octet in the window
    "4294967270, 20, 100, true",   // starts 10 before RCV.NXT, ends inside
    "4294967260, 20, 100, false",  // ends at RCV.NXT - 1: all old
    "80, 20, 100, true",           // starts inside, runs past the right edge
    "84, 20, 100, false"           // starts at the right edge
  })
  void table6(long seq, long len, long wnd, boolean acceptable) {
    assertThat(SegmentClassifier.seqAcceptable(seq, len, TOP, wnd)).isEqualTo(acceptable);
  }

  /**
   * Linux's tcp_sequence (net/ipv4/tcp_input.c), as its source reads: "!before(end_seq, rcv_wup)"
   * and "!after(seq, rcv_nxt + window)", end_seq = SEG.SEQ+SEG.LEN; worked out by hand, across the
   * wrap. The cases where it differs from Table 6 above are marked.
   */
  @ParameterizedTest(name = "SEG.SEQ={0} SEG.LEN={1} RCV.WND={2} -> {3}")
  @CsvSource({
    "4294967280, 0, 100, true",
    "4294967279, 0, 100, false",   // ends at RCV.NXT - 1
    "84, 0, 100, true",            // RCV.NXT+RCV.WND: Table 6 says no
    "85, 0, 100, false",
    "4294967279, 1, 100, true",    // an old FIN: ends exactly at RCV.NXT; Table 6 says no
    "4294967260, 20, 100, true",   // old text ending exactly at RCV.NXT; Table 6 says no
    "4294967259, 20, 100, false",  // ends at RCV.NXT - 1
    "84, 20, 100, true",           // starts at the window's end; Table 6 says no
    "4294967280, 0, 0, true",      // window 0: an ACK at RCV.NXT
    "4294967280, 10, 0, true",     // window 0: a zero-window probe at RCV.NXT; Table 6 says no
    "4294967281, 0, 0, false"
  })
  void linuxSequenceTest(long seq, long len, long wnd, boolean acceptable) {
    assertThat(SegmentClassifier.linuxSeqAcceptable(seq, len, TOP, wnd)).isEqualTo(acceptable);
  }

  private static Tcb tcb(long iss, long una, long nxt, long ack, long maxSndWnd) {
    Tcb t = new Tcb();
    t.iss = iss;
    t.sndUna = una;
    t.sndNxt = nxt;
    t.segAck = ack;
    t.maxSndWnd = maxSndWnd;
    return t;
  }

  @Test
  void synSentAcceptsOnlyAnAckAboveIssUpToSndNxt() {
    // RFC 9293 3.10.7.3: "If SEG.ACK =< ISS or SEG.ACK > SND.NXT, send a reset"
    long iss = 0xFFFF_FFFFL; // the SYN occupies the last number; SND.NXT wraps to 0
    assertThat(SegmentClassifier.ackAcceptable(TcpState.SYN_SENT, tcb(iss, iss, 0, 0, 0), false)).isTrue();
    assertThat(SegmentClassifier.ackAcceptable(TcpState.SYN_SENT, tcb(iss, iss, 0, iss, 0), false)).isFalse();
    assertThat(SegmentClassifier.ackAcceptable(TcpState.SYN_SENT, tcb(iss, iss, 0, 1, 0), false)).isFalse();
  }

  @Test
  void synchronizedStatesTakeRfc5961sLowerBoundOnlyUnderRfc9293() {
    // RFC 9293 3.10.7.4: "SEG.ACK =< SND.NXT"; RFC 5961 5.2: also "(SND.UNA - MAX.SND.WND) =< SEG.ACK"
    Tcb old = tcb(0, 10_000, 20_000, 10_000 - 5_001, 5_000);
    assertThat(SegmentClassifier.ackAcceptable(TcpState.ESTABLISHED, old, true)).isFalse();
    assertThat(SegmentClassifier.ackAcceptable(TcpState.ESTABLISHED, old, false)).isTrue();
    Tcb edge = tcb(0, 10_000, 20_000, 10_000 - 5_000, 5_000);
    assertThat(SegmentClassifier.ackAcceptable(TcpState.ESTABLISHED, edge, true)).isTrue();
    Tcb ahead = tcb(0, 10_000, 20_000, 20_001, 5_000);
    assertThat(SegmentClassifier.ackAcceptable(TcpState.ESTABLISHED, ahead, false)).isFalse();
    // SYN-RECEIVED: "SND.UNA < SEG.ACK =< SND.NXT"
    assertThat(SegmentClassifier.ackAcceptable(TcpState.SYN_RECV, tcb(0, 10_000, 10_001, 10_000, 0), true)).isFalse();
    assertThat(SegmentClassifier.ackAcceptable(TcpState.SYN_RECV, tcb(0, 10_000, 10_001, 10_001, 0), true)).isTrue();
  }

  @Test
  void finAckedAndExactRstAreWhatTheirNamesSay() {
    Tcb t = tcb(0, 100, 201, 201, 0);
    t.rcvNxt = 5_000;
    t.segSeq = 5_000;
    // our FIN is sequence number 200: an ACK of 201 acknowledges it, 200 does not
    SegmentClassifier.Context fin = new SegmentClassifier.Context(t, 1_000, false, true, 200, false, false, true);
    assertThat(SegmentClassifier.holds(TcpGuard.FIN_ACKED, TcpState.FIN_WAIT1, false, fin)).isTrue();
    t.segAck = 200;
    assertThat(SegmentClassifier.holds(TcpGuard.FIN_ACKED, TcpState.FIN_WAIT1, false, fin)).isFalse();
    SegmentClassifier.Context noFin = new SegmentClassifier.Context(t, 1_000, false, false, 0, false, false, true);
    t.segAck = 201;
    assertThat(SegmentClassifier.holds(TcpGuard.FIN_ACKED, TcpState.ESTABLISHED, false, noFin)).isFalse();
    // RFC 5961 3.2: the RST is exact when "the sequence number exactly matches the next expected"
    assertThat(SegmentClassifier.holds(TcpGuard.RST_SEQ_EXACT, TcpState.ESTABLISHED, false, fin)).isTrue();
    t.segSeq = 5_001;
    assertThat(SegmentClassifier.holds(TcpGuard.RST_SEQ_EXACT, TcpState.ESTABLISHED, false, fin)).isFalse();
  }
}
