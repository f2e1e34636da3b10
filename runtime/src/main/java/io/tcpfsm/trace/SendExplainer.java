package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpAction;
import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.machine.TcpFlags;
import io.tcpfsm.machine.TcpGuard;
import io.tcpfsm.machine.TcpMachine;
import io.tcpfsm.machine.TcpRule;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.machine.TcpStep;
import io.tcpfsm.wire.Segment;

/**
 * Explains a captured segment as something one candidate of its sender could send: a segment the
 * model owes (an answer to an arrival), or the send of a hidden step the capture cannot show: a user
 * call (OPEN, SEND, CLOSE, ABORT), a retransmission timeout, or what spec/tcp.fsm leaves to the
 * runtime (a window update, a delayed ACK, a keep-alive or zero-window probe). Sends that skip
 * sequence space are explained by segments lost before the capture point, each counted as a loss.
 * A segment is taken apart as the model's sends are: SYN, text, FIN, the ACK field.
 */
final class SendExplainer {
  private static final int CONTROL = TraceSegment.CONTROL;
  private final TcpMachine m;
  private final boolean rfc5961;
  private final Coverage coverage;
  /** The shortest TIME-WAIT the connections' endpoints are taken to keep ({@link TraceChecker#minTimeWait}). */
  long minTimeWait = TraceChecker.MIN_TIME_WAIT_NANOS;
  /** Why the last {@link #explain} returned null: built only when asked, since most rejections are never reported. */
  private java.util.function.Supplier<Expectation> why;

  SendExplainer(TcpMachine m, boolean rfc5961, Coverage coverage) {
    this.m = m;
    this.rfc5961 = rfc5961;
    this.coverage = coverage;
  }

  /** The explainer for {@code m}'s profile, counting cells in {@code coverage}: one per checker, shared by its connections (it keeps nothing between calls but the last failure's reason, and the checker's shortest TIME-WAIT). */
  static SendExplainer of(TcpMachine m, Coverage coverage) {
    // A profile implements RFC 5961 when its RST cells read rst_seq_exact (its ACK test then has the lower bound too).
    return new SendExplainer(m, (m.needed(TcpState.ESTABLISHED, TcpEvent.RST) & TcpGuard.RST_SEQ_EXACT.bit()) != 0, coverage);
  }

  TcpMachine machine() {
    return m;
  }

  boolean rfc5961() {
    return rfc5961;
  }

  Coverage coverage() {
    return coverage;
  }

  /** The candidate after sending {@code s}, or null (and {@link #why}) when it cannot have sent it. */
  Candidate explain(Candidate in, TraceSegment s, boolean windowChanged) {
    return explainAt(in.copy(), s, windowChanged);
  }

  /** As {@link #explain}, changing {@code c} itself, also when it fails: for tier 0, which replays rather than reuse a failed candidate. */
  Candidate explainAt(Candidate c, TraceSegment s, boolean windowChanged) {
    why = null;
    if (s.ackFlag() && c.heldFin != -1 && Seq.diff(s.ack(), c.heldFin) == 1 && Seq.diff(c.heldFin, c.rcvNxt) >= 0
        && Seq.diff(c.held.reach(c.rcvNxt, c.rcvHigh), c.heldFin) >= 0) {
      // The ACK covers a FIN held beyond a gap: the gap filled, the FIN was processed before this was sent.
      c.setRcvNxt(c.heldFin);
      TraceSegment fin = new TraceSegment(s.frame(), !s.fromA(), Segment.FIN | Segment.ACK, c.heldFin, c.heldFinAck, 0, -1, 0, false);
      c = Arrival.arrive(m, rfc5961, c, fin, Guards.UNKNOWN_WINDOW, c.sndWnd, coverage);
    }
    Owed o = owedControl(c, s);
    if (o != null) {
      c.removeOwed(o);
      if (c.state == TcpState.CLOSED) {
        return c; // CLOSED's reset (RFC 9293 3.10.7.1): its ACK field was the rule's SEG.SEQ+SEG.LEN, checked; there is no RCV.NXT
      }
      if (o.seq() == -1) {
        c.iss = s.seq();
        c.sndUna = s.seq();
        c.sndNxt = Seq.add(s.seq(), 1);
        c.unknown &= ~(Candidate.U_ISS | Candidate.U_SND);
      }
      return ackField(c, s);
    }
    if (s.rst()) {
      return rst(c, s);
    }
    if (s.syn()) {
      return syn(c, s);
    }
    if (c.afterClose && (!c.knows(Candidate.U_SND) || Seq.diff(Seq.add(s.seq(), s.segLen()), c.sndNxt) <= 0)) {
      // sent before the TCB was deleted, and delayed on the way; an ACK alone still needs its reason
      return s.segLen() > 0 || !s.ackFlag() || pureAck(c, s, windowChanged) ? c : null;
    }
    if (!s.ackFlag()) {
      return fail(() -> Expectation.rfc("the ACK bit on: \"Once a connection is established, this is always sent\"", "RFC 9293 3.1"));
    }
    if (!Arrival.synchronizedState(c.state)) {
      TcpState state = c.state;
      return fail(() -> Expectation.rfc("no segment without SYN from " + state + " (it has no connection to send on)", "RFC 9293 3.10.7"));
    }
    if (!c.knows(Candidate.U_SND)) {
      c.sndUna = s.seq();
      c.sndNxt = s.seq();
      if (c.finSent) {
        c.finSeq = Seq.add(s.seq(), -1);
      }
      c.unknown &= ~Candidate.U_SND;
    }
    long end = Seq.add(s.seq(), s.dataLen());
    if (s.dataLen() > 0 && !text(c, s, end)) {
      return null;
    }
    if (s.fin() && !fin(c, s, end)) {
      return null;
    }
    if (s.dataLen() == 0 && !s.fin() && !pureAck(c, s, windowChanged)) {
      return null;
    }
    return ackField(c, s);
  }

  /** Why the last {@link #explain} returned null, to be built if the frame deviates; null if no reason was recorded. */
  java.util.function.Supplier<Expectation> whySupplier() {
    return why;
  }

  private Candidate fail(java.util.function.Supplier<Expectation> e) {
    why = e;
    return null;
  }

  /**
   * An owed SYN,ACK or reset, with exactly the control bits the rule sends: an RST,ACK is not an
   * RST. CLOSED's two resets (RFC 9293 3.10.7.1) are two rules, each with its own form.
   */
  private static Owed owedControl(Candidate c, TraceSegment s) {
    if (c.owed.controls() == 0) {
      return null; // plain ACKs only: nothing to look for
    }
    int f = s.flags() & CONTROL;
    for (int oi = 0; oi < c.owed.size(); oi++) { // indexed: no iterator per candidate (C1 does not elide it)
      Owed o = c.owed.get(oi);
      if ((o.flags() & (Segment.SYN | Segment.RST)) == 0) {
        continue;
      }
      boolean ack = o.ack() == -1 || s.ack() == o.ack();
      if (f == o.flags() && (o.seq() == -1 || o.seq() == s.seq()) && ack) {
        return o;
      }
    }
    return null;
  }

  private TcpStep call(Candidate c, TcpEvent e) {
    TcpStep step = m.step(c.state, e, 0);
    coverage.cell(c.state, e, 0, step.rule());
    return step;
  }

  private void apply(Candidate c, TcpStep step) {
    Apply.run(c, step.rule(), false);
    c.state = step.target();
    c.lastRule = step.rule();
  }

  /**
   * A reset from a connection: ABORT's (RFC 9293 3.10.5 {@code <SEQ=SND.NXT><CTL=RST>}; a profile
   * may send it with an ACK) or a CLOSE that resets because received text was never read (RFC 1122
   * 4.2.2.13, where a profile has such a rule). The reset's control bits must be exactly the rule's:
   * the ACK bit is all that tells Linux's reset on close with unread data from RFC 9293's.
   */
  private Candidate rst(Candidate c, TraceSegment s) {
    int f = s.flags() & CONTROL;
    if (c.afterClose && c.knows(Candidate.U_ISS) && Seq.diff(s.seq(), c.iss) > 0) {
      // CLOSED answers any segment with a reset (RFC 9293 3.10.7.1): the segment it answers was one the
      // capture saw before the close, a copy of one delayed on the way, or one it missed. Its two forms:
      // <SEQ=SEG.ACK><CTL=RST> to a segment with ACK, <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> to one without.
      if (f == Segment.RST || (f == (Segment.RST | Segment.ACK) && s.seq() == 0)) {
        c.losses++;
        return c;
      }
    }
    TcpStep step = m.step(c.state, TcpEvent.ABORT, 0);
    TcpEvent event = TcpEvent.ABORT;
    int guards = 0;
    TcpAction.Send send = Apply.sendWith(step.rule(), Segment.RST);
    if (send != null && f == Segment.RST && (send.flags() & CONTROL) == (Segment.RST | Segment.ACK)
        && c.knows(Candidate.U_ISS) && Seq.diff(s.seq(), c.iss) > 0) {
      // ABORT's reset carries ACK in this profile (linux), so a bare RST is not it: ABORT's own
      // reset was lost, and the CLOSED endpoint answered a segment with <SEQ=SEG.ACK><CTL=RST>.
      return abortResetLost(c, s, step, TcpEvent.ABORT, 0);
    }
    if (send == null || (send.flags() & CONTROL) != f) {
      // Not ABORT's reset: a CLOSE with received text unread may reset instead of sending a FIN.
      TcpStep close = m.step(c.state, TcpEvent.CLOSE, TcpGuard.TEXT_PENDING.bit());
      TcpAction.Send closeSend = Apply.sendWith(close.rule(), Segment.RST);
      if (closeSend == null || (closeSend.flags() & CONTROL) != f) {
        String text = "no " + TcpFlags.join(f, ",") + " from " + c.state + ": ABORT's reset is "
            + (send == null ? "none" : send.render().substring("send ".length())) + ", CLOSE's "
            + (closeSend != null ? closeSend.render().substring("send ".length())
                : Apply.sendWith(close.rule(), Segment.FIN) != null ? "a FIN (" + close.rule().specName() + ")" : "nothing (" + close.rule().specName() + ")")
            + ", and no arrival asked for one";
        TcpRule rule = step.rule();
        return fail(() -> Expectation.of(text, rule));
      }
      step = close;
      event = TcpEvent.CLOSE;
      guards = TcpGuard.TEXT_PENDING.bit();
    }
    TcpStep chosen = step;
    if (!c.knows(Candidate.U_SND)) {
      c.sndNxt = s.seq();
      c.unknown &= ~Candidate.U_SND;
    }
    int d = Seq.diff(s.seq(), c.sndNxt);
    if (d > 0) {
      c.sndNxt = s.seq(); // segments sent before the reset are missing from the capture (lost or delayed)
      c.losses++;
      d = 0;
    } else if (d < 0 && c.knows(Candidate.U_ISS) && Seq.diff(s.seq(), c.iss) > 0 && f == Segment.RST) {
      return abortResetLost(c, s, chosen, event, guards);
    }
    if (d != 0) {
      return fail(() -> Expectation.of("a reset at SEQ=SND.NXT=" + c.sndNxt, chosen.rule()));
    }
    coverage.cell(c.state, event, guards, chosen.rule());
    apply(c, chosen);
    return ackField(Arrival.closed(c), s);
  }

  /**
   * A hidden ABORT whose own reset has not shown (yet); the CLOSED endpoint then answered a segment
   * with {@code <SEQ=SEG.ACK><CTL=RST>} (RFC 9293 3.10.7.1). ABORT's reset stays owed: it may come
   * later, overtaken on the way by the answer (a network that reorders), or never (lost, which the
   * verdict then counts as an owed segment never seen). Its SEQ and ACK are left open: text sent
   * before the ABORT may still be on the way too, so where SND.NXT and RCV.NXT stood is not known yet.
   */
  private Candidate abortResetLost(Candidate c, TraceSegment s, TcpStep abort, TcpEvent event, int guards) {
    TcpAction.Send send = Apply.sendWith(abort.rule(), Segment.RST);
    c.sndNxt = s.seq();
    coverage.cell(c.state, event, guards, abort.rule());
    apply(c, abort);
    Candidate z = Arrival.closed(c);
    z.unknown |= Candidate.U_SND;
    if (send != null) {
      int flags = send.flags() & CONTROL;
      z.addOwed(new Owed(flags, -1, -1, abort.rule()));
    }
    return z;
  }

  /** A SYN of an active OPEN, or a retransmitted SYN or SYN,ACK (RFC 9293 3.10.1, 3.10.8). */
  private Candidate syn(Candidate c, TraceSegment s) {
    int f = s.flags() & CONTROL;
    if ((c.state == TcpState.CLOSED || c.state == TcpState.LISTEN) && f == Segment.SYN) {
      c.iss = s.seq();
      c.unknown &= ~Candidate.U_ISS;
      TcpStep step = call(c, TcpEvent.OPEN_ACTIVE);
      if (!Apply.sends(step.rule(), Segment.SYN, false)) {
        return fail(() -> Expectation.of("no SYN", step.rule()));
      }
      apply(c, step);
      return c;
    }
    if ((c.state == TcpState.SYN_SENT || c.state == TcpState.SYN_RECV) && f == Segment.SYN && !c.knows(Candidate.U_ISS)) {
      // A simultaneous open: this SYN was sent before the peer's arrived, and reached the capture point after it.
      c.iss = s.seq();
      c.sndUna = s.seq();
      c.sndNxt = Seq.add(s.seq(), 1);
      c.unknown &= ~(Candidate.U_ISS | Candidate.U_SND);
      for (int oi = 0; oi < c.owed.size(); oi++) {
        Owed o = c.owed.get(oi);
        if (o.seq() == -1) {
          c.removeOwed(o);
          c.addOwed(new Owed(o.flags(), s.seq(), o.ack(), o.rule()));
          break;
        }
      }
      return c;
    }
    if (f == Segment.SYN && Arrival.synchronizedState(c.state) && c.knows(Candidate.U_ISS) && s.seq() != c.iss) {
      // A new SYN from a synchronized endpoint: it crashed, lost its TCB and opens anew, the
      // half-open connection of RFC 9293 3.5.2 (its peer must then answer it). Counted as a loss.
      Candidate fresh = Arrival.closed(c);
      fresh.afterClose = false;
      fresh.finSent = false;
      fresh.owed = OwedList.EMPTY;
      fresh.losses++;
      fresh.unknown = Candidate.U_RCV | Candidate.U_MAXWND;
      fresh.iss = s.seq();
      TcpStep step = call(fresh, TcpEvent.OPEN_ACTIVE);
      apply(fresh, step);
      return fresh;
    }
    boolean resend = (c.state == TcpState.SYN_SENT && f == Segment.SYN) || (c.state == TcpState.SYN_RECV && f == (Segment.SYN | Segment.ACK));
    if (resend && s.seq() == c.iss) {
      TcpStep step = call(c, TcpEvent.TIMEOUT_RETRANSMIT);
      if (Apply.retransmits(step.rule())) {
        c.lastRule = step.rule();
        return ackField(c, s);
      }
    }
    return fail(new NoSyn(f, c.state, s.seq()));
  }

  /**
   * Why no SYN or SYN,ACK could come from a state: an object, not a lambda, since every handshake
   * makes one (its receiver's "no listener" hypothesis cannot send the SYN,ACK), and under C1 a
   * capturing lambda is allocated through method handles, ten times slower than {@code new}.
   */
  private record NoSyn(int flags, TcpState state, long seq) implements java.util.function.Supplier<Expectation> {
    @Override
    public Expectation get() {
      return Expectation.rfc("no " + (flags == Segment.SYN ? "SYN" : "SYN,ACK") + " from " + state
          + (Arrival.synchronizedState(state) ? "" : " with SEQ=" + seq), "RFC 9293 3.10.7");
    }
  }

  /** Text: new text is a SEND (RFC 9293 3.10.2), old text a retransmission or a keep-alive probe. */
  private boolean text(Candidate c, TraceSegment s, long end) {
    if (Seq.diff(end, c.sndNxt) > 0) {
      TcpStep step = m.step(c.state, TcpEvent.SEND, 0);
      if (!Apply.sends(step.rule(), Segment.ACK, true)) {
        why = () -> Expectation.of("no new text after SND.NXT=" + c.sndNxt + ": SEND in " + c.state + " sends none", step.rule());
        return false;
      }
      if (Seq.diff(s.seq(), c.sndNxt) > 0) {
        c.sndNxt = s.seq(); // text sent earlier was lost before the capture point
        c.losses++;
      }
      coverage.cell(c.state, TcpEvent.SEND, 0, step.rule());
      c.segLen = Seq.diff(end, c.sndNxt);
      apply(c, step);
      return true;
    }
    // Old text: a retransmission (RFC 9293 3.10.8), a copy delayed on the way, or a keep-alive's garbage octet (RFC 1122 4.2.3.6).
    TcpStep step = m.step(c.state, TcpEvent.TIMEOUT_RETRANSMIT, 0);
    if (Apply.retransmits(step.rule())) {
      coverage.cell(c.state, TcpEvent.TIMEOUT_RETRANSMIT, 0, step.rule());
    }
    return true;
  }

  /** A FIN: CLOSE (RFC 9293 3.10.4) at SND.NXT, or our FIN again. */
  private boolean fin(Candidate c, TraceSegment s, long at) {
    if (!c.finSent && c.state == TcpState.CLOSE_WAIT && s.ackFlag() && c.knows(Candidate.U_RCV) && Seq.diff(s.ack(), c.rcvNxt) < 0) {
      // Its ACK field does not cover the peer's FIN: it was sent before that FIN arrived, so from the
      // state before CLOSE-WAIT, not by CLOSE-WAIT's CLOSE (a crossing, or that FIN was lost).
      long rcvNxt = c.rcvNxt;
      why = () -> Expectation.rfc("a FIN from CLOSE-WAIT acknowledging the peer's FIN (ACK=" + rcvNxt + ")", "RFC 9293 3.10.4");
      return false;
    }
    if (c.finSent) {
      if (at == c.finSeq) {
        return true;
      }
      why = () -> Expectation.of("a FIN only at SEQ=" + c.finSeq + ", where this endpoint's FIN was", c.lastRule);
      return false;
    }
    TcpStep step = m.step(c.state, TcpEvent.CLOSE, 0);
    if (!Apply.sends(step.rule(), Segment.FIN, false)) {
      why = () -> Expectation.of("no FIN: CLOSE in " + c.state + " sends none", step.rule());
      return false;
    }
    if (Seq.diff(at, c.sndNxt) > 0) {
      c.sndNxt = at; // text sent before the FIN was lost before the capture point
      c.losses++;
    } else if (Seq.add(at, 1) == c.sndNxt && c.losses > 0) {
      c.sndNxt = at; // a segment sent after this FIN overtook it: its SEQ already counted the FIN
    }
    if (at != c.sndNxt) {
      why = () -> Expectation.of("a FIN at SEQ=SND.NXT=" + c.sndNxt, step.rule());
      return false;
    }
    coverage.cell(c.state, TcpEvent.CLOSE, 0, step.rule());
    apply(c, step);
    c.finSent = true;
    c.finSeq = at;
    return true;
  }

  /**
   * A segment with no text and no SYN, FIN or RST needs a reason: an ACK the model owes, news (a
   * higher ACK: a delayed ACK, RFC 9293 3.8.6.3), a window update (3.8.6.2.2) or a keep-alive
   * (RFC 1122 4.2.3.6).
   */
  private boolean pureAck(Candidate c, TraceSegment s, boolean windowChanged) {
    int d = Seq.diff(s.seq(), c.sndNxt);
    boolean keepAlive = d == -1;
    if (d < -1 || (c.knows(Candidate.U_RCV) && s.ack() != c.rcvNxt && c.inHistory(s.ack()))) {
      return true; // sent before a later segment of this endpoint, and delayed on the way: its reason was then
    }
    if (d > 0) {
      c.sndNxt = s.seq(); // segments sent before this one were lost before the capture point
      c.losses++;
    }
    for (int oi = 0; oi < c.owed.size(); oi++) {
      Owed o = c.owed.get(oi);
      if (o.flags() == Segment.ACK && o.ack() == s.ack()) {
        c.removeOwedAt(oi); // the first equal one: an equal one before it would have matched
        return true;
      }
    }
    for (int oi = 0; oi < c.owed.size(); oi++) {
      // An ACK owed for an arrival, carrying a later RCV.NXT than the hypothesis knew then: held text
      // reassembled, or a held FIN processed, before that arrival; this checker moves RCV.NXT over held
      // text only when an ACK shows it, the receiver did at once (RFC 9293 3.10.7.4, "send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>").
      Owed o = c.owed.get(oi);
      if (o.flags() == Segment.ACK && o.ack() != -1 && Seq.diff(o.ack(), s.ack()) < 0 && c.knows(Candidate.U_RCV)
          && Seq.diff(s.ack(), c.rcvNxt) <= 0) {
        c.removeOwedAt(oi); // the first equal one, as above
        return true;
      }
    }
    if (keepAlive || windowChanged || c.lastAckSent == -1 || !c.knows(Candidate.U_RCV)
        || Seq.diff(s.ack(), c.lastAckSent) > 0) {
      return true;
    }
    TcpRule r = c.lastRule;
    why = () -> Expectation.of("no segment: nothing arrived that " + c.state + " must answer (a duplicate ACK answers an arrival)", r);
    return false;
  }

  /** The ACK field carries RCV.NXT: what arrived in order, or held text now reassembled, or an earlier RCV.NXT on a delayed segment. */
  private Candidate ackField(Candidate c, TraceSegment s) {
    if (!s.ackFlag()) {
      return c;
    }
    long ack = s.ack();
    if (!c.knows(Candidate.U_RCV)) {
      c.rcvNxt = ack;
      c.rcvHigh = ack;
      c.unknown &= ~Candidate.U_RCV;
    } else if (ack != c.rcvNxt) {
      // Beyond RCV.NXT only as far as reassembly reaches: held text past a gap that never arrived
      // cannot be acknowledged (RFC 9293 3.10.7.4: RCV.NXT advances over the data accepted, in order).
      long reach = c.held.reach(c.rcvNxt, c.rcvHigh);
      boolean ahead = Seq.diff(ack, c.rcvNxt) > 0;
      if (ahead && Seq.diff(ack, reach) <= 0) {
        c.setRcvNxt(ack);
      } else if (ahead || !c.inHistory(ack)) { // the history (earlier RCV.NXT values) explains only older ACKs
        long rcvNxt = c.rcvNxt;
        long rcvHigh = c.rcvHigh;
        TcpRule last = c.lastRule;
        return fail(() -> { // the text is built only if reported: most rejected candidates never are
          String range = reach == rcvNxt ? "ACK=" + rcvNxt : "ACK from " + rcvNxt + " to " + reach;
          return Seq.diff(ack, rcvHigh) > 0 ? Expectation.of(range + ": nothing up to " + ack + " has arrived", last)
              : Seq.diff(ack, reach) > 0 ? Expectation.of(range + ": the text from " + reach + " to " + ack + " was held beyond a gap that never arrived", last)
              : Expectation.of(range + " (RCV.NXT)", last);
        });
      }
    }
    if (c.lastAckSent == -1 || Seq.diff(ack, c.lastAckSent) > 0) {
      c.lastAckSent = ack;
    }
    if (s.dataLen() > 0 || s.fin()) {
      // Text or a FIN carries the ACKs owed for older values; one owed at this very value may still go
      // out alone. The newest older one is kept: its arrival may have come after this segment was sent,
      // and its answer then carries the later RCV.NXT (see pureAck).
      int newest = -1;
      for (int oi = 0; oi < c.owed.size(); oi++) {
        Owed o = c.owed.get(oi);
        if (o.flags() == Segment.ACK && Seq.diff(o.ack(), ack) < 0) {
          if (newest != -1) {
            c.removeOwedAt(newest); // the first match, so the first equal one too
            return ackField(c, s);
          }
          newest = oi;
        }
      }
    }
    return c;
  }
}
