package io.tcpfsm.tcp;

import io.tcpfsm.congestion.DuplicateAck;
import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.rto.RttSampler;
import io.tcpfsm.wire.Segment;

/**
 * The sending side of a {@link Connection} after each event: what an advance of SND.UNA means for
 * the retransmission queue, the RTT, the timers and the congestion window (RFC 6298, RFC 5681),
 * then whatever the windows now allow is sent, a waiting CLOSE issued and held text processed.
 * The machine decides every segment's control bits and sequence numbers; this decides only when a
 * SEND or a waiting CLOSE is issued again, and the retransmissions congestion control asks for.
 *
 * <p>Static methods on the connection, as in {@link SegmentArrival}, so the split costs no memory.
 */
final class Sender {
  private Sender() {}

  /**
   * What follows an event on the runtime's side: the retransmission queue, RTT, timers and
   * congestion window follow SND.UNA (RFC 6298 5.2/5.3, RFC 5681); then whatever the windows now
   * allow is sent, a waiting CLOSE issued, and held text processed. {@code una} and {@code wnd}
   * are SND.UNA and SND.WND before the event; {@code ackFlag} and {@code window} are the arriving
   * segment's, if any.
   */
  static void afterEvent(Connection c, long una, long wnd, boolean ackFlag, int window) {
    if (c.deleted) {
      return;
    }
    Tcb tcb = c.tcb;
    int acked = Tcb.diff(tcb.sndUna, una);
    boolean retransmitted = false;
    if (acked > 0) {
      int data = c.sendBuffer.acknowledge(tcb.sndUna);
      long sample = c.rtt.acknowledged((int) tcb.sndUna, c.now);
      if (sample != RttSampler.NO_SAMPLE) {
        c.retransmitTimer.estimator().sample(sample, false);
      }
      c.retransmitTimer.acknowledged(c.now, true, tcb.sndUna == tcb.sndNxt);
      c.consecutiveTimeouts = 0;
      if (c.congestion != null && data > 0
          && c.congestion.onAck((int) tcb.sndUna, data, c.flight()).retransmit()) {
        c.runner.retransmitFront(false);
        retransmitted = true;
      }
      if (ConnectionTimers.isScheduled(c, ConnectionTimers.Kind.USER)) {
        ConnectionTimers.schedule(c, ConnectionTimers.Kind.USER, c.now + c.config.userTimeoutNanos()); // progress: R2 counts from here
      }
    } else if (c.segmentEvent && c.congestion != null && c.isSynchronized()
        && DuplicateAck.test(c.flight() > 0, c.text.length, ackFlag, false, false,
            (int) tcb.segAck, (int) tcb.sndUna, window, c.lastWindow)
        && c.congestion.onDuplicateAck((int) tcb.segAck, c.flight(), (int) tcb.sndNxt).retransmit()) {
      c.runner.retransmitFront(false);
      retransmitted = true;
    }
    if (c.segmentEvent && c.isSynchronized()) {
      zeroWindow(c, acked, wnd, ackFlag, window, retransmitted);
    }
    if (c.segmentEvent) {
      c.lastWindow = window;
    }
    ConnectionTimers.sync(c);
    pump(c);
  }

  /**
   * What an arriving segment means for a zero send window (RFC 9293 3.8.6.1). {@code acked} is how
   * far it moved SND.UNA, {@code wnd} SND.WND before it.
   */
  private static void zeroWindow(Connection c, int acked, long wnd, boolean ackFlag, int window, boolean retransmitted) {
    Tcb tcb = c.tcb;
    if (wnd == 0 && tcb.sndWnd > 0 && c.flight() > 0 && !retransmitted) {
      // The window reopened. What went out while it was shut (the probe octet) was refused: "When
      // the receiving TCP peer has a zero window and a segment arrives, it must still send an
      // acknowledgment showing its next expected sequence number" (3.8.6.1), so SND.UNA is where
      // the offered window now starts (3.8.6: it is "the range of sequence numbers the sender of
      // the window ... is currently prepared to accept"). The sender "SHOULD retransmit normally
      // the old unacknowledged data between SND.UNA and SND.UNA+SND.WND (SHLD-16)": now, not when
      // the backed-off retransmission timer next expires (a 12 s stall before this). Linux has no
      // such hole to fill: its probe is a zero-length segment at SND.UNA-1 (tcp_xmit_probe_skb);
      // RFC 9293's probe is "at least one octet of new data", which SND.NXT moves past.
      c.runner.retransmitFront(false);
    } else if (ackFlag && acked == 0 && window == 0 && tcb.sndWnd == 0 && tcb.segAck == tcb.sndUna && c.flight() > 0) {
      // The peer answered a probe with its zero window. "As long as the receiving TCP peer
      // continues to send acknowledgments in response to the probe segments, the sending TCP peer
      // MUST allow the connection to stay open (MUST-37)": the probes' retransmission timeouts are
      // not R2's unanswered retransmissions (RFC 1122 4.2.3.5), and the user timeout waits again.
      // Linux does the same (tcp_timer.c, tcp_probe_timer: "reset icsk_probes_out with incoming
      // ACKs"). A peer that stops answering is still given up after R2 timeouts.
      c.consecutiveTimeouts = 0;
      if (ConnectionTimers.isScheduled(c, ConnectionTimers.Kind.USER)) {
        ConnectionTimers.schedule(c, ConnectionTimers.Kind.USER, c.now + c.config.userTimeoutNanos());
      }
    }
  }

  /** Sends what the windows allow, issues a waiting CLOSE, and processes held text now in order. */
  static void pump(Connection c) {
    for (int guard = 0; guard < 100_000 && !c.deleted; guard++) {
      if ((c.state == TcpState.ESTABLISHED || c.state == TcpState.CLOSE_WAIT) && c.runner.sendable() > 0) {
        c.call(TcpEvent.SEND);
        continue;
      }
      if (c.closePending && c.sendBuffer.after(c.tcb.sndNxt) == 0 && c.isSynchronized()) {
        c.closePending = false;
        c.issuingPendingClose = true;
        try {
          c.call(TcpEvent.CLOSE);
        } finally {
          c.issuingPendingClose = false;
        }
        continue;
      }
      Segment next = SegmentArrival.nextHeld(c);
      if (next != null) {
        SegmentArrival.arrive(c, next, c.now);
        continue;
      }
      break;
    }
    if (!c.deleted && c.isSynchronized() && c.tcb.sndWnd == 0 && c.sendBuffer.after(c.tcb.sndNxt) > 0
        && !c.retransmitTimer.isRunning() && !ConnectionTimers.isScheduled(c, ConnectionTimers.Kind.PERSIST)) {
      // RFC 9293 3.8.6.1: a zero window is probed, so a lost window update cannot stall us forever.
      ConnectionTimers.schedule(c, ConnectionTimers.Kind.PERSIST, c.now + c.retransmitTimer.estimator().rto());
    }
  }
}
