package io.tcpfsm.explore;

import io.tcpfsm.analysis.Cell;
import io.tcpfsm.analysis.CellGroup;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.EventKind;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One profile of the model as arrays the search can index: for each state and event, the
 * guards its cells read and, per valuation of them, the transition and the target. Built from
 * {@link ProfileTable}, so the explorer runs exactly the cells {@code check} proved total and
 * deterministic.
 */
final class Table {
  final Machine machine;
  final String profile;
  final List<State> states = new ArrayList<>();
  final List<Event> events;
  final int closed;
  /** RFC 5961's lower bound on SEG.ACK: this profile's delta carries rules named rfc5961_*. */
  final boolean rfc5961;
  /**
   * Whether only SYN-RECEIVED's cells read passive_open. The flag is set on every entry to
   * SYN-RECEIVED, so elsewhere it is dead, and the explorer clears it there: two endpoint
   * states that differ in it alone behave alike. Not final: the tests' brute-force reference
   * turns the reduction off (ExploreInFlightTest#bruteForce).
   */
  boolean passiveReadOnlyInSynRecv;
  private final Map<String, Integer> stateIndex = new HashMap<>();
  private final Map<String, Integer> eventIndex = new HashMap<>();
  private final int[][][] guards;
  private final Transition[][][] rules;
  private final int[][][] targets;

  Table(Machine machine, String profile) {
    this.machine = machine;
    this.profile = profile;
    ProfileTable table = ProfileTable.of(machine, profile);
    for (State s : machine.states()) {
      if (!stateIndex.containsKey(s.name())) {
        stateIndex.put(s.name(), states.size());
        states.add(s);
      }
    }
    if (states.size() > 16) {
      throw new ExploreException(machine.file() + ": the explorer packs a state in 4 bits; this machine has " + states.size() + " states");
    }
    events = machine.events();
    for (int i = 0; i < events.size(); i++) {
      eventIndex.put(events.get(i).name(), i);
    }
    int initial = -1;
    for (int i = 0; i < states.size(); i++) {
      if (states.get(i).initial()) {
        initial = i;
      }
    }
    if (initial < 0 || !states.get(initial).name().equals("CLOSED")) {
      throw new ExploreException(machine.file() + ": the explorer composes TCP endpoints and needs the initial state CLOSED");
    }
    closed = initial;
    rfc5961 = machine.profile(profile).map(p -> p.delta().stream().anyMatch(t -> t.rule().name().startsWith("rfc5961_"))).orElse(false);
    guards = new int[states.size()][events.size()][];
    rules = new Transition[states.size()][events.size()][];
    targets = new int[states.size()][events.size()][];
    for (int s = 0; s < states.size(); s++) {
      for (int e = 0; e < events.size(); e++) {
        CellGroup g = table.group(states.get(s), events.get(e));
        int[] ids = new int[g.guards().size()];
        for (int j = 0; j < ids.length; j++) {
          ids[j] = Guards.id(machine, g.guards().get(j));
        }
        guards[s][e] = ids;
        rules[s][e] = new Transition[g.cells().size()];
        targets[s][e] = new int[g.cells().size()];
        for (int v = 0; v < g.cells().size(); v++) {
          Cell c = g.cells().get(v);
          if (!c.covered()) {
            throw new ExploreException(machine.file() + ": profile " + profile + " has no transition for " + c.state().name() + " on "
                + c.event().name() + " when " + c.guardText() + "; run check first");
          }
          rules[s][e][v] = c.transition();
          targets[s][e][v] = stateIndex.get(c.target().name());
        }
      }
    }
    boolean onlySynRecv = true;
    int passiveGuard = Guards.NAMES.indexOf("passive_open");
    for (int s = 0; s < states.size(); s++) {
      for (int e = 0; e < events.size(); e++) {
        for (int id : guards[s][e]) {
          onlySynRecv &= id != passiveGuard || states.get(s).name().equals("SYN_RECV");
        }
      }
    }
    passiveReadOnlyInSynRecv = onlySynRecv;
  }

  /** The index {@link Table} gives the state so named (or aliased) in {@code machine}, or -1. */
  static int stateIndex(Machine machine, String name) {
    String canonical = machine.state(name).map(State::name).orElse(null);
    List<String> seen = new ArrayList<>();
    for (State s : machine.states()) {
      if (!seen.contains(s.name())) {
        seen.add(s.name());
      }
    }
    return canonical == null ? -1 : seen.indexOf(canonical);
  }

  int state(String name) {
    Integer i = machine.state(name).map(s -> stateIndex.get(s.name())).orElse(null);
    return i == null ? -1 : i;
  }

  String stateName(int s) {
    return states.get(s).name();
  }

  int event(String name) {
    return eventIndex.getOrDefault(name, -1);
  }

  boolean isCall(int e) {
    return events.get(e).kind() == EventKind.CALL;
  }

  int[] guards(int state, int event) {
    return guards[state][event];
  }

  Transition rule(int state, int event, int valuation) {
    return rules[state][event][valuation];
  }

  int target(int state, int event, int valuation) {
    return targets[state][event][valuation];
  }
}
