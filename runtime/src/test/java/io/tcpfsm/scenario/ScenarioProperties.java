package io.tcpfsm.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.sim.Impairments;
import io.tcpfsm.tcp.TcpConfig;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * For random link schedules (seeds, loss up to 30%, reordering, duplication, corruption, delay
 * and jitter) and random application behaviour (the scenarios: who closes first, half close,
 * simultaneous open and close, abort, refusal), under every profile (rfc793, rfc9293, linux): every byte arrives once and
 * in order or the application is told why not, and both ends reach CLOSED with no TCB and no
 * timer left. A failure shrinks to the smallest seed, probabilities and size that still fail.
 */
class ScenarioProperties {
  private static final long MS = 1_000_000L;

  @Property(tries = 3000)
  void everyByteArrivesOnceInOrderAndBothEndsClose(
      @ForAll Scenario scenario,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 0, max = 0.3) double loss,
      @ForAll @DoubleRange(min = 0, max = 0.2) double reorder,
      @ForAll @DoubleRange(min = 0, max = 0.1) double duplicate,
      @ForAll @DoubleRange(min = 0, max = 0.02) double corrupt,
      @ForAll @IntRange(min = 1, max = 50) int delayMs,
      @ForAll @IntRange(min = 0, max = 12_000) int bytes,
      @ForAll TcpProfile profile) {
    Impairments im = Impairments.NONE.withDelay(delayMs * MS, delayMs * MS / 4).withLoss(loss)
        .withReorder(reorder, delayMs * MS / 2).withDuplicate(duplicate).withCorrupt(corrupt);
    TcpConfig config = TcpConfig.defaults().withTwoMsl(500 * MS).withProfile(profile);
    ScenarioResult r = new ScenarioRunner(config, im, seed, bytes).run(scenario);
    assertThat(r.ok()).as("%s", r).isTrue();
  }

  /**
   * Found by a random seed: under rfc793 the client's FIN from CLOSING was lost until its user
   * timeout aborted it, silently (RFC 793 p.77: no reset on a user timeout). The server, whose
   * application had already called CLOSE, sat in FIN-WAIT-2 for the hour: RFC 793 and 9293 have no
   * FIN-WAIT-2 timeout (Linux's tcp_fin_timeout is its own), so the stand-in application aborts a
   * connection whose peer is gone even after its CLOSE, as it does before one.
   */
  @Example
  void aPeerGoneByUserTimeoutLeavesFinWait2ToTheApplication() {
    everyByteArrivesOnceInOrderAndBothEndsClose(Scenario.SERVER_CLOSE, 3801, 0.28, 0, 0, 0.02, 1, 4381, TcpProfile.RFC793);
  }

  /**
   * Found by a random seed (CI, 2 December): the client's ACK of the SYN,ACK was lost, then every
   * SYN,ACK again, until the server's SYN-RECEIVED gave up, before its listener had a connection for
   * the application. The client, ESTABLISHED with nothing to send, waited the hour for a close from
   * a server that had none; its application now gives up as it does on any peer that is gone.
   */
  @Example
  void aServerThatNeverAcceptedLeavesTheClientToItsApplication() {
    everyByteArrivesOnceInOrderAndBothEndsClose(Scenario.SERVER_CLOSE, 152221, 0.29, 0, 0, 0, 1, 0, TcpProfile.RFC793);
  }
}
