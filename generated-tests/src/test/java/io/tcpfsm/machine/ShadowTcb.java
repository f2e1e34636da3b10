package io.tcpfsm.machine;

import io.tcpfsm.model.Action;
import io.tcpfsm.model.Condition;
import io.tcpfsm.model.SeqExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connection's TCB as the test knows it from the wire, not from the runtime's fields: ISS is
 * the sequence number of the SYN the connection sent, IRS and every SEG.* value are what the
 * test chose for the segments it sent, and everything else follows from the answer key's own
 * {@code set} actions, evaluated here in 32-bit sequence space (RFC 9293 3.4). Running a cell's
 * actions on it gives what the cell must do: the segments (flags, SEQ, ACK as numbers), the
 * signals, the timers started and cancelled, whether the TCB is deleted and text delivered.
 */
final class ShadowTcb {
  /** One segment the cell must send. {@code ack} is -1 when the ACK bit is off; {@code text} the bytes it must carry. */
  record Expected(int flags, long seq, long ack, int text, String why) {}

  /** What a cell's actions say happens. {@code timers} maps a timer to its last operation (start, restart, cancel). */
  record Outcome(List<Expected> sends, List<String> signals, Map<String, String> timers, boolean deleted, boolean deliver) {}

  private static final long MOD = 1L << 32;

  private final Map<String, Long> vars = new HashMap<>();
  /** Where our FIN lies, once the connection sent one (for what a retransmission resends). */
  private Long finSeq;

  boolean knows(String var) {
    return vars.containsKey(var);
  }

  long get(String var) {
    Long v = vars.get(var);
    if (v == null) {
      throw new AssertionError("the test does not know " + var + " yet (no segment showed it)");
    }
    return v;
  }

  void put(String var, long value) {
    vars.put(var, Math.floorMod(value, MOD));
  }

  void forget() {
    vars.clear();
    finSeq = null;
  }

  void finSent(long seq) {
    finSeq = seq;
  }

  /**
   * Runs {@code actions} (a rule of the spec, whose rendering the test has checked against the
   * answer key's row) and returns what they must do. {@code state} is the cell's state, for
   * {@code retransmit}; {@code textLength} is the text a {@code send ... with text} carries.
   */
  Outcome run(List<Action> actions, String state, int textLength) {
    List<Expected> sends = new ArrayList<>();
    List<String> signals = new ArrayList<>();
    Map<String, String> timers = new LinkedHashMap<>();
    boolean[] flags = new boolean[2]; // deleted, deliver
    run(actions, state, textLength, sends, signals, timers, flags);
    return new Outcome(sends, signals, timers, flags[0], flags[1]);
  }

  private void run(List<Action> actions, String state, int textLength, List<Expected> sends, List<String> signals,
      Map<String, String> timers, boolean[] flags) {
    for (Action a : actions) {
      if (a instanceof Action.Set s) {
        put(s.variable(), eval(s.value()));
      } else if (a instanceof Action.If i) {
        if (test(i.condition())) {
          run(i.then(), state, textLength, sends, signals, timers, flags);
        }
      } else if (a instanceof Action.Send s) {
        sends.add(new Expected(flags(s.ctl()), s.seq() == null ? 0 : eval(s.seq()),
            s.ctl().contains("ACK") ? eval(s.ack()) : -1, s.withText() ? textLength : 0, s.render()));
      } else if (a instanceof Action.TimerAction t) {
        timers.put(t.timer().name(), t.op().name().toLowerCase(java.util.Locale.ROOT));
      } else if (a instanceof Action.Signal s) {
        signals.add(s.text());
      } else if (a instanceof Action.DeleteTcb) {
        flags[0] = true;
      } else if (a instanceof Action.Deliver) {
        flags[1] = true;
      } else if (a instanceof Action.Retransmit) {
        sends.add(front(state));
      } // drop and queue: nothing to see
    }
  }

  /**
   * RFC 9293 3.10.8: "send the segment at the front of the retransmission queue again": our SYN
   * while it is unacknowledged (a SYN,ACK unless we are still in SYN-SENT: a CLOSE in SYN-RECEIVED
   * leaves it in front of the FIN), else text or our FIN from SND.UNA.
   */
  private Expected front(String state) {
    long una = get("SND.UNA");
    if (una == get("ISS")) {
      boolean synAck = !state.equals("SYN_SENT"); // sent from SYN-RECEIVED, our SYN carried an ACK
      return new Expected(synAck ? 0x12 : 0x02, una, synAck ? get("RCV.NXT") : -1, 0, "retransmit (our SYN)");
    }
    boolean fin = finSeq != null && finSeq == una;
    return new Expected(fin ? 0x11 : 0x10, una, get("RCV.NXT"), -1, "retransmit (from SND.UNA)");
  }

  long eval(SeqExpr e) {
    long v = term(e.terms().get(0));
    for (int i = 0; i < e.ops().size(); i++) {
      long t = term(e.terms().get(i + 1));
      v = e.ops().get(i) == '+' ? v + t : v - t;
    }
    return Math.floorMod(v, MOD);
  }

  private long term(String t) {
    return Character.isDigit(t.charAt(0)) ? Long.parseLong(t) : get(t);
  }

  /** A test in sequence space: {@code a < b} when b lies ahead of a by less than 2^31 (RFC 9293 3.4). */
  boolean test(Condition c) {
    if (c instanceof Condition.Compare k) {
      int d = (int) (eval(k.left()) - eval(k.right()));
      return switch (k.op()) {
        case "<" -> d < 0;
        case "=<" -> d <= 0;
        case "=" -> d == 0;
        case ">" -> d > 0;
        case ">=" -> d >= 0;
        case "!=" -> d != 0;
        default -> throw new AssertionError("unknown comparison " + k.op());
      };
    }
    if (c instanceof Condition.And a) {
      return test(a.left()) && test(a.right());
    }
    if (c instanceof Condition.Or o) {
      return test(o.left()) || test(o.right());
    }
    return !test(((Condition.Not) c).operand());
  }

  /** Header bits of the control flags a send names (RFC 9293 3.1). */
  static int flags(List<String> ctl) {
    int f = 0;
    for (String c : ctl) {
      f |= switch (c) {
        case "FIN" -> 0x01;
        case "SYN" -> 0x02;
        case "RST" -> 0x04;
        case "ACK" -> 0x10;
        default -> throw new AssertionError("unknown control flag " + c);
      };
    }
    return f;
  }
}
