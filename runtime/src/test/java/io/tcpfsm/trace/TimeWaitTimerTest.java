package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpMachine;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import org.junit.jupiter.api.Test;

/**
 * A candidate stamps the capture time its TIME-WAIT timer (re)started, as the profile's rules start
 * it: on entering TIME-WAIT (RFC 9293 3.10.7.4, FIN-WAIT-2's "Enter the TIME-WAIT state. Start the
 * time-wait timer"); on a retransmission of the peer's FIN under linux ("with th->ack the timer is
 * rescheduled", tcp_timewait_state_process), and not under rfc9293, whose model acknowledges that
 * unacceptable FIN without restarting (spec/tcp.fsm, time_wait_fin_again's note).
 */
class TimeWaitTimerTest {
  private static final long SECOND = 1_000_000_000L;

  /** An endpoint in FIN-WAIT-2 (its FIN at 1001 acknowledged), expecting the peer's FIN at 5001. */
  private static Candidate finWait2() {
    Candidate c = new Candidate(TcpState.FIN_WAIT2, 0);
    c.iss = 1000;
    c.irs = 5000;
    c.sndUna = 1002;
    c.sndNxt = 1002;
    c.rcvNxt = 5001;
    c.rcvHigh = 5001;
    c.finSent = true;
    c.finSeq = 1001;
    c.sndWnd = 65535;
    return c;
  }

  private static Candidate arrive(TcpProfile p, Candidate c, long now) {
    TcpMachine m = p;
    SendExplainer e = SendExplainer.of(m, new Coverage(m));
    c.now = now;
    TraceSegment fin = new TraceSegment(1, false, Segment.FIN | Segment.ACK, 5001, 1002, 65535, -1, 0, false);
    return Arrival.arriveAt(m, e.rfc5961(), c, fin, 65535, 65535, e.coverage());
  }

  @Test
  void enteringTimeWaitStartsTheTimerAtTheFramesTime() {
    for (TcpProfile p : TcpProfile.values()) {
      Candidate c = arrive(p, finWait2(), 7 * SECOND);
      assertThat(c.state).as(p.specName()).isEqualTo(TcpState.TIME_WAIT);
      assertThat(c.timeWaitSince).as(p.specName()).isEqualTo(7 * SECOND);
    }
  }

  @Test
  void theFinAgainRestartsItUnderLinuxOnly() {
    Candidate linux = arrive(TcpProfile.LINUX, arrive(TcpProfile.LINUX, finWait2(), 7 * SECOND), 20 * SECOND);
    assertThat(linux.state).isEqualTo(TcpState.TIME_WAIT);
    assertThat(linux.timeWaitSince).isEqualTo(20 * SECOND);
    Candidate rfc = arrive(TcpProfile.RFC9293, arrive(TcpProfile.RFC9293, finWait2(), 7 * SECOND), 20 * SECOND);
    assertThat(rfc.state).isEqualTo(TcpState.TIME_WAIT);
    assertThat(rfc.timeWaitSince).isEqualTo(7 * SECOND);
  }
}
