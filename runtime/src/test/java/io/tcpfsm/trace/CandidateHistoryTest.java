package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import org.junit.jupiter.api.Test;

/**
 * A candidate's RCV.NXT history holds each value once, newest first, whether a push is ahead of
 * every entry (the common case, pushed without a search) or not, across the wrap of sequence space.
 */
class CandidateHistoryTest {
  @Test
  void aValuePushedAgainIsKeptOnce() {
    Candidate c = new Candidate(TcpState.ESTABLISHED, 0);
    c.pushHistory(100);
    c.pushHistory(200);
    c.pushHistory(100); // an older value again
    c.pushHistory(300);
    c.pushHistory(200);
    assertThat(c.details()).contains("history [300, 200, 100]");
    assertThat(c.inHistory(200)).isTrue();
    assertThat(c.inHistory(250)).isFalse();
  }

  @Test
  void aheadIsInSequenceSpaceAcrossTheWrap() {
    Candidate c = new Candidate(TcpState.ESTABLISHED, 0);
    c.pushHistory(0xFFFF_FFF0L);
    c.pushHistory(0x10); // 32 octets later, past the wrap
    c.pushHistory(0xFFFF_FFF0L);
    c.pushHistory(0x10);
    assertThat(c.details()).contains("history [16, 4294967280]");
  }
}
