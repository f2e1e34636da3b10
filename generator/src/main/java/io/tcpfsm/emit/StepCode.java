package io.tcpfsm.emit;

import com.palantir.javapoet.CodeBlock;
import io.tcpfsm.analysis.Explainer;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Citation;
import io.tcpfsm.model.GuardExpr;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.SeqExpr;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.List;

/** The Java code for the pieces of a step: its constant, its actions, guard conditions. */
final class StepCode {
  private final Machine m;
  private final Types t;

  StepCode(Machine m, Types t) {
    this.m = m;
    this.t = t;
  }

  /** {@code new TcpStep(TcpState.X, List.of(...), "RFC 9293 3.10.4", "tcp.fsm:215")}. */
  CodeBlock newStep(Transition tr, State target, String profile) {
    Citation c = Explainer.preferredCitation(tr, profile);
    return CodeBlock.of("new $T($T.$L, $L, $S, $S)", t.step(), t.state(), Names.constant(target.name()),
        actions(tr.actions()), c == null ? "" : c.render(), m.file() + ":" + tr.pos().line());
  }

  /** {@code List.of(action, ...)}, one action per line. */
  CodeBlock actions(List<Action> actions) {
    if (actions.isEmpty()) {
      return CodeBlock.of("$T.of()", List.class);
    }
    List<CodeBlock> items = new ArrayList<>();
    for (Action a : actions) {
      items.add(action(a));
    }
    return CodeBlock.builder().add("$T.of(\n$>$>", List.class).add(CodeBlock.join(items, ",\n")).add("$<$<)").build();
  }

  CodeBlock action(Action a) {
    if (a instanceof Action.Send s) {
      return CodeBlock.of("new $T($L, $L, $L, $L)", t.send(), value(s.seq()), value(s.ack()), flags(s.ctl()), s.withText());
    } else if (a instanceof Action.TimerAction timer) {
      return CodeBlock.of("new $T($T.$L, $T.$L)", t.timerAction(), t.timerOp(), timer.op().name(), t.timer(), Names.constant(timer.timer().name()));
    } else if (a instanceof Action.Signal s) {
      return CodeBlock.of("new $T($S)", t.signal(), s.text());
    } else if (a instanceof Action.Set s) {
      return CodeBlock.of("new $T($T.$L, $L)", t.set(), t.variable(), Names.constant(s.variable()), value(s.value()));
    }
    String simple = switch (a.kind()) {
      case "drop" -> "DROP";
      case "delete_tcb" -> "DELETE_TCB";
      case "retransmit" -> "RETRANSMIT";
      case "deliver" -> "DELIVER";
      case "queue" -> "QUEUE";
      default -> throw new IllegalArgumentException("no Java form for action " + a.kind());
    };
    return CodeBlock.of("$T.$L", t.simple(), simple);
  }

  private CodeBlock value(SeqExpr e) {
    return e == null ? CodeBlock.of("null") : CodeBlock.of("$T.$L", t.value(), Names.valueConstant(e));
  }

  /** {@code TcpFlags.FIN | TcpFlags.ACK}. */
  CodeBlock flags(List<String> ctl) {
    if (ctl.isEmpty()) {
      return CodeBlock.of("0");
    }
    List<CodeBlock> parts = new ArrayList<>();
    for (String f : ctl) {
      parts.add(CodeBlock.of("$T.$L", t.flags(), Names.constant(f)));
    }
    return CodeBlock.join(parts, " | ");
  }

  /** A guard as a Java condition over {@code int guards}: {@code SEQ_ACCEPTABLE.in(guards) && ...}. */
  CodeBlock condition(GuardExpr g) {
    if (g instanceof GuardExpr.Ref r) {
      return CodeBlock.of("$T.$L.in(guards)", t.guard(), Names.constant(r.guard().name()));
    } else if (g instanceof GuardExpr.Not n) {
      CodeBlock inner = condition(n.operand());
      return n.operand() instanceof GuardExpr.Ref ? CodeBlock.of("!$L", inner) : CodeBlock.of("!($L)", inner);
    } else if (g instanceof GuardExpr.And a) {
      return CodeBlock.of("$L && $L", wrapOr(a.left()), wrapOr(a.right()));
    }
    GuardExpr.Or o = (GuardExpr.Or) g;
    return CodeBlock.of("$L || $L", condition(o.left()), condition(o.right()));
  }

  private CodeBlock wrapOr(GuardExpr g) {
    return g instanceof GuardExpr.Or ? CodeBlock.of("($L)", condition(g)) : condition(g);
  }
}
