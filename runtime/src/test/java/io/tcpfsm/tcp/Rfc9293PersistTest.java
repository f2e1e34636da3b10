package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9293 3.8.6 and 3.8.6.1 on two hosts, after the window is closed and probed: what happens
 * when it reopens, and how long the sender keeps probing (the requirement ids are named in
 * rfc9293-requirements.tsv, which points here). The server's application reads nothing until
 * {@code readAt} while the client has 10,000 octets for the server's 4,096-octet buffer; from
 * then on it reads everything. Expected values are the RFCs' (and RFC 6298's RTO bounds), not the
 * runtime's.
 */
class Rfc9293PersistTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1000 * MS;
  private static final int BUFFER = 4096;
  private static final int BYTES = 10_000;

  /** A segment as sent, with the virtual time it was sent at. */
  private record Sent(long at, Segment segment) {}

  /** What one run shows. */
  private static final class Run {
    final List<Sent> fromClient = new ArrayList<>();
    final List<Sent> fromServer = new ArrayList<>();
    Connection client;
    /** The client's state just before the server's application first reads. */
    TcpState clientBeforeRead;
    int delivered;
    /** When the server's application had read all {@link #BYTES}; -1 if never. */
    long doneAt = -1;
    /** The octet after the server's buffer is full: the client's ISN + 1 (SYN) + BUFFER. */
    long edge;

    /** Client segments with text at or beyond {@link #edge}, sent in [from, to). */
    List<Sent> beyondTheWindow(long from, long to) {
      return fromClient.stream().filter(s -> s.at() >= from && s.at() < to && s.segment().length() > 0
          && ((s.segment().seq() - edge) & 0xFFFF_FFFFL) < 1L << 31).toList();
    }
  }

  private static Run transfer(long readAt, long until) {
    return transfer(readAt, until, Long.MAX_VALUE);
  }

  /** As {@link #transfer(long, long)}; client segments sent from {@code silentFrom} on are lost. */
  private static Run transfer(long readAt, long until, long silentFrom) {
    Run r = new Run();
    TcpConfig server = TcpConfig.defaults().withBuffers(BUFFER, BUFFER, 0).withTwoMsl(100 * MS);
    TwoHosts w = new TwoHosts(TcpConfig.defaults().withTwoMsl(100 * MS), server);
    w.dropToServer = s -> r.fromClient.add(new Sent(w.now, s)) && w.now >= silentFrom; // records every one
    w.rewriteToClient = p -> {
      r.fromServer.add(new Sent(w.now, TwoHosts.segment(p)));
      return p;
    };
    Host.Listening l = w.server.listen(80, 4);
    Connection c = w.client.connect(Addresses.parse("10.0.0.2"), 80, 0);
    r.client = c;
    Connection[] s = new Connection[1];
    int[] sent = {0};
    w.run(until, () -> {
      s[0] = s[0] == null ? l.accept() : s[0];
      if (c.state() == TcpState.ESTABLISHED && sent[0] < BYTES) {
        sent[0] += c.send(new byte[BYTES - sent[0]], w.now);
        if (sent[0] == BYTES) {
          c.close(w.now);
        }
      }
      if (w.now == readAt - MS) {
        r.clientBeforeRead = c.state();
      }
      if (s[0] != null && w.now >= readAt) {
        r.delivered += s[0].read(1 << 20, w.now).length;
        if (r.delivered == BYTES && r.doneAt < 0) {
          r.doneAt = w.now;
        }
        if (s[0].state() == TcpState.CLOSE_WAIT) {
          s[0].close(w.now);
        }
      }
    });
    r.edge = (r.fromClient.get(0).segment().seq() + 1L + BUFFER) & 0xFFFF_FFFFL;
    return r;
  }

  @Test
  void shld16_aReopenedWindowResumesAtSndUnaWithoutWaitingForTheRetransmissionTimeout() {
    // RFC 9293 3.8.6: "The window sent in each segment indicates the range of sequence numbers
    // the sender of the window (the data receiver) is currently prepared to accept", and of
    // unacknowledged data the sender "SHOULD retransmit normally the old unacknowledged data
    // between SND.UNA and SND.UNA+SND.WND (SHLD-16)". The probe octet at the edge was refused
    // ("When the receiving TCP peer has a zero window and a segment arrives, it must still send
    // an acknowledgment showing its next expected sequence number", 3.8.6.1), so the window
    // update that reopens the window starts at it: the client sends it again at once, and the
    // rest follows. Probes went near 1, 2, 4, 8 and 16 s, so the client's backed-off RTO next
    // expires near 32 s; RFC 6298 (2.4) puts any RTO at 1 s or more, so a transfer that ends
    // within 1 s of the update had no retransmission timeout in it (it stalled 12 s before).
    long readAt = 20 * SECOND;
    Run r = transfer(readAt, 60 * SECOND);
    Sent update = r.fromServer.stream().filter(s -> s.at() >= readAt && s.segment().window() > 0).findFirst().orElseThrow();
    assertThat(update.segment().ack() & 0xFFFF_FFFFL).isEqualTo(r.edge); // the probe octet was not taken
    Sent next = r.fromClient.stream().filter(s -> s.at() >= update.at() && s.segment().length() > 0).findFirst().orElseThrow();
    assertThat(next.segment().seq() & 0xFFFF_FFFFL).isEqualTo(r.edge);
    assertThat(next.at() - update.at()).isLessThan(10 * MS); // one hop of this link is 1 ms
    assertThat(r.doneAt - update.at()).isPositive().isLessThan(SECOND);
    assertThat(r.client.state()).isEqualTo(TcpState.CLOSED);
  }

  @Test
  void must37_aWindowHeldShutForFifteenMinutesWhileProbesAreAnsweredKeepsTheConnectionOpen() {
    // RFC 9293 3.8.6.1: "A TCP implementation MAY keep its offered receive window closed
    // indefinitely (MAY-8). As long as the receiving TCP peer continues to send acknowledgments
    // in response to the probe segments, the sending TCP peer MUST allow the connection to stay
    // open (MUST-37)." The server answers every probe (it "must still send an acknowledgment
    // showing its next expected sequence number and current window (zero)") for 15 minutes:
    // longer than the client's user timeout (5 minutes, TcpConfig.defaults) and than R2's 15
    // retransmissions on RFC 6298's backoff (2, 4, 8 ... s, then every 60 s: past R2 near 664 s).
    long readAt = 900 * SECOND;
    Run r = transfer(readAt, readAt + 60 * SECOND);
    assertThat(r.clientBeforeRead).isEqualTo(TcpState.ESTABLISHED);
    assertThat(r.client.signals()).noneMatch(s -> s.startsWith("error"));
    // Still probing in the last minute ("must regularly transmit", MUST-36; RFC 6298 (2.5) lets
    // the backed-off interval grow to 60 s at least), and every probe was answered.
    List<Sent> lastMinute = r.beyondTheWindow(readAt - 61 * SECOND, readAt);
    assertThat(lastMinute).isNotEmpty();
    for (Sent probe : lastMinute) {
      assertThat(r.fromServer).anySatisfy(a -> {
        assertThat(a.at()).isBetween(probe.at(), probe.at() + 10 * MS);
        assertThat(a.segment().window()).isZero();
      });
    }
    // Once the window opens, the transfer completes and the connection closes as usual.
    assertThat(r.delivered).isEqualTo(BYTES);
    assertThat(r.client.state()).isEqualTo(TcpState.CLOSED);
    assertThat(r.client.history()).containsSubsequence(TcpState.ESTABLISHED, TcpState.FIN_WAIT1, TcpState.FIN_WAIT2, TcpState.TIME_WAIT, TcpState.CLOSED);
  }

  @Test
  void shld30_theIntervalBetweenSuccessiveProbesGrowsExponentially() {
    // RFC 9293 3.8.6.1: the sender "SHOULD increase exponentially the interval between successive
    // probes (SHLD-30)"; RFC 6298 (5.5) doubles the timer at each expiry, and (2.5) "A maximum
    // value MAY be placed on RTO provided it is at least 60 seconds". The probes the persist timer
    // sends are those not sent straight after an ACK of the server (an answered probe's ACK may
    // also count as a duplicate ACK, RFC 5681 2, and start a fast retransmission at once).
    long readAt = 400 * SECOND;
    Run r = transfer(readAt, readAt + 10 * SECOND);
    List<Long> timed = r.beyondTheWindow(0, readAt).stream().map(Sent::at)
        .filter(at -> r.fromServer.stream().noneMatch(a -> a.at() <= at && at - a.at() < 10 * MS)).toList();
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < timed.size(); i++) {
      gaps.add(timed.get(i) - timed.get(i - 1));
    }
    assertThat(gaps).hasSizeGreaterThan(6);
    int doubled = 0;
    for (int i = 1; i < gaps.size(); i++) {
      long before = gaps.get(i - 1);
      long now = gaps.get(i);
      if (before < 60 * SECOND) {
        // Twice the last interval, or the cap once that is reached (never below 60 s).
        assertThat(now).as("probe interval %d after %d ms (all: %s)", i, before / MS, gaps)
            .isBetween(Math.min(2 * before, 60 * SECOND) - 10 * MS, 2 * before + 10 * MS);
        doubled++;
      } else {
        assertThat(now).as("capped at 60 s or more").isGreaterThanOrEqualTo(60 * SECOND - 10 * MS);
      }
    }
    assertThat(doubled).as("intervals that doubled before the cap").isGreaterThanOrEqualTo(4);
  }

  @Test
  void must20_aPeerThatStopsAnsweringTheProbesIsStillGivenUp() {
    // The other half of MUST-37: it asks for the connection to stay open only "as long as the
    // receiving TCP peer continues to send acknowledgments in response to the probe segments".
    // Here the server answers the probes near 1, 2 and 4 s, then hears nothing more (everything
    // the client sends from 5 s on is lost). RFC 9293 3.8.3 (MUST-20): "When the number of
    // transmissions of the same segment reaches a threshold R2 greater than R1, close the
    // connection"; and 3.10.8: "if the user timeout expires, flush all queues, signal the user
    // "error: connection aborted due to user timeout"". With a 5-minute user timeout the client
    // gives up near 304 s, well within 15 minutes.
    Run r = transfer(Long.MAX_VALUE, 900 * SECOND, 5 * SECOND);
    assertThat(r.beyondTheWindow(0, 5 * SECOND)).hasSizeGreaterThanOrEqualTo(2); // answered probes first
    assertThat(r.client.state()).isEqualTo(TcpState.CLOSED);
    assertThat(r.client.signals()).contains("error: connection aborted due to user timeout");
    long lastSent = r.fromClient.get(r.fromClient.size() - 1).at();
    assertThat(lastSent).isLessThan(900 * SECOND - 60 * SECOND);
  }
}
