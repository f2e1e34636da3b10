package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9293 3.10.2, SEND (the requirement id is named in rfc9293-requirements.tsv, which points
 * here). Expected values are the RFC's words, not the runtime's.
 */
class Rfc9293SendTest {
  private static final long MS = 1_000_000L;

  @Test
  void must60_withoutPushASmallSendIsNotHeldBackForMoreText() {
    // "A TCP endpoint MAY implement PUSH flags on SEND calls (MAY-15). If PUSH flags are not
    // implemented, then the sending TCP peer: (1) MUST NOT buffer data indefinitely (MUST-60)".
    // The runtime has no PUSH flag on SEND, so each of these small SENDs, far below one MSS and
    // followed by no further text for 10 s, must still reach the peer's application.
    TwoHosts w = new TwoHosts(TcpConfig.defaults().withTwoMsl(100 * MS), TcpConfig.defaults().withTwoMsl(100 * MS));
    Host.Listening l = w.server.listen(80, 4);
    Connection c = w.client.connect(Addresses.parse("10.0.0.2"), 80, 0);
    w.run(100 * MS, () -> { });
    Connection s = l.accept();
    assertThat(c.state()).isEqualTo(TcpState.ESTABLISHED);
    int[] read = {0};
    int sentSoFar = 0;
    for (int size : List.of(1, 7, 100)) {
      assertThat(c.send(new byte[size], w.now)).isEqualTo(size);
      sentSoFar += size;
      w.run(w.now + 10_000 * MS, () -> read[0] += s.read(1 << 16, w.now).length);
      assertThat(read[0]).as("octets delivered 10 s after a SEND of %d", size).isEqualTo(sentSoFar);
    }
    // Each SEND went out as its own segment: none waited to be joined with the next one's text.
    assertThat(w.fromClient.stream().filter(x -> x.length() > 0).map(Segment::length)).containsExactly(1, 7, 100);
  }
}
