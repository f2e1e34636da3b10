package io.tcpfsm.explore;

import io.tcpfsm.model.Action;
import io.tcpfsm.model.Condition;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.SeqExpr;
import java.util.List;

/**
 * Runs a transition's actions on an endpoint's abstract TCB, in the order written (RFC 9293
 * 3.10), collecting the segments it sends. Only the variables the guards read are kept
 * ({@link End}); an assignment to any other (IRS, SND.WND, SND.WL1, SND.WL2) changes nothing,
 * and an {@code if} whose actions touch only those is skipped.
 */
final class Effects {
  private final Machine machine;
  final End e;
  /** The arriving segment, or -1 in a rule for a call or a timeout. */
  private final int seg;
  private final boolean call;
  final int[] sent = new int[4];
  int sentCount;
  final StringBuilder signals;
  /** Filled in for a traced step: the rule taken, the states before and after, segments lost to a full channel. */
  String rule;
  /** Whether RECEIVE is driven, so that the text pending bit matters. */
  boolean trackText = true;
  int from;
  int to;
  int overflowed;

  Effects(Machine machine, End e, int seg, boolean call, boolean trace) {
    this.machine = machine;
    this.e = e;
    this.seg = seg;
    this.call = call;
    this.signals = trace ? new StringBuilder() : null;
  }

  void run(List<Action> actions, String event) {
    int textLen = 0;
    for (Action a : actions) {
      if (a instanceof Action.Send s && s.withText()) {
        textLen = 1; // in a rule for a call, SEG.LEN is the text its send carries (spec header)
      }
    }
    for (Action a : actions) {
      run(a, event, textLen);
    }
  }

  private void run(Action a, String event, int textLen) {
    if (a instanceof Action.Send s) {
      int flags = 0;
      for (String c : s.ctl()) {
        flags |= Seg.flagNamed(c);
      }
      int seq = s.seq() == null ? 0 : value(s.seq(), textLen);
      int ack = s.ack() == null ? 0 : value(s.ack(), textLen);
      if (Seg.has(flags, Seg.FIN) && e.finSeq == 0) {
        e.finSeq = seq;
      }
      if (s.withText()) {
        e.sent++;
        e.sendPending = false;
      }
      emit(Seg.of(flags, seq, ack, s.withText()));
    } else if (a instanceof Action.TimerAction t) {
      int bit = 1 << timerIndex(t.timer().name());
      e.timers = switch (t.op()) {
        case START, RESTART -> e.timers | bit;
        case CANCEL -> e.timers & ~bit;
      };
    } else if (a instanceof Action.Signal s) {
      if (signals != null) {
        signals.append(signals.length() > 0 ? ", " : "").append('"').append(s.text()).append('"');
      }
    } else if (a instanceof Action.Set s) {
      switch (s.variable()) {
        case "SND.UNA" -> e.una = value(s.value(), textLen);
        case "SND.NXT" -> e.nxt = value(s.value(), textLen);
        case "RCV.NXT" -> e.rcv = value(s.value(), textLen);
        default -> { } // not kept: no guard reads it
      }
    } else if (a instanceof Action.If i) {
      if (touchesKept(i.then())) {
        if (test(i.condition(), textLen)) {
          for (Action inner : i.then()) {
            run(inner, event, textLen);
          }
        }
      }
    } else if (a instanceof Action.Retransmit) {
      retransmit();
    } else if (a instanceof Action.Deliver) {
      if (call) {
        e.textPending = false; // RECEIVE hands the text to the user
      } else if (trackText && seg >= 0 && Seg.data(seg)) {
        e.textPending = true;
      }
    } else if (a instanceof Action.Queue) {
      if (call && event.equals("SEND")) {
        e.sendPending = true;
      } else if (call && event.equals("CLOSE")) {
        e.closePending = true;
      }
      // A queued RECEIVE changes nothing the guards read; a SYN's other controls are queued
      // only when it carries some, and the endpoints the explorer composes never send those.
    }
    // drop: nothing to do; delete tcb: done by the caller, which knows the closed state
  }

  /**
   * RFC 9293 3.10.8: "send the segment at the front of the retransmission queue again". The
   * queue is what lies between SND.UNA and SND.NXT: our SYN (a SYN,ACK once the peer's SYN
   * arrived), then one byte per SEND, then our FIN.
   */
  private void retransmit() {
    int iss = e.iss();
    boolean synchronizing = e.rcv != 0;
    if (e.una <= iss) {
      emit(Seg.of(Seg.SYN | (synchronizing ? Seg.ACK : 0), iss, synchronizing ? e.rcv : 0, false));
    } else if (e.una < iss + 1 + e.sent && (e.finSeq == 0 || e.una < e.finSeq)) {
      emit(Seg.of(Seg.ACK, e.una, e.rcv, true));
    } else if (e.finSeq != 0 && e.una <= e.finSeq) {
      emit(Seg.of(Seg.FIN | Seg.ACK, e.finSeq, e.rcv, false));
    }
  }

  private void emit(int s) {
    sent[sentCount++] = s;
  }

  private int timerIndex(String name) {
    for (int i = 0; i < machine.timers().size(); i++) {
      if (machine.timers().get(i).name().equals(name)) {
        return i;
      }
    }
    throw new ExploreException(machine.file() + ": unknown timer " + name);
  }

  private static boolean touchesKept(List<Action> actions) {
    for (Action a : actions) {
      if (a instanceof Action.Set s && !kept(s.variable())) {
        continue;
      }
      if (a instanceof Action.If i && !touchesKept(i.then())) {
        continue;
      }
      return true;
    }
    return false;
  }

  private static boolean kept(String variable) {
    return variable.equals("SND.UNA") || variable.equals("SND.NXT") || variable.equals("RCV.NXT");
  }

  private boolean test(Condition c, int textLen) {
    if (c instanceof Condition.Compare cmp) {
      int l = value(cmp.left(), textLen);
      int r = value(cmp.right(), textLen);
      return switch (cmp.op()) {
        case "<" -> l < r;
        case "=<" -> l <= r;
        case "=" -> l == r;
        case ">" -> l > r;
        case ">=" -> l >= r;
        case "!=" -> l != r;
        default -> throw new ExploreException("unknown comparison " + cmp.op());
      };
    }
    if (c instanceof Condition.And and) {
      return test(and.left(), textLen) && test(and.right(), textLen);
    }
    if (c instanceof Condition.Or or) {
      return test(or.left(), textLen) || test(or.right(), textLen);
    }
    return !test(((Condition.Not) c).operand(), textLen);
  }

  int value(SeqExpr x, int textLen) {
    int v = term(x.terms().get(0), textLen);
    for (int i = 0; i < x.ops().size(); i++) {
      int t = term(x.terms().get(i + 1), textLen);
      v = x.ops().get(i) == '+' ? v + t : v - t;
    }
    End.check(v, x.render());
    return v;
  }

  private int term(String t, int textLen) {
    return switch (t) {
      case "SND.UNA" -> e.una;
      case "SND.NXT" -> e.nxt;
      case "RCV.NXT" -> e.rcv;
      case "ISS" -> e.iss();
      case "SEG.SEQ" -> seg < 0 ? 0 : Seg.seq(seg);
      case "SEG.ACK" -> seg < 0 ? 0 : Seg.ack(seg);
      case "SEG.LEN" -> seg < 0 ? textLen : Seg.len(seg);
      default -> {
        if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
          yield Integer.parseInt(t);
        }
        throw new ExploreException(machine.file() + ": the explorer keeps no value for " + t
            + " (it keeps SND.UNA, SND.NXT, RCV.NXT, ISS and the segment's SEQ, ACK, LEN)");
      }
    };
  }
}
