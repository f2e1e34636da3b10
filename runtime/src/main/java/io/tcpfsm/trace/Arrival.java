package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.machine.TcpMachine;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.machine.TcpStep;
import io.tcpfsm.wire.Segment;

/**
 * A captured segment arriving at one candidate of its receiver: the profile's machine steps on it,
 * as a runtime Connection would, and what the step sends becomes owed to the capture. The segment is
 * presented as the runtime presents it (spec/tcp.fsm's header): text beyond RCV.NXT is held and
 * only its ACK field processed now, answered by a duplicate ACK (RFC 9293 3.10.7.4 "Segments with
 * higher beginning sequence numbers SHOULD be held"; RFC 5681 4.2); text that straddles RCV.NXT is
 * trimmed to its new part.
 */
final class Arrival {
  private static final int CONTROL = TraceSegment.CONTROL;

  private Arrival() {}

  /** {@code in} after {@code s} arrived; {@code rcvWnd} is the window the receiver last offered, {@code segWnd} the segment's, scaled. */
  static Candidate arrive(TcpMachine m, boolean rfc5961, Candidate in, TraceSegment s, long rcvWnd, long segWnd, Coverage coverage) {
    return arriveAt(m, rfc5961, in.copy(), s, rcvWnd, segWnd, coverage);
  }

  /** As {@link #arrive}, changing {@code c} itself (tier 0 has no other use for it): no copy. */
  static Candidate arriveAt(TcpMachine m, boolean rfc5961, Candidate c, TraceSegment s, long rcvWnd, long segWnd, Coverage coverage) {
    int flags = s.flags() & CONTROL;
    long seq = s.seq();
    long dataLen = s.dataLen();
    boolean held = false;
    if (synchronizedState(c.state) && c.knows(Candidate.U_RCV) && (flags & (Segment.RST | Segment.SYN)) == 0) {
      int off = Seq.diff(seq, c.rcvNxt);
      long len = s.segLen();
      if (off > 0 && len > 0 && Guards.seqAcceptable(seq, len, c.rcvNxt, rcvWnd)) {
        held = true;
        long end = Seq.add(seq, dataLen);
        if (Seq.diff(end, c.rcvHigh) > 0) {
          c.rcvHigh = end;
        }
        if (dataLen > 0) {
          c.held = c.held.plus(seq, end, c.rcvNxt);
        }
        c.pushHistory(seq);
        c.pushHistory(end);
        if ((flags & Segment.FIN) != 0) {
          c.heldFin = end;
          c.heldFinAck = s.ack();
        }
        flags &= ~Segment.FIN;
        dataLen = 0;
      } else if (off < 0 && off + len > 0) {
        // "If a segment's contents straddle the boundary between old and new, only the new parts are processed" (RFC 9293 3.10.7.4)
        dataLen = Math.max(0, dataLen + off);
        seq = c.rcvNxt;
      }
    }
    TcpEvent event = TcpEvent.fromHeader(flags);
    c.segSeq = seq;
    c.segAck = s.ack();
    c.segLen = dataLen + ((flags & Segment.SYN) != 0 ? 1 : 0) + ((flags & Segment.FIN) != 0 ? 1 : 0);
    c.segWnd = segWnd;
    TcpState from = c.state;
    int needed = m.needed(from, event);
    int guards = Guards.eval(c, needed, dataLen > 0, rcvWnd, rfc5961);
    TcpStep step = m.step(from, event, guards);
    coverage.cell(from, event, guards & needed, step.rule());
    Apply.run(c, step.rule(), true);
    c.state = step.target();
    c.lastRule = step.rule();
    if (held && c.state != TcpState.CLOSED) {
      // RFC 5681 4.2: "an immediate duplicate ACK SHOULD be sent when an out-of-order segment arrives"
      c.addOwed(new Owed(Segment.ACK, c.sndNxt, c.rcvNxt, step.rule()));
    }
    if (from == TcpState.LISTEN && c.state == TcpState.SYN_RECV) {
      c.passiveOpen = true;
    }
    if (c.state == TcpState.CLOSED && from != TcpState.CLOSED) {
      return closeAt(c); // c is this call's own (see arriveAt): no copy
    }
    if (c.state == TcpState.LISTEN && from != TcpState.LISTEN) {
      Candidate l = new Candidate(TcpState.LISTEN, Candidate.U_SND | Candidate.U_RCV | Candidate.U_ISS);
      l.owed = c.owed;
      if (c.owed.owner != null) {
        c.owed.owner = null; // shared (c itself is done with, but no list changes under anyone's feet)
      }
      // Its hidden events stay counted: a hypothesis is no likelier for having returned to LISTEN, and
      // TieredCheck's tier 0 rests on a hypothesis's cost never falling.
      l.losses = c.losses;
      l.crossings = c.crossings;
      l.copies = c.copies;
      l.assumedFin = c.assumedFin;
      l.corrupted = c.corrupted;
      l.lastRule = c.lastRule;
      return l;
    }
    if (c.knows(Candidate.U_RCV) && Seq.diff(c.rcvNxt, c.rcvHigh) > 0) {
      c.rcvHigh = c.rcvNxt;
    }
    if (c.held != HeldText.NONE) {
      c.held = c.held.from(c.rcvNxt, c.rcvHigh); // the rule may have moved RCV.NXT over held text without setRcvNxt's history
    }
    if (c.heldFin != -1 && Seq.diff(c.rcvNxt, c.heldFin) > 0) {
      c.heldFin = -1;
    }
    if (c.heldFin != -1 && c.rcvNxt == c.heldFin && synchronizedState(c.state)) {
      // The gap before a held FIN is filled: the FIN is processed now, as if it arrived in order.
      TraceSegment fin = new TraceSegment(s.frame(), s.fromA(), Segment.FIN | Segment.ACK, c.heldFin, c.heldFinAck, 0, -1, 0, false);
      c.heldFin = -1;
      return arrive(m, rfc5961, c, fin, Guards.UNKNOWN_WINDOW, c.sndWnd, coverage);
    }
    return c;
  }

  /**
   * The TCB is deleted. What it still owes the capture (a reset) survives, and its last sequence
   * numbers, so that its segments delayed on the way are recognized as sent before.
   */
  static Candidate closed(Candidate c) {
    return closeAt(c.copy());
  }

  /** As {@link #closed}, changing {@code c} itself. */
  private static Candidate closeAt(Candidate c) {
    c.state = TcpState.CLOSED;
    c.afterClose = true;
    c.passiveOpen = false;
    c.heldFin = -1;
    return c;
  }

  /** SYN-RECEIVED and every later state: RFC 9293 3.10.7.4's "Otherwise" states. */
  static boolean synchronizedState(TcpState s) {
    return s != TcpState.CLOSED && s != TcpState.LISTEN && s != TcpState.SYN_SENT;
  }
}
