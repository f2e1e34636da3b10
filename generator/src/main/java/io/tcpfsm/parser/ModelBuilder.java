package io.tcpfsm.parser;

import io.tcpfsm.diag.Code;
import io.tcpfsm.diag.Diagnostics;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Condition;
import io.tcpfsm.model.Document;
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
import io.tcpfsm.model.StateSet;
import io.tcpfsm.model.Timer;
import io.tcpfsm.model.TimerOp;
import io.tcpfsm.model.Transition;
import io.tcpfsm.model.Transition.Origin;
import io.tcpfsm.parser.TcpFsmParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Turns the parse tree into the plain model, once (as Trino's AstBuilder does), reading each node
 * by its grammar labels. A node this class does not know is a bug in the grammar or here, so it
 * throws rather than guess. Absent optional parts become null, as the model's records document.
 * Declarations are read first so that segments written in transitions can be checked against the
 * declared flags wherever in the file those are declared.
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
      machine.name(spec.machineDecl().name.getText(), text(spec.machineDecl().description));
    }
    for (SectionContext s : spec.section()) {
      if (s.documentsBlock() != null) {
        machine.declaresDocuments();
        s.documentsBlock().documentDecl().forEach(this::document);
      } else if (s.statesBlock() != null) {
        s.statesBlock().stateDecl().forEach(this::state);
      } else if (s.eventsBlock() != null) {
        s.eventsBlock().eventDecl().forEach(this::event);
      } else if (s.timersBlock() != null) {
        for (TimerDeclContext t : s.timersBlock().timerDecl()) {
          machine.addTimer(new Timer(t.name.getText(), text(t.description), pos(t.name)));
        }
      } else if (s.guardsBlock() != null) {
        for (GuardDeclContext g : s.guardsBlock().guardDecl()) {
          machine.addGuard(new Guard(g.name.getText(), text(g.meaning), pos(g.name)));
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

  private void document(DocumentDeclContext ctx) {
    if (ctx instanceof RfcDocumentContext rfc) {
      String name = rfc.name.getText();
      if (Document.rfcNumber(name).isEmpty()) {
        diagnostics.report(Code.UNKNOWN_RFC, pos(rfc.name), "'" + name + "' does not name an RFC: write it as RFC9293, or declare a source: source " + name + " \"what it is\"");
      }
      machine.addDocument(new Document(name, true, null, pos(rfc.name)));
    } else if (ctx instanceof SourceDocumentContext source) {
      machine.addDocument(new Document(source.name.getText(), false, text(source.description), pos(source.name)));
    } else {
      throw unknown(ctx);
    }
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
      } else {
        throw unknown(a);
      }
    }
    machine.addState(new State(ctx.name.getText(), aliases, initial, isFinal, text(ctx.description), pos(ctx.name)));
  }

  private void event(EventDeclContext ctx) {
    if (ctx instanceof CallDeclContext call) {
      machine.addCall(new Event(call.name.getText(), EventKind.CALL, 0, text(call.description), pos(call.name)));
    } else if (ctx instanceof SegmentFlagsDeclContext decl) {
      for (Token f : decl.flags) {
        machine.addFlag(named(f));
        flagNames.add(f.getText());
      }
    } else {
      throw unknown(ctx);
    }
  }

  private void defaults(DefaultsBlockContext ctx) {
    for (TargetDefaultContext t : ctx.targetDefault()) {
      machine.targetStay(t.citation().stream().map(this::citation).toList(), pos(t.getStart()));
    }
    for (DefaultTransitionContext d : ctx.defaultTransition()) {
      machine.addDefault(transition(Origin.DEFAULT, d, StateSet.allExcept(List.of()), d.events(), d.guard(), d.target(), d.ruleName(), d.body()));
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
      for (Token id : u.names) {
        unreachable.add(new Profile.Unreachable(named(id), text(u.reason)));
      }
    }
    machine.addProfile(new Profile(name, text(ctx.description), delta, unreachable, pos(ctx.name)));
  }

  private Transition transition(TransitionContext ctx, Origin origin) {
    StateSet states;
    if (ctx.states() instanceof AllStatesContext all) {
      states = StateSet.allExcept(all.names.stream().map(ModelBuilder::named).toList());
    } else if (ctx.states() instanceof StateListContext list) {
      states = StateSet.of(list.names.stream().map(ModelBuilder::named).toList());
    } else {
      throw unknown(ctx.states());
    }
    return transition(origin, ctx, states, ctx.events(), ctx.guard(), ctx.target(), ctx.ruleName(), ctx.body());
  }

  private Transition transition(
      Origin origin,
      ParserRuleContext head,
      StateSet states,
      EventsContext events,
      GuardContext guard,
      TargetContext target,
      RuleNameContext ruleName,
      BodyContext body) {
    List<Action> actions = new ArrayList<>();
    List<Citation> citations = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    String note = null;
    for (ParseTree child : body.children) {
      if (child instanceof ActionContext a) {
        actions.add(action(a));
      } else if (child instanceof CitationContext c) {
        citations.add(citation(c));
      } else if (child instanceof TagContext t) {
        t.names.forEach(id -> tags.add(id.getText()));
      } else if (child instanceof NoteContext n) {
        note = text(n.text);
      } else if (!isBrace(child)) {
        throw unknown(child);
      }
    }
    List<EventPattern> patterns = events.eventRef().stream().map(this::eventPattern).toList();
    GuardExpr when = guard == null ? null : guardExpr(guard.guardExpr());
    Named to = target == null ? null : named(target.state);
    Named rule = ruleName != null
        ? named(ruleName.name)
        : new Named(RuleNames.derive(origin, states, patterns, when), pos(head.getStart()));
    return new Transition(rule, ruleName != null, origin, states, patterns, when, to, actions, citations, tags, note, pos(head.getStart()));
  }

  private static boolean isBrace(ParseTree child) {
    String t = child.getText();
    return child.getChildCount() == 0 && (t.equals("{") || t.equals("}"));
  }

  private EventPattern eventPattern(EventRefContext ctx) {
    if (ctx instanceof NamedEventContext named) {
      List<String> parts = named.parts.stream().map(Token::getText).toList();
      String asWritten = String.join("+", parts);
      return new EventPattern.Exact(new Named(canonicalSegmentName(named.parts, asWritten), pos(named.getStart())));
    } else if (ctx instanceof SegmentPatternContext seg) {
      List<Named> with = new ArrayList<>();
      List<Named> without = new ArrayList<>();
      for (FlagTestContext f : seg.flagTest()) {
        (f.negated != null ? without : with).add(named(f.flag));
      }
      return new EventPattern.Segments(with, without, pos(seg.getStart()));
    }
    throw unknown(ctx);
  }

  /** {@code ACK+SYN} names the same event as {@code SYN+ACK}: order flags as declared. */
  private String canonicalSegmentName(List<Token> ids, String asWritten) {
    if (ids.size() < 2 || !ids.stream().allMatch(id -> flagNames.contains(id.getText()))) {
      return asWritten;
    }
    List<String> sorted = new ArrayList<>(ids.stream().map(Token::getText).toList());
    if (sorted.stream().distinct().count() != sorted.size()) {
      diagnostics.report(Code.DUPLICATE_FLAG, pos(ids.get(0)), "event '" + asWritten + "' names a flag twice");
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
    } else if (ctx instanceof GuardRefContext ref) {
      return new GuardExpr.Ref(named(ref.name));
    }
    throw unknown(ctx);
  }

  private Action action(ActionContext ctx) {
    SourcePos at = pos(ctx.getStart());
    if (ctx instanceof SendActionContext send) {
      return send(send, at);
    } else if (ctx instanceof TimerActionContext t) {
      TimerOp op = TimerOp.valueOf(t.op.getText().toUpperCase(Locale.ROOT));
      return new Action.TimerAction(op, named(t.timer), at);
    } else if (ctx instanceof SignalActionContext s) {
      return new Action.Signal(text(s.text), at);
    } else if (ctx instanceof DropActionContext) {
      return new Action.Drop(at);
    } else if (ctx instanceof DeleteTcbActionContext) {
      return new Action.DeleteTcb(at);
    } else if (ctx instanceof SetActionContext set) {
      return new Action.Set(set.variable.getText(), seqExpr(set.value), at);
    } else if (ctx instanceof IfActionContext when) {
      return new Action.If(condition(when.condition()), when.action().stream().map(this::action).toList(), at);
    } else if (ctx instanceof RetransmitActionContext) {
      return new Action.Retransmit(at);
    } else if (ctx instanceof DeliverActionContext) {
      return new Action.Deliver(at);
    } else if (ctx instanceof QueueActionContext) {
      return new Action.Queue(at);
    }
    throw unknown(ctx);
  }

  private Condition condition(ConditionContext ctx) {
    if (ctx instanceof NotConditionContext n) {
      return new Condition.Not(condition(n.condition()));
    } else if (ctx instanceof AndConditionContext a) {
      return new Condition.And(condition(a.condition(0)), condition(a.condition(1)));
    } else if (ctx instanceof OrConditionContext o) {
      return new Condition.Or(condition(o.condition(0)), condition(o.condition(1)));
    } else if (ctx instanceof ParenConditionContext p) {
      return condition(p.condition());
    } else if (ctx instanceof CompareConditionContext c) {
      return new Condition.Compare(seqExpr(c.left), c.op.getText(), seqExpr(c.right));
    }
    throw unknown(ctx);
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
        for (ExprContext e : f.values) {
          String flag = e.getText();
          if (!flagNames.contains(flag)) {
            diagnostics.report(Code.UNKNOWN_FLAG, pos(e.getStart()), "'" + flag + "' is not a declared segment flag");
          } else if (ctl.contains(flag)) {
            diagnostics.report(Code.DUPLICATE_FLAG, pos(e.getStart()), "flag '" + flag + "' is named twice in one segment");
          } else {
            ctl.add(flag);
          }
        }
      } else if (f.values.size() != 1) {
        diagnostics.report(Code.BAD_SEGMENT, pos(f.values.get(1).getStart()), "field " + field + " takes one value");
      } else if (field.equals("SEQ")) {
        seq = seqExpr(f.values.get(0));
      } else {
        ack = seqExpr(f.values.get(0));
      }
    }
    ctl.sort((a, b) -> Integer.compare(flagNames.indexOf(a), flagNames.indexOf(b)));
    return new Action.Send(seq, ack, ctl, ctx.withText() != null, at);
  }

  private static SeqExpr seqExpr(ExprContext ctx) {
    List<String> terms = new ArrayList<>();
    terms.add(term(ctx.first));
    ctx.rest.forEach(t -> terms.add(term(t)));
    List<Character> ops = ctx.ops.stream().map(op -> op.getText().charAt(0)).toList();
    return new SeqExpr(terms, ops);
  }

  private static String term(TermContext ctx) {
    if (ctx instanceof VariableTermContext v) {
      return v.VAR().getText();
    } else if (ctx instanceof NameTermContext n) {
      return n.ID().getText();
    } else if (ctx instanceof NumberTermContext n) {
      return n.NUMBER().getText();
    }
    throw unknown(ctx);
  }

  private Citation citation(CitationContext ctx) {
    Integer page = null;
    if (ctx.PAGE() != null) {
      String digits = ctx.PAGE().getText().substring(2);
      try {
        page = Integer.valueOf(digits);
      } catch (NumberFormatException e) {
        diagnostics.report(Code.PAGE_OUT_OF_RANGE, pos(ctx.PAGE().getSymbol()), "page " + digits + " is not a page number any RFC has");
      }
    }
    String section = ctx.clause == null ? null : ctx.clause.getText();
    return new Citation(ctx.document.getText(), section, page, text(ctx.quote), pos(ctx.getStart()));
  }

  private static Named named(Token token) {
    return new Named(token.getText(), pos(token));
  }

  /** ANTLR columns are 0-based; ours are 1-based, as javac prints them. */
  static SourcePos pos(Token token) {
    return new SourcePos(token.getLine(), token.getCharPositionInLine() + 1);
  }

  /** A string literal's text without its quotes and escapes; null when the spec has none. */
  private static String text(Token string) {
    if (string == null) {
      return null;
    }
    String s = string.getText();
    return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private static IllegalStateException unknown(ParseTree node) {
    return new IllegalStateException("ModelBuilder does not know the parse node " + node.getClass().getSimpleName() + " ('" + node.getText() + "'): the grammar and the builder disagree");
  }
}
