package io.tcpfsm.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tcpfsm.model.Machine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The arrows the diagram draws, against an answer key written from the RFCs' own figure and
 * text, not from the model: RFC 793 Figure 6 (p.23) arrow by arrow, plus the state changes the
 * event-processing text adds, each with its clause. One line per label: {@code FROM -> TO: label}.
 */
class DiagramEdgesTest {
  private static final Machine TCP = DiagramSpecs.tcp();

  /** RFC 793 Figure 6's nineteen arrows, as the model names their events and sends. */
  private static final List<String> FIGURE_6 = List.of(
      "CLOSED -> LISTEN: OPEN_PASSIVE",                             // passive OPEN / create TCB
      "CLOSED -> SYN_SENT: OPEN_ACTIVE / send SYN",                 // active OPEN / snd SYN
      "LISTEN -> CLOSED: CLOSE",                                    // CLOSE / delete TCB
      "LISTEN -> SYN_SENT: SEND / send SYN",                        // SEND / snd SYN
      "LISTEN -> SYN_RECV: recv SYN / send SYN+ACK",                // rcv SYN / snd SYN,ACK
      "SYN_SENT -> CLOSED: CLOSE",                                  // CLOSE / delete TCB
      // The figure says "snd ACK"; its text (p.68) and RFC 9293 3.10.7.3 send <CTL=SYN,ACK>.
      "SYN_SENT -> SYN_RECV: recv SYN / send SYN+ACK",
      "SYN_SENT -> ESTABLISHED: recv SYN+ACK / send ACK",           // rcv SYN,ACK / snd ACK
      "SYN_RECV -> ESTABLISHED: recv ACK",                          // rcv ACK of SYN
      "SYN_RECV -> FIN_WAIT1: CLOSE / send FIN+ACK",                // CLOSE / snd FIN
      "ESTABLISHED -> FIN_WAIT1: CLOSE / send FIN+ACK",             // CLOSE / snd FIN
      "ESTABLISHED -> CLOSE_WAIT: recv FIN+ACK / send ACK",         // rcv FIN / snd ACK
      "FIN_WAIT1 -> FIN_WAIT2: recv ACK",                           // rcv ACK of FIN
      "FIN_WAIT1 -> CLOSING: recv FIN+ACK [not fin_acked] / send ACK", // rcv FIN / snd ACK
      "FIN_WAIT2 -> TIME_WAIT: recv FIN+ACK / send ACK",            // rcv FIN / snd ACK
      "CLOSING -> TIME_WAIT: recv ACK",                             // rcv ACK of FIN
      "TIME_WAIT -> CLOSED: timeout TIME_WAIT");                    // Timeout=2MSL / delete TCB

  /** Figure 6's CLOSE-WAIT to LAST-ACK and LAST-ACK to CLOSED (RFC 9293 3.10.4, 3.10.7.4). */
  private static final List<String> PASSIVE_CLOSE = List.of(
      "CLOSE_WAIT -> LAST_ACK: CLOSE / send FIN+ACK",               // CLOSE / snd FIN
      "LAST_ACK -> CLOSED: recv ACK");                              // rcv ACK of FIN

  /** State changes the figure leaves out and the text has, in both profiles. */
  private static final List<String> TEXT = List.of(
      // RFC 9293 3.10.1 (RFC 793 p.55): OPEN in LISTEN with a foreign socket: "Enter SYN-SENT state".
      "LISTEN -> SYN_SENT: OPEN_ACTIVE / send SYN",
      // RFC 9293 3.10.7.3 then its eighth check (3.10.7.4): SYN, ACK and FIN in SYN-SENT: established, then CLOSE-WAIT.
      "SYN_SENT -> CLOSE_WAIT: recv SYN+FIN+ACK / send ACK",
      // RFC 793 p.70: RST in SYN-RECEIVED after a passive OPEN "return this connection to LISTEN".
      "SYN_RECV -> LISTEN: recv RST",
      // RFC 793 p.75: FIN in SYN-RECEIVED "Enter the CLOSE-WAIT state".
      "SYN_RECV -> CLOSE_WAIT: recv FIN+ACK / send ACK",
      // RFC 793 p.75: FIN in FIN-WAIT-1 "If our FIN has been ACKed ... enter TIME-WAIT".
      "FIN_WAIT1 -> TIME_WAIT: recv FIN+ACK [fin_acked] / send ACK",
      // RFC 793 p.73 (CLOSING: our FIN acked -> TIME-WAIT), then p.75 (a FIN: acknowledge it).
      "CLOSING -> TIME_WAIT: recv FIN+ACK / send ACK");

  /** RFC 9293 3.10.7.4 (after RFC 5961 4.2): a SYN in SYN-RECEIVED after a passive OPEN. */
  private static final String SYN_RECV_SYN = "SYN_RECV -> LISTEN: recv SYN";

  /** RFC 793's text: CLOSE in CLOSE-WAIT "enter CLOSING state" (p.61), so LAST-ACK is never entered. */
  private static final String RFC793_CLOSE_WAIT_CLOSE = "CLOSE_WAIT -> CLOSING: CLOSE / send FIN+ACK";

  private static List<String> lines(Machine machine, String profile) {
    List<String> out = new ArrayList<>();
    for (DiagramEdge e : Diagram.edges(machine, profile)) {
      for (DiagramEdge.Label l : e.labels()) {
        out.add(e.from().name() + " -> " + e.to().name() + ": " + l.text());
      }
    }
    return out;
  }

  @Test
  void rfc9293DrawsFigure6AndTheTextsStateChangesAndNothingElse() {
    List<String> expected = new ArrayList<>(FIGURE_6);
    expected.addAll(PASSIVE_CLOSE);
    expected.addAll(TEXT);
    expected.add(SYN_RECV_SYN);
    assertThat(lines(TCP, "rfc9293")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void rfc793DrawsItsOwnCloseWaitAndLeavesLastAckUnentered() {
    List<String> expected = new ArrayList<>(FIGURE_6);
    expected.addAll(TEXT);
    expected.add(RFC793_CLOSE_WAIT_CLOSE);
    // LAST-ACK is declared unreachable in rfc793, but the model still says how it ends.
    expected.add("LAST_ACK -> CLOSED: recv ACK");
    assertThat(lines(TCP, "rfc793")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void abnormalEndsAreNotDrawn() {
    // RFC 793 3.2: the figure "addresses neither error conditions nor actions which are not
    // connected with state changes": no ABORT, user timeout, reset received or sent (rfc793's
    // in-window SYN sends one, p.71). A reset that returns a passive open to LISTEN is drawn, as
    // the figure draws "rcv RST" there (linux answers a SYN in SYN-RECEIVED so, tcp_check_req).
    for (String profile : TCP.profileNames()) {
      assertThat(lines(TCP, profile)).noneMatch(l -> l.contains("ABORT") || l.contains("USER")
          || (l.contains("send RST") && !l.contains("-> LISTEN")) || (l.contains("-> CLOSED") && l.contains("RST")));
    }
  }

  @Test
  void theTaggedPathsAreTlpisHeavyArrows() {
    // TLPI Figure 61-4: the usual client path heavy and solid, the usual server path heavy and dashed.
    List<String> client = new ArrayList<>();
    List<String> server = new ArrayList<>();
    for (DiagramEdge e : Diagram.edges(TCP, "rfc9293")) {
      String arrow = e.from().name() + " -> " + e.to().name();
      if (e.path() == DiagramEdge.Path.CLIENT) {
        client.add(arrow);
      } else if (e.path() == DiagramEdge.Path.SERVER) {
        server.add(arrow);
      }
    }
    assertThat(client).containsExactly("CLOSED -> SYN_SENT", "SYN_SENT -> ESTABLISHED", "ESTABLISHED -> FIN_WAIT1",
        "FIN_WAIT1 -> FIN_WAIT2", "FIN_WAIT2 -> TIME_WAIT", "TIME_WAIT -> CLOSED");
    assertThat(server).containsExactly("CLOSED -> LISTEN", "LISTEN -> SYN_RECV", "SYN_RECV -> ESTABLISHED",
        "ESTABLISHED -> CLOSE_WAIT", "CLOSE_WAIT -> LAST_ACK", "LAST_ACK -> CLOSED");
  }

  @Test
  void aLabelNamesEveryRuleThatTakesIt() {
    DiagramEdge established = Diagram.edges(TCP, "rfc9293").stream()
        .filter(e -> e.from().name().equals("SYN_RECV") && e.to().name().equals("ESTABLISHED")).findFirst().orElseThrow();
    // The ACK of our SYN with and without text: one label, and only what both send (nothing).
    assertThat(established.labels()).singleElement().satisfies(l -> {
      assertThat(l.rules()).containsExactly("syn_recv_ack", "syn_recv_ack_text");
      assertThat(l.sends()).isEmpty();
    });
  }

  @Test
  void aMachineThatIsNotTcpDrawsEveryStateChange() {
    // door.fsm, read by hand: OPEN, CLOSE, LOCK with the key, the latch's timeout, UNLOCK with
    // the key, and KICK from the three states that are not BROKEN.
    assertThat(lines(DiagramSpecs.door(), "default")).containsExactly(
        "CLOSED -> OPENED: OPEN",
        "CLOSED -> LOCKED: LOCK",
        "CLOSED -> LOCKED: timeout LATCH",
        "CLOSED -> BROKEN: KICK",
        "OPENED -> CLOSED: CLOSE",
        "OPENED -> BROKEN: KICK",
        "LOCKED -> CLOSED: UNLOCK",
        "LOCKED -> BROKEN: KICK");
  }

  @Test
  void anUnknownProfileIsNamed() {
    assertThatThrownBy(() -> Diagram.dot(TCP, "rfc1122")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no profile 'rfc1122'; this spec has rfc793, rfc9293, linux");
  }
}
