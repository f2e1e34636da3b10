package io.tcpfsm.parser;

import io.tcpfsm.diag.Code;
import io.tcpfsm.diag.Diagnostics;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.EventKind;
import io.tcpfsm.model.EventPattern;
import io.tcpfsm.model.Guard;
import io.tcpfsm.model.GuardExpr;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Named;
import io.tcpfsm.model.Profile;
import io.tcpfsm.model.SeqExpr;
import io.tcpfsm.model.SourcePos;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Timer;
import io.tcpfsm.model.TimerOp;
import io.tcpfsm.model.Transition;
import io.tcpfsm.model.Transition.Origin;
import io.tcpfsm.parser.TcpFsmParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the parse tree into the plain model, once (as Trino's AstBuilder does). Declarations are
 * read first so that segments written in transitions can be checked against the declared flags
 * wherever in the file those are declared.
 */
final class ModelBuilder {
  private static final Set<String> SEGMENT_FIELDS = Set.of("SEQ", "ACK", "CTL");

  private final Diagnostics diagnostics;
  private final Machine.Builder machine;
  private final List<String> flagNames = new ArrayList<>();

  ModelBuilder(String file, Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.machine = Machine.builder(file);
  }

  Machine build(SpecContext spec) {
    if (spec.machineDecl() != null) {
      machine.name(spec.machineDecl().name.getText(), unquote(spec.machineDecl().STRING()));
    }
    for (SectionContext s : spec.section()) {
      if (s.statesBlock() != null) {
        s.statesBlock().stateDecl().forEach(this::state);
      } else if (s.eventsBlock() != null) {
        s.eventsBlock().eventDecl().forEach(this::event);
      } else if (s.timersBlock() != null) {
        for (TimerDeclContext t : s.timersBlock().timerDecl()) {
          machine.addTimer(new Timer(t.name.getText(), unquote(t.STRING()), pos(t.name)));
        }
      } else if (s.guardsBlock() != null) {
        for (GuardDeclContext g : s.guardsBlock().guardDecl()) {
          machine.addGuard(new Guard(g.name.getText(), unquote(g.STRING()), pos(g.name)));
        }
      }
    }
    for (SectionContext s : spec.section()) {
      if (s.transition() != null) {
        machine.addTransition(transition(s.transition(), Origin.BASE));
      } else if (s.defaultsBlock() != null) {
        defaults(s.defaultsBlock());
      } else if (s.profileBlock() != null) {
        profile(s.profileBlock());
      }
    }
    return machine.build();
  }

  private void state(StateDeclContext ctx) {
    boolean initial = false;
    boolean isFinal = false;
    List<Named> aliases = new ArrayList<>();
    for (StateAttrContext a : ctx.stateAttr()) {
      if (a instanceof InitialAttrContext) {
        initial = true;
      } else if (a instanceof FinalAttrContext) {
        isFinal = true;
      } else if (a instanceof AliasAttrContext alias) {
        aliases.add(named(alias.alias));
      }
    }
    machine.addState(
        new State(ctx.name.getText(), aliases, initial, isFinal, unquote(ctx.STRING()), pos(ctx.name)));
  }

  private void event(EventDeclContext ctx) {
    if (ctx instanceof CallDeclContext call) {
      machine.addCall(new Event(call.name.getText(), EventKind.CALL, 0, unquote(call.STRING()), pos(call.name)));
    } else if (ctx instanceof SegmentFlagsDeclContext flags) {
      for (TerminalNode f : flags.ID()) {
        machine.addFlag(named(f.getSymbol()));
        flagNames.add(f.getText());
      }
    }
  }

  private void defaults(DefaultsBlockContext ctx) {
    for (TargetDefaultContext t : ctx.targetDefault()) {
      machine.targetStay(t.citation().stream().map(this::citation).toList(), pos(t.getStart()));
    }
    for (DefaultTransitionContext d : ctx.defaultTransition()) {
      machine.addDefault(
          transition(Origin.DEFAULT, d, allStates(), d.events(), d.guard(), d.target(), d.body()));
    }
  }

  private void profile(ProfileBlockContext ctx) {
    String name = ctx.name.getText();
    List<Transition> delta = new ArrayList<>();
    for (TransitionContext t : ctx.transition()) {
      delta.add(transition(t, Origin.profile(name)));
    }
    List<Profile.Unreachable> unreachable = new ArrayList<>();
    for (UnreachableDeclContext u : ctx.unreachableDecl()) {
      for (TerminalNode id : u.ID()) {
        unreachable.add(new Profile.Unreachable(named(id.getSymbol()), unquote(u.STRING())));
      }
    }
    machine.addProfile(new Profile(name, unquote(ctx.STRING()), delta, unreachable, pos(ctx.name)));
  }

  private static io.tcpfsm.model.StateSet allStates() {
    return io.tcpfsm.model.StateSet.allExcept(List.of());
  }

  private Transition transition(TransitionContext ctx, Origin origin) {
    io.tcpfsm.model.StateSet states;
    if (ctx.states() instanceof AllStatesContext all) {
      states = io.tcpfsm.model.StateSet.allExcept(all.ID().stream().map(t -> named(t.getSymbol())).toList());
    } else {
      StateListContext list = (StateListContext) ctx.states();
      states = io.tcpfsm.model.StateSet.of(list.ID().stream().map(t -> named(t.getSymbol())).toList());
    }
    return transition(origin, ctx, states, ctx.events(), ctx.guard(), ctx.target(), ctx.body());
  }

  private Transition transition(
      Origin origin,
      ParserRuleContext head,
      io.tcpfsm.model.StateSet states,
      EventsContext events,
      GuardContext guard,
      TargetContext target,
      BodyContext body) {
    List<Action> actions = new ArrayList<>();
    List<Citation> citations = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    String note = null;
    for (var child : body.children) {
      if (child instanceof ActionContext a) {
        actions.add(action(a));
      } else if (child instanceof CitationContext c) {
        citations.add(citation(c));
      } else if (child instanceof TagContext t) {
        t.ID().forEach(id -> tags.add(id.getText()));
      } else if (child instanceof NoteContext n) {
        note = unquote(n.STRING());
      }
    }
    return new Transition(
        origin,
        states,
        events.eventRef().stream().map(this::eventPattern).toList(),
        guard == null ? null : guardExpr(guard.guardExpr()),
        target == null ? null : named(target.ID().getSymbol()),
        actions,
        citations,
        tags,
        note,
        pos(head.getStart()));
  }

  private EventPattern eventPattern(EventRefContext ctx) {
    if (ctx instanceof NamedEventContext named) {
      List<TerminalNode> ids = named.ID();
      String name = String.join("+", ids.stream().map(TerminalNode::getText).toList());
      Named event = new Named(canonicalSegmentName(ids, name), pos(named.getStart()));
      return new EventPattern.Exact(event);
    }
    SegmentPatternContext seg = (SegmentPatternContext) ctx;
    List<Named> with = new ArrayList<>();
    List<Named> without = new ArrayList<>();
    for (FlagTestContext f : seg.flagTest()) {
      (f.getChildCount() == 2 ? without : with).add(named(f.ID().getSymbol()));
    }
    return new EventPattern.Segments(with, without, pos(seg.getStart()));
  }

  /** {@code ACK+SYN} names the same event as {@code SYN+ACK}: order flags as declared. */
  private String canonicalSegmentName(List<TerminalNode> ids, String asWritten) {
    if (ids.size() < 2 || !ids.stream().allMatch(id -> flagNames.contains(id.getText()))) {
      return asWritten;
    }
    List<String> sorted = new ArrayList<>(ids.stream().map(TerminalNode::getText).toList());
    if (sorted.stream().distinct().count() != sorted.size()) {
      diagnostics.report(Code.DUPLICATE_FLAG, pos(ids.get(0).getSymbol()), "event '" + asWritten + "' names a flag twice");
      return asWritten;
    }
    sorted.sort((a, b) -> Integer.compare(flagNames.indexOf(a), flagNames.indexOf(b)));
    return String.join("+", sorted);
  }

  private GuardExpr guardExpr(GuardExprContext ctx) {
    if (ctx instanceof NotGuardContext n) {
      return new GuardExpr.Not(guardExpr(n.guardExpr()));
    } else if (ctx instanceof AndGuardContext a) {
      return new GuardExpr.And(guardExpr(a.guardExpr(0)), guardExpr(a.guardExpr(1)));
    } else if (ctx instanceof OrGuardContext o) {
      return new GuardExpr.Or(guardExpr(o.guardExpr(0)), guardExpr(o.guardExpr(1)));
    } else if (ctx instanceof ParenGuardContext p) {
      return guardExpr(p.guardExpr());
    }
    return new GuardExpr.Ref(named(((GuardRefContext) ctx).ID().getSymbol()));
  }

  private Action action(ActionContext ctx) {
    SourcePos at = pos(ctx.getStart());
    if (ctx instanceof SendActionContext send) {
      return send(send, at);
    } else if (ctx instanceof TimerActionContext t) {
      TimerOp op = TimerOp.valueOf(t.op.getText().toUpperCase(java.util.Locale.ROOT));
      return new Action.TimerAction(op, named(t.ID().getSymbol()), at);
    } else if (ctx instanceof SignalActionContext s) {
      return new Action.Signal(unquote(s.STRING()), at);
    } else if (ctx instanceof DropActionContext) {
      return new Action.Drop(at);
    } else if (ctx instanceof DeleteTcbActionContext) {
      return new Action.DeleteTcb(at);
    } else if (ctx instanceof SetActionContext set) {
      return new Action.Set(set.variable.getText(), seqExpr(set.expr()), at);
    } else if (ctx instanceof RetransmitActionContext) {
      return new Action.Retransmit(at);
    } else if (ctx instanceof DeliverActionContext) {
      return new Action.Deliver(at);
    }
    return new Action.Queue(at);
  }

  private Action send(SendActionContext ctx, SourcePos at) {
    SeqExpr seq = null;
    SeqExpr ack = null;
    List<String> ctl = new ArrayList<>();
    for (SegmentFieldContext f : ctx.segmentField()) {
      String field = f.field.getText();
      if (!SEGMENT_FIELDS.contains(field)) {
        diagnostics.report(Code.BAD_SEGMENT, pos(f.field), "unknown segment field '" + field + "': a segment is written with SEQ, ACK and CTL, as in <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>");
      } else if (field.equals("CTL")) {
        for (ExprContext e : f.expr()) {
          String flag = e.getText();
          if (!flagNames.contains(flag)) {
            diagnostics.report(Code.UNKNOWN_FLAG, pos(e.getStart()), "'" + flag + "' is not a declared segment flag");
          } else if (ctl.contains(flag)) {
            diagnostics.report(Code.DUPLICATE_FLAG, pos(e.getStart()), "flag '" + flag + "' is named twice in one segment");
          } else {
            ctl.add(flag);
          }
        }
      } else if (f.expr().size() != 1) {
        diagnostics.report(Code.BAD_SEGMENT, pos(f.expr(1).getStart()), "field " + field + " takes one value");
      } else if (field.equals("SEQ")) {
        seq = seqExpr(f.expr(0));
      } else {
        ack = seqExpr(f.expr(0));
      }
    }
    ctl.sort((a, b) -> Integer.compare(flagNames.indexOf(a), flagNames.indexOf(b)));
    return new Action.Send(seq, ack, ctl, ctx.getChildCount() > 2 && ctx.getChild(ctx.getChildCount() - 1).getText().equals("text"), at);
  }

  private static SeqExpr seqExpr(ExprContext ctx) {
    List<String> terms = ctx.term().stream().map(ParserRuleContext::getText).toList();
    List<Character> ops = new ArrayList<>();
    for (int i = 0; i < ctx.getChildCount(); i++) {
      String t = ctx.getChild(i).getText();
      if (t.equals("+") || t.equals("-")) {
        ops.add(t.charAt(0));
      }
    }
    return new SeqExpr(terms, ops);
  }

  private Citation citation(CitationContext ctx) {
    String rfcText = ctx.rfc.getText();
    int rfc = 0;
    if (rfcText.matches("RFC[0-9]{1,5}")) {
      rfc = Integer.parseInt(rfcText.substring(3));
    } else {
      diagnostics.report(Code.UNKNOWN_RFC, pos(ctx.rfc), "'" + rfcText + "' does not name an RFC: write it as RFC9293");
    }
    int page = Citation.NO_PAGE;
    if (ctx.PAGE() != null) {
      page = Integer.parseInt(ctx.PAGE().getText().substring(2));
    }
    return new Citation(rfc, ctx.clause.getText(), page, unquote(ctx.STRING()), pos(ctx.getStart()));
  }

  private static Named named(Token token) {
    return new Named(token.getText(), pos(token));
  }

  /** ANTLR columns are 0-based; ours are 1-based, as javac prints them. */
  static SourcePos pos(Token token) {
    return new SourcePos(token.getLine(), token.getCharPositionInLine() + 1);
  }

  private static String unquote(TerminalNode string) {
    if (string == null) {
      return null;
    }
    String s = string.getText();
    return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
