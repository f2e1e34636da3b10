package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A lost SYN and a lost FIN are sent again when the retransmission timer expires (RFC 9293
 * 3.10.8; RFC 6298 5.4-5.6: after the initial RTO of 1 s, then after twice that).
 */
class RetransmissionTest {
  private static final long MS = 1_000_000L;

  /** Two hosts back to back whose wire loses the first client segment that {@code drop} matches, and only that one. */
  private static TwoHosts losingFirst(Predicate<Segment> drop, int[] dropped) {
    TcpConfig config = TcpConfig.defaults().withTwoMsl(100 * MS);
    TwoHosts w = new TwoHosts(config, config);
    w.dropToServer = s -> dropped[0] == 0 && drop.test(s) && ++dropped[0] == 1;
    return w;
  }

  @Test
  void aLostSynIsSentAgainAfterTheInitialRto() {
    int[] dropped = {0};
    TwoHosts w = losingFirst(Segment::syn, dropped);
    w.server.listen(80, 4);
    Connection c = w.client.connect(Addresses.parse("10.0.0.2"), 80, 0);
    w.run(999 * MS, () -> {});
    assertThat(c.state()).isEqualTo(TcpState.SYN_SENT); // RFC 6298 2.1: "RTO <- 1 second"
    w.run(1_100 * MS, () -> {});
    assertThat(c.state()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(c.retransmissions()).isEqualTo(1);
    assertThat(dropped[0]).isEqualTo(1);
  }

  @Test
  void aLostFinIsSentAgainAndTheCloseCompletes() {
    int[] dropped = {0};
    TwoHosts w = losingFirst(Segment::fin, dropped);
    Host.Listening l = w.server.listen(80, 4);
    Connection c = w.client.connect(Addresses.parse("10.0.0.2"), 80, 0);
    Connection[] s = new Connection[1];
    w.run(50 * MS, () -> s[0] = s[0] == null ? l.accept() : s[0]);
    c.close(w.now);
    w.run(200 * MS, () -> {});
    assertThat(c.state()).isEqualTo(TcpState.FIN_WAIT1); // the FIN was lost: no ACK yet
    assertThat(s[0].state()).isEqualTo(TcpState.ESTABLISHED);
    w.run(5_000 * MS, () -> {
      if (s[0].state() == TcpState.CLOSE_WAIT) {
        s[0].close(w.now);
      }
    });
    assertThat(c.retransmissions()).isEqualTo(1);
    assertThat(c.history()).endsWith(TcpState.FIN_WAIT1, TcpState.FIN_WAIT2, TcpState.TIME_WAIT, TcpState.CLOSED);
    assertThat(s[0].history()).endsWith(TcpState.CLOSE_WAIT, TcpState.LAST_ACK, TcpState.CLOSED);
  }
}
