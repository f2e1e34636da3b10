package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpAction;
import io.tcpfsm.machine.TcpCondition;
import io.tcpfsm.machine.TcpRule;
import io.tcpfsm.machine.TcpTimer;
import io.tcpfsm.machine.TcpValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a step's actions on a candidate, as the runtime's ActionRunner runs them on a TCB: {@code
 * set} and {@code if} change variables; a {@code send} becomes an {@link Owed} segment when the
 * step answered an arrival (a step that explains a captured frame sends that frame itself). Timers,
 * signals, delivery and queues leave nothing a capture can show, so they do nothing here.
 */
final class Apply {
  /** The actions that leave nothing a capture can show. A new kind of action fails to compile here until someone says what it leaves. */
  private static final TcpAction.Handler<Void> UNSEEN = new TcpAction.Handler<>() {
    @Override
    public Void onSend(TcpAction.Send s) {
      throw new IllegalStateException("a send is applied, not ignored");
    }

    @Override
    public Void onSet(TcpAction.Set s) {
      throw new IllegalStateException("a set is applied, not ignored");
    }

    @Override
    public Void onIf(TcpAction.If i) {
      throw new IllegalStateException("an if is applied, not ignored");
    }

    @Override
    public Void onTimer(TcpAction.Timer t) {
      return null;
    }

    @Override
    public Void onSignal(TcpAction.Signal s) {
      return null;
    }

    @Override
    public Void onDrop() {
      return null;
    }

    @Override
    public Void onDeleteTcb() {
      return null;
    }

    @Override
    public Void onRetransmit() {
      return null;
    }

    @Override
    public Void onDeliver() {
      return null;
    }

    @Override
    public Void onQueue() {
      return null;
    }
  };

  /** An {@code if} with its body in the form {@link #run} reads. */
  private record Guarded(TcpCondition condition, Object[] then) {}

  /** A start or restart of the TIME-WAIT timer: what a capture's timestamps can bound (its expiry is no sooner than the checker's shortest TIME-WAIT). */
  private static final Object TIME_WAIT_STARTS = new Object();

  /**
   * Each rule's actions (by ordinal) as {@link #run} reads them: an array, {@code if} bodies too, with
   * the actions that leave nothing in a capture left out once, here, through {@link #UNSEEN} (which
   * still names every kind of action). Under C1 the list, the visitor and the interface calls per
   * action cost more than the actions' arithmetic.
   */
  private static final Object[][] ACTIONS = Arrays.stream(TcpRule.values()).map(r -> seen(r.actions())).toArray(Object[][]::new);

  /** Each rule's sends, in order (those inside an {@code if} are not the rule's own: the checker reads only these). */
  private static final TcpAction.Send[][] SENDS = Arrays.stream(TcpRule.values())
      .map(r -> r.actions().stream().filter(a -> a instanceof TcpAction.Send).toArray(TcpAction.Send[]::new)).toArray(TcpAction.Send[][]::new);
  private static final boolean[] RETRANSMITS = new boolean[TcpRule.values().length];

  static {
    for (TcpRule r : TcpRule.values()) {
      RETRANSMITS[r.ordinal()] = r.actions().contains(TcpAction.Simple.RETRANSMIT);
    }
  }

  private static Object[] seen(List<TcpAction> actions) {
    List<Object> kept = new ArrayList<>();
    for (TcpAction a : actions) {
      if (a instanceof TcpAction.Set || a instanceof TcpAction.Send) {
        kept.add(a);
      } else if (a instanceof TcpAction.If f) {
        kept.add(new Guarded(f.condition(), seen(f.then())));
      } else if (a instanceof TcpAction.Timer t && t.timer() == TcpTimer.TIME_WAIT && t.op() != TcpAction.Timer.Op.CANCEL) {
        kept.add(TIME_WAIT_STARTS);
      } else {
        a.accept(UNSEEN);
      }
    }
    return kept.toArray();
  }

  private Apply() {}

  /** Runs {@code rule}'s actions on {@code c}; {@code owe}: its sends are owed to the capture. */
  static void run(Candidate c, TcpRule rule, boolean owe) {
    run(c, rule, owe, ACTIONS[rule.ordinal()]);
  }

  // By type tests, not the visitor: no object and two calls fewer per action, a tenth of a trace's time under C1.
  private static void run(Candidate c, TcpRule rule, boolean owe, Object[] actions) {
    for (Object a : actions) {
      if (a instanceof TcpAction.Set s) {
        set(c, s);
      } else if (a instanceof Guarded g) {
        if (c.test(g.condition())) {
          run(c, rule, owe, g.then());
        }
      } else if (a == TIME_WAIT_STARTS) {
        c.timeWaitSince = c.now;
      } else if (owe) {
        send(c, rule, (TcpAction.Send) a);
      }
    }
  }

  /** Whether {@code rule} sends a segment with all of {@code flags} (and with text, if asked). */
  static boolean sends(TcpRule rule, int flags, boolean text) {
    for (TcpAction.Send s : SENDS[rule.ordinal()]) {
      if ((s.flags() & flags) == flags && (!text || s.withText())) {
        return true;
      }
    }
    return false;
  }

  /** The first send of {@code rule} with all of {@code flags}, or null: its exact control bits are what the wire must show. */
  static TcpAction.Send sendWith(TcpRule rule, int flags) {
    for (TcpAction.Send s : SENDS[rule.ordinal()]) {
      if ((s.flags() & flags) == flags) {
        return s;
      }
    }
    return null;
  }

  static boolean retransmits(TcpRule rule) {
    return RETRANSMITS[rule.ordinal()];
  }

  private static boolean usesIss(TcpValue v) {
    return v == TcpValue.ISS || v == TcpValue.ISS_PLUS_1;
  }

  private static void send(Candidate c, TcpRule rule, TcpAction.Send s) {
    long seq = usesIss(s.seq()) && !c.knows(Candidate.U_ISS) ? -1 : s.seq() == null ? -1 : c.value(s.seq());
    long ack = s.ack() == null ? -1 : c.value(s.ack());
    c.addOwed(new Owed(s.flags(), seq, ack, rule));
  }

  private static void set(Candidate c, TcpAction.Set s) {
    if (usesIss(s.value()) && !c.knows(Candidate.U_ISS)) {
      // The ISS this endpoint chose is not in the capture yet: its SYN,ACK will show it.
      c.unknown |= Candidate.U_SND;
      return;
    }
    c.write(s.variable(), c.value(s.value()));
  }
}
