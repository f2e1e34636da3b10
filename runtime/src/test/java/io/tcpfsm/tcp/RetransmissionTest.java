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

  /**
   * RFC 5681 4.2: "A TCP receiver SHOULD send an immediate duplicate ACK when an out-of-order
   * segment arrives" and "an immediate ACK when the incoming segment fills in all or part of a gap
   * in the sequence space": the first of three segments is lost, the two behind it draw one
   * duplicate ACK each, and its retransmission one ACK of all three, not one per segment let
   * through (which a sender without timestamps reads as three round trips as long as its RTO).
   */
  @Test
  void aRetransmissionThatFillsAGapIsAnsweredByOneCumulativeAck() {
    int[] dropped = {0};
    TwoHosts w = losingFirst(s -> s.length() > 0, dropped);
    Host.Listening l = w.server.listen(80, 4);
    Connection c = w.client.connect(Addresses.parse("10.0.0.2"), 80, 0);
    w.run(50 * MS, () -> {});
    assertThat(l.accept()).isNotNull();
    long firstOctet = (w.fromClient.get(0).seq() + 1L) & 0xFFFF_FFFFL;
    int handshake = w.fromServer.size();
    c.send(new byte[3 * 1460], w.now); // RFC 5681's initial window for MSS 1460: 3 segments
    w.run(3_000 * MS, () -> {});
    assertThat(dropped[0]).isEqualTo(1);
    assertThat(c.retransmissions()).isEqualTo(1);
    assertThat(w.fromServer.subList(handshake, w.fromServer.size()))
        .allMatch(s -> s.flags() == Segment.ACK && s.length() == 0)
        .extracting(s -> ((s.ack() & 0xFFFF_FFFFL) - firstOctet) & 0xFFFF_FFFFL)
        .containsExactly(0L, 0L, 3 * 1460L);
  }
}
