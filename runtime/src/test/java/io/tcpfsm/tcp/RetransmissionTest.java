package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;
import java.util.ArrayDeque;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A lost SYN and a lost FIN are sent again when the retransmission timer expires (RFC 9293
 * 3.10.8; RFC 6298 5.4-5.6: after the initial RTO of 1 s, then after twice that).
 */
class RetransmissionTest {
  private static final long MS = 1_000_000L;

  /** Two hosts wired back to back; {@code drop} decides which client frames the wire loses. */
  private static final class Wire {
    final ArrayDeque<byte[]> toServer = new ArrayDeque<>();
    final ArrayDeque<byte[]> toClient = new ArrayDeque<>();
    final Host client;
    final Host server;
    int dropped;
    long now;

    Wire(Predicate<Segment> drop) {
      TcpConfig config = TcpConfig.defaults().withTwoMsl(100 * MS);
      client = new Host(Addresses.parse("10.0.0.1"), config, p -> {
        if (dropped == 0 && drop.test(segment(p))) {
          dropped++;
          return; // only the first such frame is lost
        }
        toServer.add(p);
      });
      server = new Host(Addresses.parse("10.0.0.2"), config, toClient::add);
    }

    void run(long untilNanos, Runnable app) {
      for (; now <= untilNanos; now += MS) {
        for (byte[] p; (p = toServer.poll()) != null; ) {
          server.receive(p, now);
        }
        for (byte[] p; (p = toClient.poll()) != null; ) {
          client.receive(p, now);
        }
        client.poll(now);
        server.poll(now);
        app.run();
      }
    }

    static Segment segment(byte[] packet) {
      try {
        return SegmentCodec.decode(packet, 20, packet.length - 20);
      } catch (io.tcpfsm.wire.DecodeException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void aLostSynIsSentAgainAfterTheInitialRto() {
    Wire w = new Wire(Segment::syn);
    w.server.listen(80, 4);
    Connection c = w.client.connect(Addresses.parse("10.0.0.2"), 80, 0);
    w.run(999 * MS, () -> {});
    assertThat(c.state()).isEqualTo(TcpState.SYN_SENT); // RFC 6298 2.1: "RTO <- 1 second"
    w.run(1_100 * MS, () -> {});
    assertThat(c.state()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(c.retransmissions()).isEqualTo(1);
    assertThat(w.dropped).isEqualTo(1);
  }

  @Test
  void aLostFinIsSentAgainAndTheCloseCompletes() {
    Wire w = new Wire(Segment::fin);
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
