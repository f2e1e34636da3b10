package io.tcpfsm.probe;

import static io.tcpfsm.probe.SetupStep.CLOSE;
import static io.tcpfsm.probe.SetupStep.OPEN_ACTIVE;
import static io.tcpfsm.probe.SetupStep.OPEN_PASSIVE;
import static io.tcpfsm.probe.SetupStep.PEER_ACK;
import static io.tcpfsm.probe.SetupStep.PEER_FIN_ACK;
import static io.tcpfsm.probe.SetupStep.PEER_FIN_ACK_NOT_OUR_FIN;
import static io.tcpfsm.probe.SetupStep.PEER_SYN;
import static io.tcpfsm.probe.SetupStep.PEER_SYN_ACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.machine.TcpState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paths the probes take to each state, found by search over the generated machine, against
 * paths worked out by hand from RFC 9293's state diagram (section 3.3.2, Figure 5) and event
 * processing: the shortest ones a socket can take, where a socket is shut down only once
 * synchronized.
 */
class ModelPathsTest {
  private final ModelPaths rfc9293 = new ModelPaths(TcpProfile.RFC9293);

  @Test
  void shortestPathsFromFigure5() {
    assertEquals(List.of(), path(TcpState.CLOSED));
    assertEquals(List.of(OPEN_PASSIVE), path(TcpState.LISTEN));
    assertEquals(List.of(OPEN_ACTIVE), path(TcpState.SYN_SENT));
    // "rcv SYN / snd SYN,ACK" from LISTEN
    assertEquals(List.of(OPEN_PASSIVE, PEER_SYN), path(TcpState.SYN_RECV));
    // "rcv SYN,ACK / snd ACK" from SYN-SENT: two steps, shorter than LISTEN, SYN, ACK
    assertEquals(List.of(OPEN_ACTIVE, PEER_SYN_ACK), path(TcpState.ESTABLISHED));
    assertEquals(List.of(OPEN_ACTIVE, PEER_SYN_ACK, CLOSE), path(TcpState.FIN_WAIT1));
    assertEquals(List.of(OPEN_ACTIVE, PEER_SYN_ACK, CLOSE, PEER_ACK), path(TcpState.FIN_WAIT2));
    // also three steps, found first: SYN-RECEIVED's ACK check "enter ESTABLISHED state and continue
    // processing", then the eighth step, the FIN: "Enter the CLOSE-WAIT state" (RFC 9293 3.10.7.4)
    assertEquals(List.of(OPEN_PASSIVE, PEER_SYN, PEER_FIN_ACK), path(TcpState.CLOSE_WAIT));
    assertEquals(List.of(OPEN_PASSIVE, PEER_SYN, PEER_FIN_ACK, CLOSE), path(TcpState.LAST_ACK));
    // "rcv FIN / snd ACK" in FIN-WAIT-1 with our FIN not yet acknowledged
    assertEquals(List.of(OPEN_ACTIVE, PEER_SYN_ACK, CLOSE, PEER_FIN_ACK_NOT_OUR_FIN), path(TcpState.CLOSING));
    // a FIN that also acknowledges ours takes FIN-WAIT-1 straight to TIME-WAIT (RFC 9293 3.10.7.4, eighth step)
    assertEquals(List.of(OPEN_ACTIVE, PEER_SYN_ACK, CLOSE, PEER_FIN_ACK), path(TcpState.TIME_WAIT));
  }

  /** RFC 793's text sends CLOSE in CLOSE-WAIT to CLOSING, so its machine has no way to LAST-ACK. */
  @Test
  void rfc793ReachesNoLastAck() {
    assertTrue(new ModelPaths(TcpProfile.RFC793).to(TcpState.LAST_ACK).isEmpty());
  }

  private List<SetupStep> path(TcpState s) {
    return rfc9293.to(s).orElseThrow();
  }
}
