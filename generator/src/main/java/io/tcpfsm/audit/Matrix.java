package io.tcpfsm.audit;

import io.tcpfsm.analysis.Cell;
import io.tcpfsm.analysis.CellGroup;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile's state × event matrix: in each cell the distinct outcomes (target and segments
 * sent) over the guard valuations, each with its kind for colouring and the rules behind it.
 */
public final class Matrix {
  /** How an outcome is coloured: a state change, a close, a reset, another segment, an error, nothing. */
  public enum Kind {
    MOVE("move", "state change"),
    CLOSE("close", "to CLOSED"),
    RESET("reset", "sends RST"),
    SEND("send", "sends a segment"),
    ERROR("error", "answers an error"),
    STAY("stay", "no state change, nothing sent"),
    NONE("none", "no transition (spec incomplete)");

    private final String css;
    private final String words;

    Kind(String css, String words) {
      this.css = css;
      this.words = words;
    }

    public String css() {
      return css;
    }

    public String words() {
      return words;
    }
  }

  /** One distinct outcome of a cell: target (null when it stays), sends, rules, how many valuations. */
  public record Outcome(String target, List<String> sends, List<String> rules, List<String> when, Kind kind) {}

  private final ProfileTable table;
  private final Map<String, List<Outcome>> cells = new LinkedHashMap<>();

  private Matrix(ProfileTable table) {
    this.table = table;
  }

  public static Matrix of(ProfileTable table) {
    Matrix m = new Matrix(table);
    for (CellGroup g : table.groups()) {
      Map<String, Outcome> distinct = new LinkedHashMap<>();
      for (Cell c : g.cells()) {
        String target = c.target() == null || c.target() == c.state() ? null : c.target().name();
        List<String> sends = sends(c.transition());
        String key = target + "|" + sends;
        Outcome o = distinct.get(key);
        String rule = c.transition() == null ? "(none)" : c.transition().name();
        if (o == null) {
          o = new Outcome(target, sends, new ArrayList<>(), new ArrayList<>(), kind(c, target, sends));
          distinct.put(key, o);
        }
        if (!o.rules().contains(rule)) {
          o.rules().add(rule);
        }
        o.when().add(c.guardText());
      }
      m.cells.put(key(g.state(), g.event()), List.copyOf(distinct.values()));
    }
    return m;
  }

  static List<String> sends(Transition t) {
    List<String> out = new ArrayList<>();
    if (t != null) {
      collect(t.actions(), out);
    }
    return out;
  }

  private static void collect(List<Action> actions, List<String> out) {
    for (Action a : actions) {
      if (a instanceof Action.Send s) {
        out.add(s.flags());
      } else if (a instanceof Action.If i) {
        collect(i.then(), out);
      }
    }
  }

  private static Kind kind(Cell c, String target, List<String> sends) {
    if (c.transition() == null) {
      return Kind.NONE;
    }
    if (target != null) {
      return target.equals("CLOSED") ? Kind.CLOSE : Kind.MOVE;
    }
    if (sends.stream().anyMatch(s -> s.contains("RST"))) {
      return Kind.RESET;
    }
    if (!sends.isEmpty()) {
      return Kind.SEND;
    }
    if (c.transition().actions().stream().anyMatch(a -> a instanceof Action.Signal s && s.text().startsWith("error"))) {
      return Kind.ERROR;
    }
    return Kind.STAY;
  }

  private static String key(State s, Event e) {
    return s.name() + "\u0000" + e.name();
  }

  public String profile() {
    return table.profile();
  }

  public List<State> states() {
    return table.machine().states();
  }

  public List<Event> events() {
    return table.machine().events();
  }

  /** The distinct outcomes of a state × event. */
  public List<Outcome> outcomes(State s, Event e) {
    return cells.getOrDefault(key(s, e), List.of());
  }

  /** The cell's colour: its outcomes' kind when they agree, else the most eventful one. */
  public Kind kind(State s, Event e) {
    Kind k = Kind.STAY;
    for (Outcome o : outcomes(s, e)) {
      k = o.kind().ordinal() < k.ordinal() || o.kind() == Kind.NONE ? o.kind() : k;
    }
    return k;
  }
}
