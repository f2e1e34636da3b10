package io.tcpfsm.emit;

import com.palantir.javapoet.CodeBlock;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.GuardExpr;
import io.tcpfsm.model.SeqExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Java code for actions (as the rule enum holds them) and for guard conditions. */
final class StepCode {
  private final Types t;

  StepCode(Types t) {
    this.t = t;
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
    } else if (a instanceof Action.If i) {
      return CodeBlock.of("new $T($T.$L, $L)", t.ifAction(), t.condition(), Names.conditionConstant(i.condition()), actions(i.then()));
    } else if (a instanceof Action.Drop || a instanceof Action.DeleteTcb || a instanceof Action.Retransmit
        || a instanceof Action.Deliver || a instanceof Action.Queue) {
      return CodeBlock.of("$T.$L", t.simple(), a.kind().toUpperCase(Locale.ROOT));
    }
    throw new IllegalArgumentException("no Java form for action " + a.kind());
  }

  private CodeBlock value(SeqExpr e) {
    return e == null ? CodeBlock.of("null") : CodeBlock.of("$T.$L", t.value(), Names.valueConstant(e));
  }

  /** {@code TcpFlags.FIN | TcpFlags.ACK}: header bits. */
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

  /** A guard as a Java condition over {@code int guards}, guards imported statically: {@code SEQ_ACCEPTABLE.in(guards) && ...}. */
  CodeBlock condition(GuardExpr g) {
    if (g instanceof GuardExpr.Ref r) {
      return CodeBlock.of("$L.in(guards)", Names.constant(r.guard().name()));
    } else if (g instanceof GuardExpr.Not n) {
      CodeBlock inner = condition(n.operand());
      return n.operand() instanceof GuardExpr.Ref ? CodeBlock.of("!$L", inner) : CodeBlock.of("!($L)", inner);
    } else if (g instanceof GuardExpr.And a) {
      return CodeBlock.of("$L && $L", wrapOr(a.left()), wrapOr(a.right()));
    } else if (g instanceof GuardExpr.Or o) {
      return CodeBlock.of("$L || $L", condition(o.left()), condition(o.right()));
    }
    throw new IllegalArgumentException("unknown guard expression " + g);
  }

  private CodeBlock wrapOr(GuardExpr g) {
    return g instanceof GuardExpr.Or ? CodeBlock.of("($L)", condition(g)) : condition(g);
  }
}
