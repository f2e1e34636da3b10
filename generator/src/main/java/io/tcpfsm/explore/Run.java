package io.tcpfsm.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of the composition from the start (both ends CLOSED, nothing in flight), replayed with
 * its details: for each step the move, the rule the moving end took, the states it left and
 * entered, the segments it sent and the signals its application saw.
 */
public final class Run {
  /** One step; {@code state} is the joint state after it (A, B, A to B, B to A). */
  public record Step(Move move, String rule, String fromState, String toState, List<Integer> sent, int overflowed,
      String signals, long[] state) {}

  final Table[] tables;
  final long[] start;
  final List<Step> steps;
  /** What a segment lost to the bound found full: "channel" (--capacity) or "network" (--in-flight). */
  final String bound;

  Run(Table[] tables, long[] start, List<Step> steps, String bound) {
    this.bound = bound;
    this.tables = tables;
    this.start = start;
    this.steps = List.copyOf(steps);
  }

  /**
   * A segment an end sent during the run, for a capture: {@code flags} in the TCP header's bits
   * (FIN 0x01, SYN 0x02, RST 0x04, ACK 0x10), sequence numbers abstract (see {@code End}).
   */
  public record Sent(int step, boolean fromA, int flags, int seq, int ack, boolean text) {}

  /** Every segment sent, in the order sent (a capture next to the senders, losses included). */
  public List<Sent> sent() {
    List<Sent> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step st = steps.get(i);
      for (int s : st.sent()) {
        int f = Seg.flags(s);
        int header = (f & Seg.FIN) | (f & Seg.SYN) | (f & Seg.RST) | ((f & Seg.ACK) != 0 ? 0x10 : 0);
        out.add(new Sent(i + 1, st.move().end() == 0, header, Seg.seq(s), Seg.ack(s), Seg.data(s)));
      }
    }
    return out;
  }

  public int length() {
    return steps.size();
  }

  public List<Step> steps() {
    return steps;
  }

  /** The state names of A and B after step {@code i} (-1: at the start). */
  public String stateOf(int end, int i) {
    long[] s = i < 0 ? start : steps.get(i).state();
    return tables[end].stateName(End.state(s[end]));
  }

  /**
   * The path to stored state {@code id} read in orientation {@code o} (1: its mirror image)
   * along the breadth-first tree, replayed with details. The start is its own mirror image, so
   * when the tree's path arrives in the other orientation its mirror image is the run.
   */
  static Run to(StateGraph g, int id, int o) {
    List<Integer> ids = new ArrayList<>();
    List<Integer> swaps = new ArrayList<>();
    for (int at = id; at >= 0; at = g.parent(at)) {
      ids.add(0, at);
      swaps.add(0, at != 0 ? g.parentSwap(at) : 0);
    }
    int[] orient = new int[ids.size()];
    for (int i = 1; i < ids.size(); i++) {
      orient[i] = orient[i - 1] ^ swaps.get(i);
    }
    int flip = orient[ids.size() - 1] ^ o;
    List<long[]> states = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      states.add(state(g, ids.get(i), orient[i] ^ flip));
    }
    return along(g, states);
  }

  /** The run through {@code states} (real joint states, consecutive ones joined by a step), replayed with details. */
  static Run along(StateGraph g, List<long[]> states) {
    List<Step> steps = new ArrayList<>();
    for (int i = 1; i < states.size(); i++) {
      long[] from = states.get(i - 1);
      long[] to = states.get(i);
      Step[] found = new Step[1];
      g.composition.expand(from[0], from[1], from[2], from[3], (m, a, b, ab, ba, fx) -> {
        if (found[0] == null && a == to[0] && b == to[1] && ab == to[2] && ba == to[3]) {
          Move move = g.composition.move(m);
          List<Integer> sent = new ArrayList<>();
          String rule = null;
          String fromState = null;
          String toState = null;
          String signals = "";
          int overflowed = 0;
          if (fx != null) {
            for (int k = 0; k < fx.sentCount; k++) {
              sent.add(fx.sent[k]);
            }
            Table t = g.composition.tables[move.end()];
            rule = fx.rule;
            fromState = t.stateName(fx.from);
            toState = t.stateName(fx.to);
            signals = fx.signals.toString();
            overflowed = fx.overflowed;
          }
          found[0] = new Step(move, rule, fromState, toState, sent, overflowed, signals, new long[] {a, b, ab, ba});
        }
      }, true);
      if (found[0] == null) {
        throw new IllegalStateException("no step from joint state " + (i - 1) + " of the run to the next");
      }
      steps.add(found[0]);
    }
    return new Run(g.composition.tables, states.get(0), steps, g.composition.config.inFlight() > 0 ? "network" : "channel");
  }

  /** Stored state {@code id} as a real joint state: itself ({@code o} 0) or its mirror image (1). */
  static long[] state(StateGraph g, int id, int o) {
    long a = g.states.get(id, 0);
    long b = g.states.get(id, 1);
    long ab = g.states.get(id, 2);
    long ba = g.states.get(id, 3);
    return o == 0 ? new long[] {a, b, ab, ba} : new long[] {b, a, ba, ab};
  }
}
