package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.trace.Verdict.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdict a protocol engineer gives each capture in captures/ (see its README.md) under
 * rfc9293, and the states the two ends are left in. The reasoning is in each test's comment;
 * the answer key is the RFC text and the captures' own contents, not the checker.
 */
class TraceCapturesTest {
  private static Verdict verdict(String capture, String profile) throws Exception {
    List<Verdict> vs = Traces.check(capture, profile);
    assertThat(vs).as("one connection in %s", capture).hasSize(1);
    return vs.get(0);
  }

  private static void assertVerdict(Verdict v, Kind kind, String finalA, String finalB) {
    assertThat(v.kind()).as("%s", v).isEqualTo(kind);
    assertThat(v.finalA()).as("%s", v).isEqualTo(finalA);
    assertThat(v.finalB()).as("%s", v).isEqualTo(finalB);
  }

  /**
   * SYN, SYN,ACK, ACK: an active open (RFC 9293 3.10.1, "enter SYN-SENT state") meeting a listener
   * (3.10.7.2, SYN-RECEIVED), each ACK acknowledging the other's ISN+1 (3.10.7.3, "If SND.UNA > ISS
   * (our SYN has been ACKed), change the connection state to ESTABLISHED"). Both ESTABLISHED.
   */
  @Test
  void handshake() throws Exception {
    Verdict v = verdict("tcp_handshake.pcapng", "rfc9293");
    assertVerdict(v, Kind.CONFORMS, "ESTABLISHED", "ESTABLISHED");
    assertThat(v.a()).isEqualTo("172.16.16.128:2826");
    assertThat(v.frames()).isEqualTo(3);
  }

  /** The same handshake in a Linux cooked (SLL) capture with nanosecond timestamps, window scaling on both SYNs (RFC 7323 2.2). */
  @Test
  void handshakeCookedNano() throws Exception {
    assertVerdict(verdict("tcp-handshake-nano.pcap", "rfc9293"), Kind.CONFORMS, "ESTABLISHED", "ESTABLISHED");
  }

  /**
   * A teardown seen from the middle: the server's FIN (frame 1) is a CLOSE in ESTABLISHED (FIN-WAIT-1),
   * the client acknowledges it (CLOSE-WAIT), closes in turn (LAST-ACK) and the server's ACK of that FIN
   * (frame 4) leaves the server in TIME-WAIT and the client CLOSED (RFC 9293 3.10.7.4, "If our FIN is
   * now acknowledged, delete the TCB, enter the CLOSED state"). No handshake: the variables are learned.
   */
  @Test
  void teardownFromMidConnection() throws Exception {
    assertVerdict(verdict("tcp_teardown.pcapng", "rfc9293"), Kind.CONFORMS, "TIME_WAIT", "CLOSED");
  }

  /**
   * RFC 793's text sends CLOSE in CLOSE-WAIT to CLOSING, not LAST-ACK (p.61): the client there waits in
   * CLOSING and enters TIME-WAIT on the ACK of its FIN (p.73). The same capture conforms; the client's
   * final state is the profile's.
   */
  @Test
  void teardownUnderRfc793() throws Exception {
    assertVerdict(verdict("tcp_teardown.pcapng", "rfc793"), Kind.CONFORMS, "TIME_WAIT", "TIME_WAIT");
  }

  /**
   * A SYN to a closed port answered <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> (RFC 9293 3.10.7.1:
   * "If the ACK bit is off, sequence number zero is used"), which the client accepts (its ACK
   * acknowledges the SYN: 3.10.7.3 "signal to the user "error: connection reset"..., enter CLOSED").
   */
  @Test
  void refusedWithRstAck() throws Exception {
    assertVerdict(verdict("tcp_refuseconnection.pcapng", "rfc9293"), Kind.CONFORMS, "CLOSED", "CLOSED");
  }

  /**
   * Six copies of one 648-octet segment with backing-off gaps and no answer: retransmissions (RFC 9293
   * 3.10.8 "send the segment at the front of the retransmission queue again") of text the peer never
   * acknowledges (each copy lost, or the peer silent). Nothing is wrong in what was seen.
   */
  @Test
  void retransmissions() throws Exception {
    assertVerdict(verdict("tcp_retransmissions.pcapng", "rfc9293"), Kind.CONFORMS, "ESTABLISHED", "ESTABLISHED");
  }

  /**
   * A receiver at window 0: the sender's probes (SEQ = SND.NXT-1, no text) are not acceptable
   * (RFC 9293 3.10.7.4 Table 6: window 0 accepts only SEG.SEQ = RCV.NXT) and each is answered with an
   * ACK still showing window 0 ("it must still send an acknowledgment showing its next expected
   * sequence number and current window (zero)", 3.8.6.1). Both stay ESTABLISHED.
   */
  @Test
  void zeroWindowProbes() throws Exception {
    assertVerdict(verdict("tcp_zerowindowdead.pcapng", "rfc9293"), Kind.CONFORMS, "ESTABLISHED", "ESTABLISHED");
  }

  /**
   * A whole DNS-over-TCP connection: handshake, query, answer, the client's FIN (FIN-WAIT-1), its ACK
   * (FIN-WAIT-2), the server's FIN (client TIME-WAIT: 3.10.7.4 "Enter the TIME-WAIT state") and the
   * last ACK (server LAST-ACK -> CLOSED).
   */
  @Test
  void dnsLifecycle() throws Exception {
    Verdict v = verdict("dns_tcp.pcap", "rfc9293");
    assertVerdict(v, Kind.CONFORMS, "TIME_WAIT", "CLOSED");
    assertThat(v.frames()).isEqualTo(11);
    assertThat(v.reason()).isEmpty(); // nothing had to be assumed lost
  }

  /**
   * One RST,ACK carrying 58 octets (RFC 9293 3.5.3 allows diagnostic text on a reset) and nothing
   * else: mid-connection, so nothing says whether its sequence number was in the receiver's window.
   * One frame cannot be judged: inconclusive, with the reason.
   */
  @Test
  void rstWithData() throws Exception {
    Verdict v = verdict("tcp_rst_data.pcap", "rfc9293");
    assertThat(v.kind()).isEqualTo(Kind.INCONCLUSIVE);
    assertThat(v.reason()).contains("single frame");
  }
}
