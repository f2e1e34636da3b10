package io.tcpfsm.tcp;

import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * SEGMENT ARRIVES (RFC 9293 3.10.7) for a {@link Connection}: the segment's fields become SEG.*,
 * a SYN's options are read, and the segment becomes a machine event. What the RFC leaves to the
 * implementation is decided here, before the machine sees the segment: text beyond RCV.NXT is held
 * until the gap before it fills (the hold queue), only the new part of a segment that is partly old
 * is processed, and text beyond the receive window is cut off.
 *
 * <p>Static methods on the connection, not an object of its own: an idle connection should cost
 * no more memory for being split into files (BENCHMARKS.md, "Runtime: connections").
 */
final class SegmentArrival {
  /** Out-of-order segments a connection holds at most; more are dropped (the peer sends them again). */
  private static final int MAX_HELD = 256;
  private static final byte[] NO_TEXT = new byte[0];

  private SegmentArrival() {}

  /**
   * SEGMENT ARRIVES (RFC 9293 3.10.7) at {@code c}, and the held segments it lets through. The
   * ACKs their steps send are one ACK, sent last ({@link ActionRunner#coalescing}): a segment
   * that fills a gap is answered by one cumulative ACK, as RFC 5681 4.2 ("an immediate ACK when
   * the incoming segment fills in all or part of a gap") and every common stack do. One ACK per
   * released segment, within a millisecond, made a sender without timestamps take the wait for its
   * retransmission as the round-trip time of each segment after it (Karn's rule excludes only
   * the retransmitted one): Linux's RTO grew to its 120 s ceiling over TUN with 1% loss.
   */
  static void arrive(Connection c, Segment s, long at) {
    if (c.runner.coalescing) {
      process(c, s, at); // a held segment, let through within the arrival that filled its gap
      return;
    }
    c.runner.coalescing = true;
    try {
      process(c, s, at);
    } finally {
      c.runner.coalescing = false;
      c.runner.flushAck();
    }
  }

  private static void process(Connection c, Segment s, long at) {
    c.now = at;
    if (c.deleted) {
      return;
    }
    KeepAlives.heard(c, at);
    Tcb tcb = c.tcb;
    c.segmentEvent = true;
    int flags = s.flags();
    byte[] payload = new byte[s.length()];
    s.payload().get(payload);
    tcb.segSeq = s.seq() & 0xFFFF_FFFFL;
    tcb.segAck = s.ackFlag() ? s.ack() & 0xFFFF_FFFFL : 0;
    tcb.segLen = s.segLen();
    // RFC 7323 2.3: "The window field (SEG.WND) in the header of every incoming segment, with the
    // exception of <SYN> segments, MUST be left-shifted by Snd.Wind.Shift bits".
    tcb.segWnd = s.syn() ? s.window() : (long) s.window() << c.sndScale;
    if (s.syn()) {
      SynOptions.read(c, s);
    }
    c.text = payload;
    long una = tcb.sndUna;
    long wnd = tcb.sndWnd;
    boolean rcvNxtKnown = c.isSynchronized() || c.state == TcpState.SYN_RECV;
    if (rcvNxtKnown && tcb.segLen > 0 && !s.rst() && !s.syn()) {
      int ahead = Tcb.diff(tcb.segSeq, tcb.rcvNxt);
      // Text or a FIN beyond RCV.NXT waits for the gap before it to fill (not after the peer's FIN).
      if (ahead > 0 && Connection.holdsText(c.state) && SegmentClassifier.seqAcceptable(tcb.segSeq, tcb.segLen, tcb.rcvNxt, c.receiveBuffer.window())) {
        // Text beyond RCV.NXT waits for the gap to fill (RFC 9293 3.10.7.4: segments "may be held
        // for later processing"); its ACK field is processed now, without the text.
        hold(c, s);
        c.text = NO_TEXT;
        tcb.segLen = 0;
        flags &= ~Segment.FIN;
        long sent = c.runner.transmitted;
        c.run(TcpEvent.fromHeader(flags));
        boolean answered = c.runner.transmitted != sent; // the model's own ACK (e.g. linux's TIME-WAIT)
        Sender.afterEvent(c, una, wnd, s.ackFlag(), s.window());
        // RFC 5681 4.2: "A TCP receiver SHOULD send an immediate duplicate ACK when an
        // out-of-order segment arrives"; one, not a second after the model's.
        if (!c.deleted && !answered && (c.isSynchronized() || c.state == TcpState.SYN_RECV)) {
          c.runner.sendAck();
        }
        return;
      }
      if (ahead < 0) {
        // Only the new part is processed (RFC 793 p.69: "only the new parts should be processed").
        int old = Math.min(-ahead, payload.length);
        if (old < payload.length || (flags & Segment.FIN) != 0) {
          c.text = Arrays.copyOfRange(payload, old, payload.length);
          tcb.segSeq = Tcb.add(tcb.segSeq, old);
          tcb.segLen -= old;
        }
      }
    }
    if (c.isSynchronized() && c.text.length > c.receiveBuffer.window()
        && SegmentClassifier.seqAcceptable(tcb.segSeq, tcb.segLen, tcb.rcvNxt, c.receiveBuffer.window())) {
      // Text beyond the window's right edge is not accepted, and a FIN after it not seen.
      int fit = c.receiveBuffer.window();
      tcb.segLen = fit;
      c.text = Arrays.copyOf(c.text, fit);
      flags &= ~Segment.FIN;
    }
    c.run(TcpEvent.fromHeader(flags));
    Sender.afterEvent(c, una, wnd, s.ackFlag(), s.window());
  }

  /** Keeps a copy of an out-of-order segment, up to {@link #MAX_HELD} of them. */
  private static void hold(Connection c, Segment s) {
    if (c.held == null) {
      c.held = new ArrayList<>();
    }
    if (c.held.size() < MAX_HELD) {
      byte[] copy = new byte[s.length()];
      s.payload().get(copy);
      c.held.add(s.toBuilder().payload(ByteBuffer.wrap(copy)).build()); // not a view of a packet buffer someone may reuse
    }
  }

  /**
   * The held segment that now starts at or before RCV.NXT, removed from the queue; null when none.
   * Held segments now wholly old are dropped; the queue itself is dropped once empty.
   */
  static Segment nextHeld(Connection c) {
    if (!c.isSynchronized() || c.held == null) {
      return null;
    }
    if (c.held.isEmpty()) {
      c.held = null;
      return null;
    }
    for (int i = 0; i < c.held.size(); i++) {
      Segment s = c.held.get(i);
      long end = Tcb.add(s.seq() & 0xFFFF_FFFFL, s.segLen());
      if (Tcb.diff(end, c.tcb.rcvNxt) <= 0) {
        c.held.remove(i--); // wholly old now
      } else if (Tcb.diff(s.seq() & 0xFFFF_FFFFL, c.tcb.rcvNxt) <= 0) {
        c.held.remove(i);
        return s;
      }
    }
    return null;
  }
}
