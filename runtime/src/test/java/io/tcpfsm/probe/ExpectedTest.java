package io.tcpfsm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.tcp.ObservedTcb;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each profile's expectation for hand-made observations, against the RFCs' text. An ESTABLISHED
 * connection: ISS 1000, IRS 5000 (RCV.NXT 5001), SND.NXT 1001, window 100.
 */
class ExpectedTest {
  private static final ObservedTcb TCB = new ObservedTcb(1000, 5000, 1001, 1001, 5001, 100, 65_535, false, false, 0);

  private static Observation seen(SegmentClass c, SeqPosition p, AckPosition a, long seq, long ack, List<String> sends, TcpState state) {
    return new Observation(new Probe(TcpState.ESTABLISHED, c, p, a), null, state, sends, TCB, seq, ack);
  }

  /** RFC 793 p.71: an in-window SYN is "an error, send a reset ... enter the CLOSED state". */
  @Test
  void rfc793ResetsForASynInTheWindow() {
    Observation o = seen(SegmentClass.SYN, SeqPosition.IN_WINDOW, AckPosition.NEXT, 5051, 0, List.of("ACK"), TcpState.ESTABLISHED);
    Expected e = Expected.of(TcpProfile.RFC793, o);
    assertEquals(List.of("RST"), e.sends());
    assertEquals(TcpState.CLOSED, e.state());
    assertFalse(e.agrees(o));
  }

  /** RFC 5961 4.2 (RFC 9293 3.10.7.4): any SYN in a synchronized state gets a challenge ACK. */
  @Test
  void rfc9293ChallengesASynInTheWindow() {
    Observation o = seen(SegmentClass.SYN, SeqPosition.IN_WINDOW, AckPosition.NEXT, 5051, 0, List.of("ACK"), TcpState.ESTABLISHED);
    Expected e = Expected.of(TcpProfile.RFC9293, o);
    assertEquals(List.of("ACK"), e.sends());
    assertEquals(TcpState.ESTABLISHED, e.state());
    assertTrue(e.agrees(o));
  }

  /** RFC 5961 3.2: an RST in the window but not at RCV.NXT gets a challenge ACK; RFC 793 p.70 resets. */
  @Test
  void anRstInTheWindowNotAtRcvNxt() {
    Observation o = seen(SegmentClass.RST, SeqPosition.IN_WINDOW, AckPosition.NEXT, 5051, 0, List.of("ACK"), TcpState.ESTABLISHED);
    assertEquals(List.of("ACK"), Expected.of(TcpProfile.RFC9293, o).sends());
    assertEquals(TcpState.CLOSED, Expected.of(TcpProfile.RFC793, o).state());
  }

  /** RFC 9293 3.10.7.4 Table 6: SEG.SEQ = RCV.NXT+RCV.WND is outside; "send an acknowledgment" (for non-RST). */
  @Test
  void aSegmentBeyondTheWindowIsAcknowledged() {
    Observation o = seen(SegmentClass.ACK, SeqPosition.BEYOND, AckPosition.NEXT, 5101, 1001, List.of(), TcpState.ESTABLISHED);
    assertEquals(List.of("ACK"), Expected.of(TcpProfile.RFC9293, o).sends());
    assertEquals(List.of("ACK"), Expected.of(TcpProfile.RFC793, o).sends());
  }

  /**
   * Linux's tcp_sequence accepts SEG.SEQ = RCV.NXT+RCV.WND for a segment without length (its
   * "!after(seq, rcv_nxt + window)"): the ACK is processed and nothing answers it, where RFC 9293
   * acknowledges it as unacceptable.
   */
  @Test
  void linuxTakesAnAckAtTheWindowsEnd() {
    Observation o = seen(SegmentClass.ACK, SeqPosition.BEYOND, AckPosition.NEXT, 5101, 1001, List.of(), TcpState.ESTABLISHED);
    Expected e = Expected.of(TcpProfile.LINUX, o);
    assertEquals(List.of(), e.sends());
    assertEquals("linux_window_edge_ack", e.rule().specName());
    assertTrue(e.agrees(o));
  }

  /**
   * tcp_rcv_synsent_state_process: an unacceptable ACK in SYN-SENT gets the reset and re-arms the
   * retransmission timer at its minimum, so the SYN follows: the rule's retransmit is the SYN.
   */
  @Test
  void linuxResendsTheSynAfterABadAckInSynSent() {
    ObservedTcb synSent = new ObservedTcb(1000, 5000, 1000, 1001, 5000, 65_535, 65_535, false, false, 0);
    Observation o = new Observation(new Probe(TcpState.SYN_SENT, SegmentClass.ACK, SeqPosition.EXACT, AckPosition.AHEAD), null,
        TcpState.SYN_SENT, List.of("RST", "SYN"), synSent, 5000, 1002);
    assertEquals(List.of("RST", "SYN"), Expected.of(TcpProfile.LINUX, o).sends());
    assertEquals(List.of("RST"), Expected.of(TcpProfile.RFC9293, o).sends()); // RFC 9293 3.10.7.3: the reset only
  }

  /** A FIN past RCV.NXT is held for later (RFC 9293 3.10.7.4): the state stays, a duplicate ACK goes out (RFC 5681 4.2). */
  @Test
  void aFinBeyondRcvNxtIsHeld() {
    Observation o = seen(SegmentClass.FIN_ACK, SeqPosition.IN_WINDOW, AckPosition.NEXT, 5051, 1001, List.of("ACK"), TcpState.ESTABLISHED);
    Expected e = Expected.of(TcpProfile.RFC9293, o);
    assertEquals(TcpState.ESTABLISHED, e.state());
    assertEquals(List.of("ACK"), e.sends());
    Observation atRcvNxt = seen(SegmentClass.FIN_ACK, SeqPosition.EXACT, AckPosition.NEXT, 5001, 1001, List.of("ACK"), TcpState.CLOSE_WAIT);
    assertEquals(TcpState.CLOSE_WAIT, Expected.of(TcpProfile.RFC9293, atRcvNxt).state());
  }
}
