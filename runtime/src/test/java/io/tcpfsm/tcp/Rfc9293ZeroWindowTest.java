package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 9293 3.8.6.1, Zero-Window Probing, on two hosts (the requirement ids are named in
 * rfc9293-requirements.tsv, which points here): the server's application reads nothing for 20 s
 * while the client has 10,000 octets to send into the server's 4,096-octet buffer. Expected
 * values are the RFC's (and RFC 6298's one-second minimum RTO), not the runtime's.
 */
class Rfc9293ZeroWindowTest {
  private static final long MS = 1_000_000L;
  private static final int BUFFER = 4096;
  private static final int BYTES = 10_000;
  private static final long READ_AT = 20_000 * MS;

  /** A segment as sent, with the virtual time it was sent at. */
  private record Sent(long at, Segment segment) {}

  private final List<Sent> fromClient = new ArrayList<>();
  private final List<Sent> fromServer = new ArrayList<>();
  /** The octet after the server's buffer is full: the client's ISN + 1 (SYN) + BUFFER. */
  private long edge;
  private int delivered;

  @BeforeEach
  void serverReadsNothingFor20Seconds() {
    // Window scale 0, so the header's window field is the receive window in octets.
    TcpConfig server = TcpConfig.defaults().withBuffers(BUFFER, BUFFER, 0).withTwoMsl(100 * MS);
    TwoHosts w = new TwoHosts(TcpConfig.defaults().withTwoMsl(100 * MS), server);
    w.dropToServer = s -> !fromClient.add(new Sent(w.now, s)); // records, drops nothing
    w.rewriteToClient = p -> {
      fromServer.add(new Sent(w.now, TwoHosts.segment(p)));
      return p;
    };
    Host.Listening l = w.server.listen(80, 4);
    Connection c = w.client.connect(Addresses.parse("10.0.0.2"), 80, 0);
    Connection[] s = new Connection[1];
    int[] sent = {0};
    w.run(60_000 * MS, () -> {
      s[0] = s[0] == null ? l.accept() : s[0];
      if (c.state() == TcpState.ESTABLISHED && sent[0] < BYTES) {
        sent[0] += c.send(new byte[BYTES - sent[0]], w.now);
        if (sent[0] == BYTES) {
          c.close(w.now);
        }
      }
      if (s[0] != null && w.now >= READ_AT) {
        delivered += s[0].read(1 << 20, w.now).length;
        if (s[0].state() == TcpState.CLOSE_WAIT) {
          s[0].close(w.now);
        }
      }
    });
    assertThat(c.state()).isEqualTo(TcpState.CLOSED);
    edge = (fromClient.get(0).segment().seq() + 1L + BUFFER) & 0xFFFF_FFFFL;
  }

  /** When the server first told the client its window was zero. */
  private long closedAt() {
    return fromServer.stream().filter(s -> s.segment().window() == 0).mapToLong(Sent::at).min().orElseThrow();
  }

  /** Client segments with text at or beyond {@link #edge}: what the closed window did not admit. */
  private java.util.stream.Stream<Sent> beyondTheWindow() {
    return fromClient.stream().filter(s -> s.segment().length() > 0 && ((s.segment().seq() - edge) & 0xFFFF_FFFFL) < 1L << 31);
  }

  @Test
  void may8_theOfferedWindowStaysClosedWhileTheApplicationDoesNotRead() {
    // "A TCP implementation MAY keep its offered receive window closed indefinitely (MAY-8)."
    // RCV.WND is the room left in the buffer (RFC 9293 3.3.1), none once 4,096 octets wait
    // unread: from then until the read every segment offers 0 and accepts nothing beyond it.
    long closed = closedAt();
    int first = fromServer.indexOf(fromServer.stream().filter(s -> s.segment().window() == 0).findFirst().orElseThrow());
    List<Segment> whileClosed = fromServer.subList(first, fromServer.size()).stream().filter(s -> s.at() < READ_AT).map(Sent::segment).toList();
    assertThat(whileClosed).hasSizeGreaterThan(2).allSatisfy(s -> {
      assertThat(s.window()).isZero();
      assertThat(s.ack() & 0xFFFF_FFFFL).isEqualTo(edge);
    });
    assertThat(closed).isLessThan(1000 * MS); // it closed at once, and stayed closed for 19 s
    assertThat(delivered).isEqualTo(BYTES); // and nothing was lost once the application read
  }

  @Test
  void must35_must36_aZeroWindowIsProbedWithOneOctetBeyondIt() {
    // "The sending TCP peer must regularly transmit at least one octet of new data (if
    // available) ... even if the send window is zero, in order to "probe" the window ...
    // Probing of zero (offered) windows MUST be supported (MUST-36)"; "If the window shrinks to
    // zero, the TCP implementation MUST probe it in the standard way (MUST-35)."
    List<Segment> probes = beyondTheWindow().filter(s -> s.at() < READ_AT).map(Sent::segment).toList();
    // Regularly: RTO 1 s, doubling (SHLD-30), gives probes near 1, 2, 4, 8 and 16 s in 19 s.
    assertThat(probes).hasSizeGreaterThanOrEqualTo(3).allSatisfy(p -> {
      assertThat(p.seq() & 0xFFFF_FFFFL).isEqualTo(edge);
      assertThat(p.length()).isEqualTo(1);
    });
  }

  @Test
  void shld29_theFirstProbeGoesOneRetransmissionTimeoutAfterTheWindowClosed() {
    // "The transmitting host SHOULD send the first zero-window probe when a zero window has
    // existed for the retransmission timeout period (SHLD-29)." Over this link the RTT is a few
    // milliseconds, so RFC 6298 (2.4) makes the RTO its minimum, 1 second.
    long closed = closedAt();
    long firstProbe = beyondTheWindow().mapToLong(Sent::at).min().orElseThrow();
    assertThat(firstProbe - closed).isBetween(1000 * MS, 1010 * MS);
  }
}
