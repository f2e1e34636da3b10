package io.tcpfsm.trace;

import static io.tcpfsm.trace.HandCapture.ACK;
import static io.tcpfsm.trace.HandCapture.FIN;
import static io.tcpfsm.trace.HandCapture.PSH;
import static io.tcpfsm.trace.HandCapture.RST;
import static io.tcpfsm.trace.HandCapture.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Captures written by hand with one deliberate fault each, and the frame where a protocol engineer
 * would say the fault is. Every capture opens with the handshake a:1000 / b:5000 (frames 1-3), and
 * the same capture without the fault conforms, so the verdict is the fault's, not the handshake's.
 */
class TraceDeviationTest {
  private static Verdict only(byte[] capture, String profile) throws Exception {
    List<Verdict> vs = Traces.check(capture, profile);
    assertThat(vs).hasSize(1);
    return vs.get(0);
  }

  private static void deviatesAt(byte[] capture, String profile, long frame) throws Exception {
    Verdict v = only(capture, profile);
    assertThat(v.kind()).as("%s", v).isEqualTo(Verdict.Kind.DEVIATES);
    assertThat(v.deviation().frame()).as("%s", v).isEqualTo(frame);
  }

  private static void conforms(byte[] capture, String profile) throws Exception {
    Verdict v = only(capture, profile);
    assertThat(v.kind()).as("%s", v).isEqualTo(Verdict.Kind.CONFORMS);
  }

  /**
   * a aborts (RST at SND.NXT=1101, frame 6: RFC 9293 3.10.5 "Send a reset segment", then CLOSED),
   * and then sends 10 new octets (frame 7). A CLOSED endpoint has no connection to send on.
   */
  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293"})
  void dataAfterReset(String profile) throws Exception {
    HandCapture ok = new HandCapture().handshake().a(ACK | PSH, 1001, 5001, 100).b(ACK, 5001, 1101, 0).a(RST, 1101, 0, 0);
    conforms(ok.bytes(), profile);
    Verdict v = only(ok.a(ACK | PSH, 1101, 5001, 10).bytes(), profile);
    assertThat(v.kind()).isEqualTo(Verdict.Kind.DEVIATES);
    assertThat(v.deviation().frame()).isEqualTo(7);
    assertThat(v.deviation().statesA()).isEqualTo("CLOSED");
  }

  /**
   * a closes first (FIN, frame 4), b acknowledges and closes (5, 6), a acknowledges b's FIN from
   * TIME-WAIT (7); b sends its FIN again (8: a's ACK was lost on the way, one loss). TIME-WAIT
   * acknowledges it (RFC 9293 3.10.7.4, "Acknowledge it, and restart the 2 MSL timeout"). A reset
   * instead, 2 ms into TIME-WAIT, is a CLOSED endpoint's answer (3.10.7.1): a's TIME-WAIT ended
   * early, which the timestamps show (no TIME-WAIT is that short: TraceChecker.MIN_TIME_WAIT_NANOS);
   * 40 s later the same reset conforms.
   */
  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293", "linux"})
  void timeWaitEndedEarly(String profile) throws Exception {
    conforms(closed().a(ACK, 1002, 5002, 0).bytes(), profile);
    deviatesAt(closed().a(RST, 1002, 0, 0).bytes(), profile, 9);
    Verdict late = only(closedAfter(40).a(RST, 1002, 0, 0).bytes(), profile);
    assertThat(late.kind()).as("%s", late).isEqualTo(Verdict.Kind.CONFORMS);
    assertThat(late.finalA()).as("%s", late).isEqualTo("CLOSED");
  }

  /** Frames 1 to 8 of {@link #timeWaitEndedEarly}, b's FIN again {@code seconds} after a's ACK of it. */
  private static HandCapture closedAfter(int seconds) {
    return new HandCapture().handshake().a(FIN | ACK, 1001, 5001, 0).b(ACK, 5001, 1002, 0).b(FIN | ACK, 5001, 1002, 0).a(ACK, 1002, 5002, 0)
        .after(seconds).b(FIN | ACK, 5001, 1002, 0);
  }

  private static HandCapture closed() {
    return closedAfter(0);
  }

  /** b sent 100 octets (5001..5100); a acknowledges up to 5200 (frame 5): octets b never sent. */
  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293"})
  void ackOfUnsentData(String profile) throws Exception {
    conforms(new HandCapture().handshake().b(ACK | PSH, 5001, 1001, 100).a(ACK, 1001, 5101, 0).bytes(), profile);
    Verdict v = only(new HandCapture().handshake().b(ACK | PSH, 5001, 1001, 100).a(ACK, 1001, 5201, 0).bytes(), profile);
    assertThat(v.kind()).isEqualTo(Verdict.Kind.DEVIATES);
    assertThat(v.deviation().frame()).isEqualTo(5);
    assertThat(v.deviation().expected()).contains("ACK=5101").contains("nothing up to 5201 has arrived");
  }

  /**
   * b sends 5001..5100 (frame 4), then 5201..5300 (frame 5): 5101..5200 was lost before the capture
   * point, so a holds 5201..5300 beyond a gap ("Segments with higher beginning sequence numbers SHOULD
   * be held", RFC 9293 3.10.7.4) and answers with a duplicate ACK of 5101 (frame 6, RFC 5681 4.2).
   * Once b sends the missing octets again (frame 7) a may acknowledge everything, 5301 (frame 8).
   * Acknowledging 5301 while the gap never arrived (frame 7 instead) covers octets a cannot have:
   * RCV.NXT "advances over the data accepted", in order (RFC 9293 3.10.7.4, seventh step).
   */
  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293"})
  void ackBeyondAGapThatNeverArrived(String profile) throws Exception {
    HandCapture held = new HandCapture().handshake().b(ACK | PSH, 5001, 1001, 100).b(ACK | PSH, 5201, 1001, 100).a(ACK, 1001, 5101, 0);
    conforms(held.bytes(), profile);
    HandCapture filled = new HandCapture().handshake().b(ACK | PSH, 5001, 1001, 100).b(ACK | PSH, 5201, 1001, 100).a(ACK, 1001, 5101, 0)
        .b(ACK | PSH, 5101, 1001, 100).a(ACK, 1001, 5301, 0);
    conforms(filled.bytes(), profile);
    Verdict v = only(held.a(ACK, 1001, 5301, 0).bytes(), profile);
    assertThat(v.kind()).as("%s", v).isEqualTo(Verdict.Kind.DEVIATES);
    assertThat(v.deviation().frame()).isEqualTo(7);
    assertThat(v.deviation().expected()).contains("ACK=5101").contains("held beyond a gap that never arrived");
  }

  /**
   * Window scale 3 both ways (RFC 7323 2.2): a's window field counts units of 8 octets, so a window
   * of 4 octets is sent as 0 ("the window field ... is shifted right", RFC 7323 2.3). a offers 800
   * (frame 3), b sends 796 (frame 4), a answers with a field of 0 (frame 5: 4 octets of room, or
   * none), and b sends the 4 octets the first window offered (frame 6). Whether a takes them is
   * its hidden window's: RFC 9293's RCV.WND is the room (it takes them: ACK 5801), Linux's is the
   * field (it does not: ACK 5797). Both conform; text starting 8 octets past the edge the field
   * names (frame 6 at 5805) is past any window a can have, so acknowledging it deviates.
   */
  private static HandCapture scaledWindowFilled() {
    return new HandCapture().frame(true, SYN, 1000, 0, 0, 65535, 3).frame(false, SYN | ACK, 5000, 1001, 0, 65535, 3)
        .frame(true, ACK, 1001, 5001, 0, 100, -1).frame(false, ACK | PSH, 5001, 1001, 796, 8192, -1)
        .frame(true, ACK, 1001, 5797, 0, 0, -1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293", "linux"})
  void textInTheHiddenLowBitsOfAScaledWindowMayBeTakenOrNot(String profile) throws Exception {
    byte[] taken = scaledWindowFilled().frame(false, ACK | PSH, 5797, 1001, 4, 8192, -1).frame(true, ACK, 1001, 5801, 0, 0, -1).bytes();
    byte[] refused = scaledWindowFilled().frame(false, ACK | PSH, 5797, 1001, 4, 8192, -1).frame(true, ACK, 1001, 5797, 0, 0, -1).bytes();
    conforms(taken, profile);
    conforms(refused, profile);
    deviatesAt(scaledWindowFilled().frame(false, ACK | PSH, 5805, 1001, 4, 8192, -1).frame(true, ACK, 1001, 5809, 0, 0, -1).bytes(), profile, 7);
    // The full checker (every hypothesis, as --coverage runs it) makes the same two arrivals.
    for (byte[] capture : List.of(taken, refused)) {
      List<Verdict> full = new java.util.ArrayList<>();
      Traces.run(capture, new TraceChecker(io.tcpfsm.machine.TcpProfile.named(profile).orElseThrow(), full::add, TraceChecker.Mode.FULL));
      assertThat(full).extracting(Verdict::kind).containsExactly(Verdict.Kind.CONFORMS);
    }
  }

  /**
   * a closes (FIN at 1001, frame 4), b acknowledges it (frame 5: a is in FIN-WAIT-2), then a sends
   * new text (frame 6): "Return "error: connection closing" and do not service request" (RFC 9293 3.10.2).
   */
  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293"})
  void finWait2SendsData(String profile) throws Exception {
    HandCapture ok = new HandCapture().handshake().a(FIN | ACK, 1001, 5001, 0).b(ACK, 5001, 1002, 0);
    conforms(ok.bytes(), profile);
    Verdict v = only(ok.a(ACK | PSH, 1002, 5001, 10).bytes(), profile);
    assertThat(v.kind()).isEqualTo(Verdict.Kind.DEVIATES);
    assertThat(v.deviation().frame()).isEqualTo(6);
    assertThat(v.deviation().rule()).isEqualTo("send_closing");
    assertThat(v.deviation().statesA()).contains("FIN_WAIT2");
  }

  /**
   * a sends FIN with 10 octets (1001..1010, FIN at 1011, frame 4); b acknowledges the text but not the
   * FIN (ACK 1011, frame 5). Had the FIN arrived, b's RCV.NXT would be 1012 ("advance RCV.NXT over
   * the FIN, and send an acknowledgment for the FIN", RFC 9293 3.10.7.4); had the segment been lost,
   * b could not acknowledge its text. No stack acknowledges a segment's text and not its FIN.
   */
  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293"})
  void missingAckOfFin(String profile) throws Exception {
    conforms(new HandCapture().handshake().a(FIN | ACK | PSH, 1001, 5001, 10).b(ACK, 5001, 1012, 0).bytes(), profile);
    Verdict v = only(new HandCapture().handshake().a(FIN | ACK | PSH, 1001, 5001, 10).b(ACK, 5001, 1011, 0).bytes(), profile);
    assertThat(v.kind()).isEqualTo(Verdict.Kind.DEVIATES);
    assertThat(v.deviation().frame()).isEqualTo(5);
    assertThat(v.deviation().expected()).contains("ACK=1012");
    assertThat(v.deviation().rule()).isEqualTo("established_fin");
  }

  /**
   * a's host restarts and opens the same 4-tuple anew: a SYN at 1050 (frame 4), inside b's window
   * (RCV.NXT 1001, 65535). b, ESTABLISHED, answers with <SEQ=5001><ACK=1001><CTL=ACK> (frame 5):
   * RFC 5961 4's challenge ACK, which RFC 9293 3.10.7.4 requires ("TCP endpoints MUST send a
   * challenge ACK"). RFC 793 p.71 instead says "If the SYN is in the window it is an error, send a
   * reset": under rfc793 frame 5 deviates.
   */
  @Test
  void synInEstablishedChallengeAck() throws Exception {
    byte[] capture = new HandCapture().handshake().a(SYN, 1050, 0, 0).b(ACK, 5001, 1001, 0).bytes();
    conforms(capture, "rfc9293");
    deviatesAt(capture, "rfc793", 5);
    Verdict v = only(capture, "rfc793");
    assertThat(v.deviation().statesB()).contains("CLOSED").contains("ESTABLISHED");
  }

  /**
   * The same SYN answered with a reset at SND.NXT (frame 5): RFC 793 p.71's answer. Under rfc9293
   * the reset is not what the SYN asks for, but a user's ABORT sends the very same segment
   * (RFC 9293 3.10.5 <SEQ=SND.NXT><CTL=RST>), and a capture cannot tell the two apart: it conforms.
   */
  @Test
  void synInEstablishedReset() throws Exception {
    byte[] capture = new HandCapture().handshake().a(SYN, 1050, 0, 0).b(RST, 5001, 0, 0).bytes();
    conforms(capture, "rfc793");
    conforms(capture, "rfc9293");
  }

  /**
   * A SYN,ACK from an endpoint in ESTABLISHED (frame 4) is not something any state of a sends
   * unprompted: the checker flags the sender at that frame under both profiles.
   */
  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293"})
  void synAckFromEstablished(String profile) throws Exception {
    deviatesAt(new HandCapture().handshake().a(SYN | ACK, 1050, 5001, 0).b(ACK, 5001, 1001, 0).bytes(), profile, 4);
  }

  /** a sends text without the ACK bit after the handshake (frame 4): "Once a connection is established, this is always sent" (RFC 9293 3.1). */
  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293"})
  void textWithoutAck(String profile) throws Exception {
    Verdict v = only(new HandCapture().handshake().a(PSH, 1001, 0, 10).bytes(), profile);
    assertThat(v.kind()).isEqualTo(Verdict.Kind.DEVIATES);
    assertThat(v.deviation().citation()).isEqualTo("RFC 9293 3.1");
  }

  /** a's FIN at 1001 (frame 4), then a FIN at 1005 (frame 5): a FIN occupies one place; a second one elsewhere is no retransmission. */
  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293"})
  void secondFinElsewhere(String profile) throws Exception {
    conforms(new HandCapture().handshake().a(FIN | ACK, 1001, 5001, 0).a(FIN | ACK, 1001, 5001, 0).bytes(), profile);
    Verdict v = only(new HandCapture().handshake().a(FIN | ACK, 1001, 5001, 0).a(FIN | ACK, 1005, 5001, 0).bytes(), profile);
    assertThat(v.kind()).isEqualTo(Verdict.Kind.DEVIATES);
    assertThat(v.deviation().frame()).isEqualTo(5);
    assertThat(v.deviation().expected()).contains("a FIN only at SEQ=1001");
  }

  /**
   * A SYN-RECEIVED that came from LISTEN goes back to LISTEN on a reset (RFC 9293 3.10.7.4, SYN-RECEIVED
   * STATE, "If this connection was initiated with a passive OPEN ... return this connection to LISTEN
   * state"); one that came from SYN-SENT (a simultaneous open, b's own SYN sent before the capture began)
   * is CLOSED ("the connection was refused"). b answers a's SYN (frames 1-2) and a resets (frame 3): both
   * histories fit the frames equally, so b's final state is both, LISTEN|CLOSED; a checker that merged the
   * two SYN-RECEIVED hypotheses, which differ only in how b opened, would report one of them. a's new SYN
   * (frame 4) starts a new connection, which completes.
   */
  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293", "linux"})
  void resetSynReceivedReturnsToListenOrClosedByHowItOpened(String profile) throws Exception {
    byte[] capture = new HandCapture().a(SYN, 1000, 0, 0).b(SYN | ACK, 5000, 1001, 0).a(RST, 1001, 0, 0)
        .a(SYN, 3000, 0, 0).b(SYN | ACK, 7000, 3001, 0).a(ACK, 3001, 7001, 0).bytes();
    List<Verdict> vs = Traces.check(capture, profile);
    assertThat(vs).as("%s", vs).hasSize(2).allMatch(v -> v.kind() == Verdict.Kind.CONFORMS);
    assertThat(vs.get(0).finalA() + " " + vs.get(0).finalB()).isEqualTo("CLOSED LISTEN|CLOSED");
    assertThat(vs.get(1).finalA() + " " + vs.get(1).finalB()).isEqualTo("ESTABLISHED ESTABLISHED");
  }

  /**
   * a's SYN is retransmitted (frame 2, another window: not the network's copy) before b's SYN,ACK
   * (3) reaches it. b, in SYN-RECEIVED with RCV.NXT=1001 since the first, finds the second's
   * SEQ=1000 unacceptable, an old duplicate, and only acknowledges it (RFC 9293 3.10.7.4, first
   * check; RFC 793 p.69); the handshake completes and b sends 10 octets. Every frame follows with
   * nothing hidden: conforms, no segment lost, both ESTABLISHED. A checker that kept b's RCV.NXT
   * unknown after the SYN (b may have listened) took the second SYN for the first segment at RCV.NXT,
   * a SYN in the window (rfc793: a reset, b then CLOSED), and needed it lost. The fault: b's text
   * acknowledging 1000 (frame 5), less than the SYN,ACK did.
   */
  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293", "linux"})
  void retransmittedSynInSynReceived(String profile) throws Exception {
    HandCapture opened = new HandCapture().a(SYN, 1000, 0, 0).frame(true, SYN, 1000, 0, 0, 29200, -1).b(SYN | ACK, 5000, 1001, 0)
        .a(ACK, 1001, 5001, 0);
    Verdict v = only(new HandCapture().a(SYN, 1000, 0, 0).frame(true, SYN, 1000, 0, 0, 29200, -1).b(SYN | ACK, 5000, 1001, 0)
        .a(ACK, 1001, 5001, 0).b(ACK | PSH, 5001, 1001, 10).a(ACK, 1001, 5011, 0).bytes(), profile);
    assertThat(v.kind()).as("%s", v).isEqualTo(Verdict.Kind.CONFORMS);
    assertThat(v.reason()).as("%s", v).isEmpty();
    assertThat(v.finalA() + " " + v.finalB()).as("%s", v).isEqualTo("ESTABLISHED ESTABLISHED");
    deviatesAt(opened.b(ACK | PSH, 5001, 1000, 10).a(ACK, 1001, 5011, 0).bytes(), profile, 5);
  }
}
