package io.tcpfsm.diagram;

import io.tcpfsm.model.State;
import java.util.List;

/**
 * One arrow of the state diagram: from one state to another, with one label line per way the
 * model takes it ({@code recv SYN / send SYN+ACK}), drawn in the style of its path.
 */
public record DiagramEdge(State from, State to, Path path, List<Label> labels) {
  public DiagramEdge {
    labels = List.copyOf(labels);
  }

  /**
   * How the arrow is drawn. TLPI Figure 61-4 (after Stevens' TCP/IP Illustrated Figure 18.12)
   * draws the usual client path heavy and solid, the usual server path heavy and dashed, and
   * everything else thin; the spec marks those paths with {@code tag client} and {@code tag server}.
   */
  public enum Path {
    CLIENT,
    SERVER,
    OTHER
  }

  /**
   * One way along the arrow: the event as the textbook names it, the guards that tell it apart
   * from another arrow leaving the same state on the same event ({@code fin_acked}, {@code not
   * fin_acked}; empty when none does), the segments sent, and the spec's rules that take it.
   */
  public record Label(Kind kind, String event, List<String> guards, List<String> sends, List<String> rules) {
    public Label {
      guards = List.copyOf(guards);
      sends = List.copyOf(sends);
      rules = List.copyOf(rules);
    }

    /** The three kinds of event, each written its own way on the diagram. */
    public enum Kind {
      /** An application call, written in bold: {@code CLOSE}. */
      CALL,
      /** A segment's arrival: {@code recv SYN+ACK}. */
      SEGMENT,
      /** A timer's expiry: {@code timeout TIME_WAIT}. */
      TIMEOUT
    }

    /** The event as the diagram prints it, without markup. */
    public String eventText() {
      return switch (kind) {
        case CALL -> event;
        case SEGMENT -> "recv " + event;
        case TIMEOUT -> "timeout " + event;
      };
    }

    /** The guards in brackets, or the empty string. */
    public String guardText() {
      return guards.isEmpty() ? "" : " [" + String.join(", ", guards) + "]";
    }

    /** The sends after a slash ({@code / send SYN+ACK}), or the empty string. */
    public String sendText() {
      return sends.isEmpty() ? "" : " / send " + String.join(", ", sends);
    }

    /** The whole label line without markup: {@code recv FIN+ACK [fin_acked] / send ACK}. */
    public String text() {
      return eventText() + guardText() + sendText();
    }
  }
}
