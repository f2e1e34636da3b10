package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import java.util.ArrayDeque;
import java.util.Deque;
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

  /**
   * Against the definition, kept in a plain deque: the newest 128 distinct values, newest first,
   * through a thousand pushes (the window moves back to the front of its array many times) and a
   * copy, whose pushes from then on must not show in the original, nor the original's in it.
   */
  @Test
  void theNewest128AreKeptAcrossManyPushesAndCopies() {
    Candidate c = new Candidate(TcpState.ESTABLISHED, 0);
    Deque<Long> expected = new ArrayDeque<>();
    Candidate copy = null;
    Deque<Long> expectedCopy = null;
    for (long v = 1; v <= 1000; v++) {
      long value = v * 1460;
      push(c, expected, value);
      if (copy != null) {
        push(copy, expectedCopy, value + 7); // a different flight from here on
      }
      if (v == 300) {
        copy = c.copy();
        expectedCopy = new ArrayDeque<>(expected);
      }
    }
    assertThat(expected).hasSize(128);
    assertThat(c.details()).contains("history " + expected);
    assertThat(copy.details()).contains("history " + expectedCopy);
    assertThat(c.inHistory(1000 * 1460)).isTrue();
    assertThat(c.inHistory(872 * 1460)).isFalse(); // the 129th newest: gone
    assertThat(c.inHistory(873 * 1460)).isTrue();
    assertThat(copy.inHistory(1000 * 1460)).isFalse();
  }

  private static void push(Candidate c, Deque<Long> expected, long v) {
    c.pushHistory(v);
    expected.addFirst(v);
    if (expected.size() > 128) {
      expected.removeLast();
    }
  }
}
