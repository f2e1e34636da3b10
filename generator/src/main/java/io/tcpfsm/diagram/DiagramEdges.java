package io.tcpfsm.diagram;

import io.tcpfsm.analysis.Cell;
import io.tcpfsm.analysis.CellGroup;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.EventKind;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Timer;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses the arrows of the textbook diagram from a profile's cells. The rule (README, "The
 * state diagram"):
 *
 * <ol>
 *   <li>only cells that change state are drawn: RFC 793's Figure 6 "illustrates only state
 *       changes, together with the causing events and resulting actions" (section 3.2, p.22);
 *   <li>a cell that ends the connection abnormally is left out: to the initial state on the
 *       {@code ABORT} call, on the user timeout, on a segment with RST, or sending an RST. RFC
 *       793's figure "addresses neither error conditions nor actions which are not connected
 *       with state changes" and shows no reset; the one RST it draws, SYN-RECEIVED back
 *       to LISTEN, does not go to CLOSED and stays;
 *   <li>a rule that several segments take is drawn once, with its usual segment: the one with
 *       the fewest flags ({@code listen_syn} takes SYN and SYN+FIN: {@code recv SYN});
 *   <li>rules that take the same arrow on the same event (with and without text, say) are one
 *       label, and it shows the segments that all of them send;
 *   <li>when two arrows leave a state on the same event, each label names the guards that tell
 *       them apart (FIN-WAIT-1 on FIN+ACK: {@code fin_acked} to TIME-WAIT, {@code not fin_acked}
 *       to CLOSING);
 *   <li>an arrow is heavy on the client or server path when a rule of it has {@code tag client}
 *       or {@code tag server}.
 * </ol>
 *
 * <p>Arrows come out in a stable order: by source state, then target state, in declaration order.
 */
public final class DiagramEdges {
  /** The call that aborts a connection (RFC 9293 3.10.5); its arrows to CLOSED are left out. */
  static final String ABORT = "ABORT";

  /** The timer whose expiry aborts a connection (RFC 9293 3.10.8, "USER TIMEOUT"). */
  static final String USER_TIMER = "USER";

  /** The flag of a reset (RFC 9293 3.5.2); arrows to CLOSED on it are left out. */
  static final String RST = "RST";

  private DiagramEdges() {}

  /** The arrows of {@code table}'s profile. */
  public static List<DiagramEdge> of(ProfileTable table) {
    Machine machine = table.machine();
    State initial = machine.states().stream().filter(State::initial).findFirst().orElse(null);
    // (from, to, rule) -> its cells' events, in table order
    Map<List<Object>, Way> ways = new LinkedHashMap<>();
    for (CellGroup group : table.groups()) {
      for (Cell cell : group.cells()) {
        if (!cell.covered() || cell.target() == null || sameState(cell.target(), cell.state())) {
          continue;
        }
        if (abnormalEnd(machine, cell, initial)) {
          continue;
        }
        Transition rule = cell.transition();
        Way way = ways.computeIfAbsent(List.of(cell.state().name(), cell.target().name(), rule.name()),
            k -> new Way(cell.state(), cell.target(), rule));
        way.cells.add(cell);
      }
    }
    // (from, to, usual event) -> the ways that take it
    Map<List<Object>, List<Way>> byEvent = new LinkedHashMap<>();
    for (Way way : ways.values()) {
      byEvent.computeIfAbsent(List.of(way.from.name(), way.to.name(), way.usualEvent().name()), k -> new ArrayList<>()).add(way);
    }
    List<Draft> drafts = new ArrayList<>();
    for (List<Way> same : byEvent.values()) {
      drafts.add(new Draft(same));
    }
    return arrows(machine, drafts);
  }

  /** An arrow to the initial state on ABORT, the user timeout or a reset: error noise. */
  private static boolean abnormalEnd(Machine machine, Cell cell, State initial) {
    if (initial == null || !sameState(cell.target(), initial)) {
      return false;
    }
    Event e = cell.event();
    int rst = machine.flagBit(RST);
    boolean sendsReset = allSends(cell.transition().actions()).stream().anyMatch(s -> s.ctl().contains(RST));
    return sendsReset || switch (e.kind()) {
      case CALL -> e.name().equals(ABORT);
      case TIMEOUT -> e.name().equals(Timer.TIMEOUT_PREFIX + USER_TIMER);
      case SEGMENT -> rst > 0 && (e.flags() & rst) != 0;
    };
  }

  private static boolean sameState(State a, State b) {
    return a.name().equals(b.name());
  }

  /** Labels with their guards, grouped into arrows in declaration order. */
  private static List<DiagramEdge> arrows(Machine machine, List<Draft> drafts) {
    List<State> states = machine.states();
    Map<List<Object>, List<Draft>> byArrow = new LinkedHashMap<>();
    drafts.sort((a, b) -> {
      int c = Integer.compare(index(states, a.from), index(states, b.from));
      c = c != 0 ? c : Integer.compare(index(states, a.to), index(states, b.to));
      c = c != 0 ? c : Integer.compare(machine.events().indexOf(a.event), machine.events().indexOf(b.event));
      return c;
    });
    for (Draft d : drafts) {
      byArrow.computeIfAbsent(List.of(d.from.name(), d.to.name(), d.path()), k -> new ArrayList<>()).add(d);
    }
    List<DiagramEdge> edges = new ArrayList<>();
    for (List<Draft> arrow : byArrow.values()) {
      Draft first = arrow.get(0);
      List<DiagramEdge.Label> labels = new ArrayList<>();
      for (Draft d : arrow) {
        labels.add(d.label(drafts));
      }
      edges.add(new DiagramEdge(first.from, first.to, first.path(), labels));
    }
    return edges;
  }

  private static int index(List<State> states, State s) {
    for (int i = 0; i < states.size(); i++) {
      if (states.get(i).name().equals(s.name())) {
        return i;
      }
    }
    return states.size();
  }

  /** The cells of one rule from one state to another. */
  private static final class Way {
    final State from;
    final State to;
    final Transition rule;
    final List<Cell> cells = new ArrayList<>();

    Way(State from, State to, Transition rule) {
      this.from = from;
      this.to = to;
      this.rule = rule;
    }

    /** The event with the fewest flags: the rule's usual segment, or its call or timeout. */
    Event usualEvent() {
      Event best = null;
      for (Cell c : cells) {
        if (best == null || Integer.bitCount(c.event().flags()) < Integer.bitCount(best.flags())) {
          best = c.event();
        }
      }
      return best;
    }
  }

  /** One label in the making: the ways (rules) that take one arrow on one event. */
  private static final class Draft {
    final State from;
    final State to;
    final Event event;
    final List<Way> ways;

    Draft(List<Way> ways) {
      this.ways = ways;
      this.from = ways.get(0).from;
      this.to = ways.get(0).to;
      this.event = ways.get(0).usualEvent();
    }

    DiagramEdge.Path path() {
      boolean client = ways.stream().anyMatch(w -> w.rule.tags().contains("client"));
      boolean server = ways.stream().anyMatch(w -> w.rule.tags().contains("server"));
      return client ? DiagramEdge.Path.CLIENT : server ? DiagramEdge.Path.SERVER : DiagramEdge.Path.OTHER;
    }

    /** The guard values every cell of this label on its usual event agrees on. */
    Map<String, Boolean> fixedGuards() {
      Map<String, Boolean> fixed = null;
      for (Way w : ways) {
        for (Cell c : w.cells) {
          if (!c.event().name().equals(event.name())) {
            continue;
          }
          if (fixed == null) {
            fixed = new LinkedHashMap<>(c.guards());
          } else {
            fixed.entrySet().removeIf(e -> !Objects.equals(c.guards().get(e.getKey()), e.getValue()));
          }
        }
      }
      return fixed == null ? Map.of() : fixed;
    }

    DiagramEdge.Label label(List<Draft> all) {
      // Guards are shown only where another arrow leaves the same state on the same event:
      // those of ours whose opposite value is fixed on the other arrow.
      Map<String, Boolean> mine = fixedGuards();
      Set<String> shown = new LinkedHashSet<>();
      for (Draft other : all) {
        if (other == this || !other.from.name().equals(from.name()) || !other.event.name().equals(event.name())) {
          continue;
        }
        Map<String, Boolean> theirs = other.fixedGuards();
        mine.forEach((g, v) -> {
          if (theirs.containsKey(g) && theirs.get(g) != v) {
            shown.add(v ? g : "not " + g);
          }
        });
      }
      List<String> rules = ways.stream().map(w -> w.rule.name()).toList();
      return new DiagramEdge.Label(kind(event), eventName(event), List.copyOf(shown), commonSends(), rules);
    }

    /** The segments every rule of this label sends, in the first rule's order. */
    private List<String> commonSends() {
      List<String> sends = new ArrayList<>(sends(ways.get(0).rule.actions()));
      for (Way w : ways.subList(1, ways.size())) {
        List<String> theirs = sends(w.rule.actions());
        sends.removeIf(s -> !theirs.contains(s));
      }
      return sends;
    }
  }

  private static List<String> sends(List<Action> actions) {
    return allSends(actions).stream().map(Action.Send::flags).toList();
  }

  /** The sends of {@code actions}, those inside an {@code if} too. */
  private static List<Action.Send> allSends(List<Action> actions) {
    List<Action.Send> out = new ArrayList<>();
    for (Action a : actions) {
      if (a instanceof Action.Send send) {
        out.add(send);
      } else if (a instanceof Action.If cond) {
        out.addAll(allSends(cond.then()));
      }
    }
    return out;
  }

  private static DiagramEdge.Label.Kind kind(Event e) {
    return e.kind() == EventKind.CALL ? DiagramEdge.Label.Kind.CALL
        : e.kind() == EventKind.SEGMENT ? DiagramEdge.Label.Kind.SEGMENT : DiagramEdge.Label.Kind.TIMEOUT;
  }

  private static String eventName(Event e) {
    return e.kind() == EventKind.TIMEOUT && e.name().startsWith(Timer.TIMEOUT_PREFIX)
        ? e.name().substring(Timer.TIMEOUT_PREFIX.length()) : e.name();
  }
}
