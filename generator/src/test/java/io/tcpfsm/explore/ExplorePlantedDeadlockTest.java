package io.tcpfsm.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.model.Machine;
import org.junit.jupiter.api.Test;

/**
 * Specs broken on purpose: a TIME-WAIT whose 2 MSL timeout leaves it in TIME-WAIT is a
 * deadlock the explorer finds, with a shortest run into it; a LAST-ACK that ignores the ACK of
 * its FIN is not one, since its retransmitted FIN draws a reset from the closed peer (RFC 9293
 * 3.10.7.1), and the explorer shows that run.
 */
class ExplorePlantedDeadlockTest {
  static final String TIME_WAIT_ENDS =
      "always \"TIME-WAIT ends\": from X = TIME_WAIT reach X = CLOSED without ABORT, TIMEOUT_USER;";
  static final String LAST_ACK_ENDS =
      "always \"LAST-ACK facing a closed peer ends\": from X = LAST_ACK and Y = CLOSED and quiet reach X = CLOSED"
      + " without ABORT, TIMEOUT_USER, OPEN_ACTIVE, OPEN_PASSIVE;\n"
      + "possible \"reset ends LAST-ACK\": X = LAST_ACK and Y = CLOSED then X = LAST_ACK and Y->X has RST then X = CLOSED"
      + " without ABORT, TIMEOUT_USER;";

  @Test
  void timeWaitThatStaysIsADeadlock_shortestRunEndsInIt() throws Exception {
    Machine broken = ExploreSpecs.broken(ExploreSpecs.TIME_WAIT_STAYS);
    StateGraph g = Explorer.explore(broken, ExploreSpecs.SMALL);
    Verdict v = new Checker(g).check(ExploreSpecs.properties(broken, TIME_WAIT_ENDS).get(0));
    assertThat(v.holds()).isFalse();
    Run run = v.run();
    Verdict facingClosed = new Checker(g).check(ExploreSpecs.properties(broken, "always \"TIME-WAIT facing a closed peer ends\": from X = TIME_WAIT and Y = CLOSED and quiet reach X = CLOSED"
        + " without ABORT, TIMEOUT_USER, OPEN_ACTIVE, OPEN_PASSIVE;").get(0));
    assertThat(facingClosed.holds()).as("TIME-WAIT facing a closed peer never ends").isFalse();
    int last = run.length() - 1;
    assertThat(run.stateOf(0, last).equals("TIME_WAIT") || run.stateOf(1, last).equals("TIME_WAIT")).isTrue();
    // Counted by hand, one segment in flight each way: two OPENs, the SYN's, the SYN,ACK's and
    // the ACK's arrivals (the ACK must leave before the FIN can go), CLOSE, the FIN's arrival,
    // its ACK's arrival, the peer's CLOSE, its FIN's arrival: 10 steps into TIME-WAIT.
    assertThat(run.length()).isEqualTo(10);
    assertThat(v.note()).contains("none satisfies the goal");
    assertThat(String.join("\n", MscPrinter.lines(run))).contains("TIME_WAIT");
  }

  @Test
  void lastAckThatIgnoresTheAckIsResolvedByTheClosedPeersReset() throws Exception {
    Machine broken = ExploreSpecs.broken(ExploreSpecs.LAST_ACK_IGNORES_ACK);
    StateGraph g = Explorer.explore(broken, ExploreSpecs.SMALL);
    var verdicts = new Checker(g).check(ExploreSpecs.properties(broken, LAST_ACK_ENDS));
    assertThat(verdicts.get(0).holds()).as("LAST-ACK still ends: %s", verdicts.get(0).run() == null ? "" : String.join("\n", MscPrinter.lines(verdicts.get(0).run()))).isTrue();
    Verdict reset = verdicts.get(1);
    assertThat(reset.holds()).isTrue();
    Run.Step last = reset.run().steps().get(reset.run().length() - 1);
    assertThat(Seg.eventName(last.move().seg())).isEqualTo("RST");
    assertThat(last.rule()).isEqualTo("closing_reset");
    assertThat(last.fromState()).isEqualTo("LAST_ACK");
    // the reset answers the retransmitted FIN: RFC 9293 3.10.7.1, <SEQ=SEG.ACK><CTL=RST>
    assertThat(reset.run().steps()).extracting(Run.Step::rule).contains("retransmission_timeout", "closed_reset_ack");
  }
}
