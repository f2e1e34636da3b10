package io.tcpfsm.model;

import java.util.List;
import java.util.stream.Collectors;

/** One step of a transition's ordered actions. The runtime executes them in order. */
public sealed interface Action {
  /** A stable lower-case kind, as in {@code explain --json}: send, timer, signal, ... */
  String kind();

  /** The action as the spec writes it. */
  String render();

  SourcePos pos();

  /**
   * Send a segment written as RFC 793 writes it: {@code <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>}.
   * {@code ctl} lists the control flags in the machine's flag order; {@code withText} says that
   * the segment carries queued data. {@code seq} and {@code ack} are null when the segment
   * does not carry them.
   */
  record Send(SeqExpr seq, SeqExpr ack, List<String> ctl, boolean withText, SourcePos pos)
      implements Action {
    public Send {
      ctl = List.copyOf(ctl);
    }

    @Override
    public String kind() {
      return "send";
    }

    /** The flags joined with '+', as events are named: {@code SYN+ACK}. */
    public String flags() {
      return String.join("+", ctl);
    }

    @Override
    public String render() {
      StringBuilder sb = new StringBuilder("send ");
      if (seq != null) {
        sb.append("<SEQ=").append(seq.render()).append('>');
      }
      if (ack != null) {
        sb.append("<ACK=").append(ack.render()).append('>');
      }
      sb.append("<CTL=").append(String.join(",", ctl)).append('>');
      if (withText) {
        sb.append(" with text");
      }
      return sb.toString();
    }
  }

  /** Start, cancel or restart a timer. */
  record TimerAction(TimerOp op, Named timer, SourcePos pos) implements Action {
    @Override
    public String kind() {
      return "timer";
    }

    @Override
    public String render() {
      return "timer " + op.keyword() + " " + timer.name();
    }
  }

  /** Tell the application something, in the RFC's words ("connection reset"). */
  record Signal(String text, SourcePos pos) implements Action {
    @Override
    public String kind() {
      return "signal";
    }

    @Override
    public String render() {
      return "signal \"" + text + "\"";
    }
  }

  /** Discard the arriving segment (or ignore the event). */
  record Drop(SourcePos pos) implements Action {
    @Override
    public String kind() {
      return "drop";
    }

    @Override
    public String render() {
      return "drop";
    }
  }

  /** Delete the transmission control block. */
  record DeleteTcb(SourcePos pos) implements Action {
    @Override
    public String kind() {
      return "delete_tcb";
    }

    @Override
    public String render() {
      return "delete tcb";
    }
  }

  /** Assign a connection variable, as the RFC does: {@code set RCV.NXT = SEG.SEQ+1}. */
  record Set(String variable, SeqExpr value, SourcePos pos) implements Action {
    @Override
    public String kind() {
      return "set";
    }

    @Override
    public String render() {
      return "set " + variable + " = " + value.render();
    }
  }

  /**
   * Run {@code then} only when {@code condition} holds, as the RFC's "If (SND.WL1 < SEG.SEQ or
   * ...), set SND.WND <- SEG.WND, ..." does: the condition is evaluated once, before any of them.
   */
  record If(Condition condition, List<Action> then, SourcePos pos) implements Action {
    public If {
      then = List.copyOf(then);
    }

    @Override
    public String kind() {
      return "if";
    }

    @Override
    public String render() {
      return "if " + condition.render() + " { " + renderAll(then) + " }";
    }
  }

  /** Send the segment at the front of the retransmission queue again. */
  record Retransmit(SourcePos pos) implements Action {
    @Override
    public String kind() {
      return "retransmit";
    }

    @Override
    public String render() {
      return "retransmit";
    }
  }

  /** Hand the segment's text to the receiving user (or its buffer). */
  record Deliver(SourcePos pos) implements Action {
    @Override
    public String kind() {
      return "deliver";
    }

    @Override
    public String render() {
      return "deliver";
    }
  }

  /** Queue the call (or its data) until the connection can serve it. */
  record Queue(SourcePos pos) implements Action {
    @Override
    public String kind() {
      return "queue";
    }

    @Override
    public String render() {
      return "queue";
    }
  }

  static String renderAll(List<Action> actions) {
    return actions.stream().map(Action::render).collect(Collectors.joining("; "));
  }
}
