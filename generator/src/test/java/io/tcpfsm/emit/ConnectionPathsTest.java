package io.tcpfsm.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.analysis.CellsFile;
import io.tcpfsm.validate.Validator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The paths into cells of the bundled spec, checked against the RFC's own figures: the
 * three-way handshake (RFC 9293 3.5, Figure 6), the simultaneous open (Figure 7), the normal and
 * simultaneous close (3.6, Figures 12 and 13), and the reasons a cell has no real connection.
 */
class ConnectionPathsTest {
  private static final Validator.Result SPEC = Specs.real();
  private static final Map<String, JavaEmitter.AnswerKey> KEYS = Specs.realKeys();

  private static List<CellsFile.Row> rows(String profile) {
    JavaEmitter.AnswerKey key = KEYS.get(profile);
    return CellsFile.parse(key.source(), key.text());
  }

  private static ConnectionPaths paths(String profile) {
    return new ConnectionPaths(SPEC.machine(), profile, rows(profile));
  }

  private static CellsFile.Row row(String profile, String state, String event, String guards) {
    return rows(profile).stream()
        .filter(r -> r.state().equals(state) && r.event().equals(event) && CellsFileGuards.render(r).equals(guards))
        .findFirst().orElseThrow(() -> new AssertionError("no cell " + state + " " + event + " " + guards));
  }

  /** The path as "STATE EVENT" steps. */
  private static List<String> steps(ConnectionPaths.Way way) {
    return way.path().stream().map(r -> r.state() + " " + r.event()).toList();
  }

  @Test
  void establishedIsReachedByTheClientsHalfOfTheThreeWayHandshake() {
    // RFC 9293 Figure 6, lines 1-4 from TCP A's side: SYN-SENT, then ESTABLISHED on <SYN,ACK>.
    ConnectionPaths.Way way = paths("rfc9293").way(row("rfc9293", "ESTABLISHED", "STATUS", "-"));
    assertThat(way.disabled()).isNull();
    assertThat(steps(way)).containsExactly("CLOSED OPEN_ACTIVE", "SYN_SENT SYN+ACK");
  }

  @Test
  void synReceivedWithoutAPassiveOpenIsTheSimultaneousOpen() {
    // RFC 9293 Figure 7: both sides send a SYN; each goes SYN-SENT -> SYN-RECEIVED.
    ConnectionPaths.Way way = paths("rfc9293").way(row("rfc9293", "SYN_RECV", "RST", "seq_acceptable !passive_open !rst_seq_exact"));
    assertThat(steps(way)).containsExactly("CLOSED OPEN_ACTIVE", "SYN_SENT SYN");
    ConnectionPaths.Way passive = paths("rfc9293").way(row("rfc9293", "SYN_RECV", "RST", "seq_acceptable passive_open !rst_seq_exact"));
    assertThat(steps(passive)).containsExactly("CLOSED OPEN_PASSIVE", "LISTEN SYN");
  }

  @Test
  void closingIsTheSimultaneousClose() {
    // RFC 9293 Figure 13: FIN-WAIT-1 receives the peer's FIN before the ACK of ours.
    ConnectionPaths.Way way = paths("rfc9293").way(row("rfc9293", "CLOSING", "STATUS", "-"));
    assertThat(way.path()).last().satisfies(r -> assertThat(r.state() + " " + r.event() + " -> " + r.target())
        .isEqualTo("FIN_WAIT1 FIN+ACK -> CLOSING"));
  }

  @Test
  void aTimeoutEndsAPathAndNeedsItsTimerRunning() {
    ConnectionPaths p = paths("rfc9293");
    // TIME-WAIT's timer is started on entering TIME-WAIT (RFC 9293 3.10.7.4, FIN-WAIT-2: "Start the time-wait timer").
    ConnectionPaths.Way timeWait = p.way(row("rfc9293", "TIME_WAIT", "TIMEOUT_TIME_WAIT", "-"));
    assertThat(timeWait.disabled()).isNull();
    assertThat(timeWait.path()).noneMatch(r -> r.event().startsWith("TIMEOUT_"));
    // A timer the state never runs cannot expire there: the spec's default, timer_not_running.
    assertThat(p.way(row("rfc9293", "ESTABLISHED", "TIMEOUT_TIME_WAIT", "-")).disabled())
        .startsWith("no path from CLOSED reaches ESTABLISHED with its TIME_WAIT timer running")
        .endsWith("(rule timer_not_running)");
    // The retransmission timer runs while something is unacknowledged: in ESTABLISHED, after a SEND.
    assertThat(steps(p.way(row("rfc9293", "ESTABLISHED", "TIMEOUT_RETRANSMIT", "-")))).last().isEqualTo("ESTABLISHED SEND");
  }

  @Test
  void theUserTimeoutNeedsUnacknowledgedDataInFinWait2() {
    assertThat(paths("rfc9293").way(row("rfc9293", "FIN_WAIT2", "TIMEOUT_USER", "-")).disabled())
        .contains("unacknowledged data while the USER timer runs").contains("RFC 9293 3.8.3");
  }

  @Test
  void textPendingIsTextDeliveredAndNotRead() {
    ConnectionPaths.Way way = paths("rfc9293").way(row("rfc9293", "ESTABLISHED", "RECEIVE", "text_pending"));
    assertThat(way.path()).last().satisfies(r -> assertThat(r.guards()).containsEntry("has_data", true));
  }

  @Test
  void lastAckIsUnreachableInRfc793AsTheProfileDeclares() {
    assertThat(paths("rfc793").way(row("rfc793", "LAST_ACK", "STATUS", "-")).disabled())
        .startsWith("no path from CLOSED reaches LAST_ACK in profile rfc793")
        .contains("RFC 793's text sends CLOSE in CLOSE-WAIT to CLOSING");
    assertThat(paths("rfc9293").way(row("rfc9293", "LAST_ACK", "STATUS", "-")).disabled()).isNull();
  }

  @Test
  void guardsThatContradictEachOtherAreNamed() {
    assertThat(paths("rfc793").way(row("rfc793", "FIN_WAIT1", "ACK", "seq_acceptable !ack_acceptable !fin_acked !has_data")).disabled())
        .contains("the guards contradict each other in profile rfc793");
    // RFC 5961's lower bound makes an old ACK unacceptable without acknowledging our FIN.
    assertThat(paths("rfc9293").way(row("rfc9293", "FIN_WAIT1", "ACK", "seq_acceptable !ack_acceptable !fin_acked !has_data")).disabled()).isNull();
  }

  @Test
  void callsInListenHaveNoConnectionToCall() {
    assertThat(paths("rfc9293").way(row("rfc9293", "LISTEN", "CLOSE", "-")).disabled()).contains("Host.listen");
  }

  /** The key's guard column of a row. */
  private static final class CellsFileGuards {
    static String render(CellsFile.Row r) {
      if (r.guards().isEmpty()) {
        return "-";
      }
      StringBuilder sb = new StringBuilder();
      r.guards().forEach((g, v) -> sb.append(sb.length() == 0 ? "" : " ").append(v ? "" : "!").append(g));
      return sb.toString();
    }
  }
}
