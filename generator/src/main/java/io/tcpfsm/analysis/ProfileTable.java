package io.tcpfsm.analysis;

import io.tcpfsm.model.Event;
import io.tcpfsm.model.GuardExpr;
import io.tcpfsm.model.Guard;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Profile;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A profile's whole machine as a table: every state × event × guard valuation and its outcome.
 * A profile's delta replaces the base in the cells it covers; defaults apply only to a state ×
 * event that neither names. Where several transitions apply (a determinism error the validator
 * reports) the first one written wins, so the table is always complete enough to explain.
 */
public final class ProfileTable {
  private final Machine machine;
  private final String profile;
  private final List<CellGroup> groups;
  private final Map<String, CellGroup> index = new LinkedHashMap<>();
  private final Map<State, List<CellGroup>> byState = new java.util.IdentityHashMap<>();

  private ProfileTable(Machine machine, String profile, List<CellGroup> groups) {
    this.machine = machine;
    this.profile = profile;
    this.groups = List.copyOf(groups);
    for (CellGroup g : groups) {
      index.put(key(g.state().name(), g.event().name()), g);
      byState.computeIfAbsent(g.state(), k -> new ArrayList<>()).add(g);
    }
  }

  /**
   * Builds the table of {@code profile} (a declared profile, or the implicit one). A state ×
   * event whose transitions test more than {@link Machine#MAX_CELL_GUARDS} guards gets no cells
   * (the validator reports it); the cost is that of the cells that exist, not states × transitions.
   */
  public static ProfileTable of(Machine machine, String profile) {
    Matcher matcher = new Matcher(machine);
    List<Transition> delta = machine.profile(profile).map(Profile::delta).orElse(List.of());
    List<State> states = new ArrayList<>();
    Set<String> seenStates = new java.util.HashSet<>();
    for (State state : machine.states()) {
      if (seenStates.add(state.name())) {
        states.add(state); // a duplicate declaration is reported by the validator
      }
    }
    Map<State, List<Transition>> deltaBy = byState(machine, matcher, delta, states);
    Map<State, List<Transition>> baseBy = byState(machine, matcher, machine.transitions(), states);
    Map<State, List<Transition>> defaultsBy = byState(machine, matcher, machine.defaults(), states);
    List<CellGroup> groups = new ArrayList<>();
    for (State state : states) {
      for (Event event : machine.events()) {
        List<Transition> fromDelta = applicable(matcher, deltaBy.get(state), event);
        List<Transition> fromBase = applicable(matcher, baseBy.get(state), event);
        List<Transition> fromDefaults =
            fromDelta.isEmpty() && fromBase.isEmpty()
                ? applicable(matcher, defaultsBy.get(state), event)
                : List.of();
        List<String> guards = guardsOf(machine, fromDelta, fromBase, fromDefaults);
        if (guards.size() > Machine.MAX_CELL_GUARDS) {
          groups.add(new CellGroup(state, event, guards, List.of()));
          continue;
        }
        List<Cell> cells = new ArrayList<>(1 << guards.size());
        for (int v = 0; v < (1 << guards.size()); v++) {
          Map<String, Boolean> valuation = new LinkedHashMap<>();
          for (int j = 0; j < guards.size(); j++) {
            valuation.put(guards.get(j), (v & (1 << j)) != 0);
          }
          Transition t = first(fromDelta, valuation);
          if (t == null) {
            t = first(fromBase, valuation);
          }
          if (t == null) {
            t = first(fromDefaults, valuation);
          }
          cells.add(new Cell(state, event, valuation, t, t == null ? null : matcher.target(t, state)));
        }
        groups.add(new CellGroup(state, event, guards, cells));
      }
    }
    return new ProfileTable(machine, profile, groups);
  }

  /**
   * The transitions of {@code layer} that apply to each state, in the order written. A
   * transition naming its states costs the states it names; only {@code *} visits every state.
   */
  public static Map<State, List<Transition>> byState(Machine machine, Matcher m, List<Transition> layer, List<State> states) {
    Map<State, List<Transition>> out = new java.util.IdentityHashMap<>();
    for (State s : states) {
      out.put(s, new ArrayList<>());
    }
    for (Transition t : layer) {
      if (t.states().all()) {
        for (State s : states) {
          if (m.appliesTo(t, s)) {
            out.get(s).add(t);
          }
        }
      } else {
        Set<State> named = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (var n : t.states().names()) {
          machine.state(n.name()).filter(out::containsKey).filter(named::add).ifPresent(s -> out.get(s).add(t));
        }
      }
    }
    return out;
  }

  private static List<Transition> applicable(Matcher m, List<Transition> ts, Event e) {
    List<Transition> out = new ArrayList<>();
    for (Transition t : ts) {
      if (m.appliesTo(t, e)) {
        out.add(t);
      }
    }
    return out;
  }

  /** The guards the applicable transitions test, in declaration order (unknown ones last). */
  private static List<String> guardsOf(Machine machine, List<Transition> a, List<Transition> b, List<Transition> c) {
    Set<String> names = new TreeSet<>();
    for (List<Transition> list : List.of(a, b, c)) {
      for (Transition t : list) {
        if (t.guard() != null) {
          names.addAll(t.guard().names());
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    for (Guard g : machine.guards()) {
      if (names.remove(g.name()) ) {
        ordered.add(g.name());
      }
    }
    ordered.addAll(names);
    return ordered;
  }

  private static Transition first(List<Transition> ts, Map<String, Boolean> valuation) {
    for (Transition t : ts) {
      if (holds(t.guard(), valuation)) {
        return t;
      }
    }
    return null;
  }

  static boolean holds(GuardExpr guard, Map<String, Boolean> valuation) {
    return guard == null || guard.test(g -> Boolean.TRUE.equals(valuation.get(g)));
  }

  private static String key(String state, String event) {
    return state + "\u0000" + event;
  }

  public Machine machine() {
    return machine;
  }

  public String profile() {
    return profile;
  }

  /** Every state × event, states in declaration order, events in alphabet order. */
  public List<CellGroup> groups() {
    return groups;
  }

  /**
   * The groups of one state, events in alphabet order: what a walk over the graph reads, so it
   * costs the state's groups, not every group of the table.
   */
  public List<CellGroup> groups(State state) {
    return byState.getOrDefault(state, List.of());
  }

  /** The cells of a state (by its canonical name) and an event. */
  public CellGroup group(State state, Event event) {
    return index.get(key(state.name(), event.name()));
  }

  public int cellCount() {
    return groups.stream().mapToInt(g -> g.cells().size()).sum();
  }

  public long coveredCount() {
    return groups.stream().flatMap(g -> g.cells().stream()).filter(Cell::covered).count();
  }
}
