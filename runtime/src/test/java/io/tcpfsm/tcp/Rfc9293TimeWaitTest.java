package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import org.junit.jupiter.api.Test;

/**
 * RFC 9293 3.10.7.4 on two hosts, TIME-WAIT's timing as the runtime keeps it (default profile). The
 * client closes first; the server's FIN reaches it. In the second run the client's ACK of that FIN
 * is lost, so the server sends its FIN again after its retransmission timeout. The RFC's TIME-WAIT
 * text says of the FIN "Acknowledge it, and restart the 2 MSL timeout", but a true retransmission
 * (SEG.SEQ = RCV.NXT-1) never gets that far: the first step finds it not acceptable ("an
 * acknowledgment should be sent in reply ... After sending the acknowledgment, drop the
 * unacceptable segment and return"), and the spec follows that reading (rule time_wait_fin_again's
 * note). Expected times come from that text and the virtual clock: TIME-WAIT ends 2 MSL after the
 * first FIN, whose arrival started it, and the retransmitted FIN is acknowledged all the same.
 */
class Rfc9293TimeWaitTest {
  private static final long MS = 1_000_000L;
  private static final long TWO_MSL = 10_000 * MS;

  /** When things happened in one run. */
  private static final class Run {
    long firstFin = -1;
    long lastFin = -1;
    int finsToClient;
    long timeWaitAt = -1;
    long closedAt = -1;
    int acksOfFin;
  }

  private static Run close(boolean loseFirstAckOfFin) {
    Run r = new Run();
    TwoHosts w = new TwoHosts(TcpConfig.defaults().withTwoMsl(TWO_MSL), TcpConfig.defaults().withTwoMsl(TWO_MSL));
    long[] serverFinSeq = {-1};
    w.dropToClient = s -> {
      if (s.fin()) {
        r.finsToClient++;
        r.lastFin = w.now;
        r.firstFin = r.firstFin < 0 ? w.now : r.firstFin;
        serverFinSeq[0] = s.seq() & 0xFFFF_FFFFL;
      }
      return false;
    };
    w.dropToServer = s -> {
      boolean ackOfFin = serverFinSeq[0] >= 0 && !s.fin() && s.ack() == (int) (serverFinSeq[0] + 1);
      if (ackOfFin) {
        r.acksOfFin++;
      }
      return ackOfFin && loseFirstAckOfFin && r.acksOfFin == 1;
    };
    Host.Listening l = w.server.listen(80, 4);
    Connection c = w.client.connect(Addresses.parse("10.0.0.2"), 80, 0);
    Connection[] s = new Connection[1];
    boolean[] closing = {false};
    w.run(3 * TWO_MSL, () -> {
      s[0] = s[0] == null ? l.accept() : s[0];
      if (!closing[0] && c.state() == TcpState.ESTABLISHED && s[0] != null) {
        closing[0] = true;
        c.close(w.now);
      }
      if (s[0] != null && s[0].state() == TcpState.CLOSE_WAIT) {
        s[0].close(w.now);
      }
      if (r.timeWaitAt < 0 && c.state() == TcpState.TIME_WAIT) {
        r.timeWaitAt = w.now;
      }
      if (r.timeWaitAt >= 0 && r.closedAt < 0 && c.state() == TcpState.CLOSED) {
        r.closedAt = w.now;
      }
    });
    return r;
  }

  @Test
  void timeWaitLastsTwoMslAfterTheFin() {
    Run r = close(false);
    assertThat(r.finsToClient).isEqualTo(1);
    // The FIN arrives a millisecond after it is sent (one hop of this link), and TIME-WAIT starts then.
    assertThat(r.closedAt - r.firstFin).isBetween(TWO_MSL, TWO_MSL + 5 * MS);
  }

  @Test
  void aRetransmittedFinIsAcknowledgedAndLeavesTheTimerAlone() {
    Run r = close(true);
    assertThat(r.finsToClient).as("the server sends its FIN again once its ACK is lost").isEqualTo(2);
    assertThat(r.lastFin - r.firstFin).as("after the server's retransmission timeout (RFC 6298 2.4: 1 s or more)")
        .isGreaterThanOrEqualTo(1000 * MS);
    assertThat(r.acksOfFin).as("both FINs acknowledged").isEqualTo(2);
    assertThat(r.closedAt - r.firstFin).as("2 MSL from the first FIN").isBetween(TWO_MSL, TWO_MSL + 5 * MS);
  }
}
