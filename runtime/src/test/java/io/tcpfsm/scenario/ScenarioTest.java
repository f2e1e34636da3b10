package io.tcpfsm.scenario;

import static io.tcpfsm.machine.TcpState.CLOSED;
import static io.tcpfsm.machine.TcpState.CLOSE_WAIT;
import static io.tcpfsm.machine.TcpState.CLOSING;
import static io.tcpfsm.machine.TcpState.ESTABLISHED;
import static io.tcpfsm.machine.TcpState.FIN_WAIT1;
import static io.tcpfsm.machine.TcpState.FIN_WAIT2;
import static io.tcpfsm.machine.TcpState.LAST_ACK;
import static io.tcpfsm.machine.TcpState.LISTEN;
import static io.tcpfsm.machine.TcpState.SYN_RECV;
import static io.tcpfsm.machine.TcpState.SYN_SENT;
import static io.tcpfsm.machine.TcpState.TIME_WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.sim.Impairments;
import io.tcpfsm.tcp.TcpConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Each path of the textbook diagram (RFC 9293 Figure 5; TLPI Figure 61-4), run between two real
 * endpoints over the simulated link. The expected state sequences are the RFC's figures: Figure 7
 * (simultaneous open), Figure 12 (normal close), Figure 13 (simultaneous close).
 */
class ScenarioTest {
  private static final long MS = 1_000_000L;
  private static final TcpConfig CONFIG = TcpConfig.defaults().withTwoMsl(2_000 * MS);
  private static final Impairments CLEAN = Impairments.NONE.withDelay(5 * MS, 0);

  private static ScenarioResult run(Scenario s, Impairments im, long seed) {
    return new ScenarioRunner(CONFIG, im, seed, 50_000).run(s);
  }

  @Test
  void clientCloseFollowsFigure12() {
    ScenarioResult r = run(Scenario.CLIENT_CLOSE, CLEAN, 1);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.client().states()).containsExactly(CLOSED, SYN_SENT, ESTABLISHED, FIN_WAIT1, FIN_WAIT2, TIME_WAIT, CLOSED);
    assertThat(r.server().states()).containsExactly(CLOSED, LISTEN, SYN_RECV, ESTABLISHED, CLOSE_WAIT, LAST_ACK, CLOSED);
    assertThat(r.server().bytesDelivered()).isEqualTo(50_000);
  }

  @Test
  void serverCloseMirrorsIt() {
    ScenarioResult r = run(Scenario.SERVER_CLOSE, CLEAN, 2);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.server().states()).containsSubsequence(ESTABLISHED, FIN_WAIT1, FIN_WAIT2, TIME_WAIT, CLOSED);
    assertThat(r.client().states()).containsSubsequence(ESTABLISHED, CLOSE_WAIT, LAST_ACK, CLOSED);
    assertThat(r.client().bytesDelivered()).isEqualTo(50_000);
  }

  @Test
  void simultaneousOpenFollowsFigure7() {
    ScenarioResult r = run(Scenario.SIMULTANEOUS_OPEN, CLEAN, 3);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.client().states()).startsWith(CLOSED, SYN_SENT, SYN_RECV, ESTABLISHED);
    assertThat(r.server().states()).startsWith(CLOSED, SYN_SENT, SYN_RECV, ESTABLISHED);
  }

  @Test
  void simultaneousCloseFollowsFigure13() {
    ScenarioResult r = run(Scenario.SIMULTANEOUS_CLOSE, CLEAN, 4);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.client().states()).endsWith(ESTABLISHED, FIN_WAIT1, CLOSING, TIME_WAIT, CLOSED);
    assertThat(r.server().states()).endsWith(ESTABLISHED, FIN_WAIT1, CLOSING, TIME_WAIT, CLOSED);
  }

  @Test
  void halfCloseCarriesDataAfterTheFirstFin() {
    ScenarioResult r = run(Scenario.HALF_CLOSE, CLEAN, 5);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.client().bytesDelivered()).isEqualTo(25_000);
    assertThat(r.client().states()).containsSubsequence(FIN_WAIT1, FIN_WAIT2, TIME_WAIT, CLOSED);
  }

  @Test
  void abortResetsThePeer() {
    ScenarioResult r = run(Scenario.ABORT, CLEAN, 6);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.server().signals()).contains("connection reset");
    assertThat(r.client().finalState()).isEqualTo(CLOSED);
  }

  @Test
  void refusedIsResetFromClosed() {
    ScenarioResult r = run(Scenario.REFUSED, CLEAN, 7);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.client().states()).containsExactly(CLOSED, SYN_SENT, CLOSED);
    assertThat(r.client().signals()).anyMatch(s -> s.contains("reset"));
  }

  @Test
  void synIsRetransmittedWhenLost() {
    // Lose every other frame for a while: the SYN is sent again after the initial RTO (1 s).
    ScenarioResult r = run(Scenario.CLIENT_CLOSE, Impairments.NONE.withDelay(5 * MS, 0).withLoss(0.5), 11);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.retransmissions()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void everyScenarioSurvivesAHostileLink(Scenario s) {
    Impairments hostile = Impairments.NONE.withDelay(10 * MS, 2 * MS).withLoss(0.2).withReorder(0.1, 5 * MS)
        .withDuplicate(0.05).withCorrupt(0.01);
    for (long seed = 1; seed <= 10; seed++) {
      ScenarioResult r = new ScenarioRunner(CONFIG, hostile, seed, 20_000).run(s);
      assertThat(r.ok()).as("%s seed %d: %s", s, seed, r.problem()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void aRunIsDeterministicForItsSeed(long seed) {
    Impairments lossy = Impairments.NONE.withDelay(10 * MS, 3 * MS).withLoss(0.1).withReorder(0.1, 5 * MS);
    ScenarioResult a = new ScenarioRunner(CONFIG, lossy, seed, 30_000).run(Scenario.BULK);
    ScenarioResult b = new ScenarioRunner(CONFIG, lossy, seed, 30_000).run(Scenario.BULK);
    assertThat(a).isEqualTo(b);
  }
}
