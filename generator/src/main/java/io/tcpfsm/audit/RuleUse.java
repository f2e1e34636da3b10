package io.tcpfsm.audit;

import io.tcpfsm.analysis.Cell;
import io.tcpfsm.analysis.CellGroup;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.Transition;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where each rule is used: the states (RFC spelling), events and profiles of the cells it
 * decides. A rule's reach is read off the tables, not its head, so {@code *} and a delta that
 * replaces the base are taken as they act.
 */
public record RuleUse(Set<String> states, Set<Event> events, Set<String> profiles) {
  static Map<Transition, RuleUse> of(Map<String, ProfileTable> tables) {
    Map<Transition, RuleUse> out = new IdentityHashMap<>();
    tables.forEach((profile, table) -> {
      for (CellGroup g : table.groups()) {
        for (Cell c : g.cells()) {
          if (c.transition() != null) {
            RuleUse u = out.computeIfAbsent(c.transition(), t -> new RuleUse(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>()));
            u.states.add(c.state().rfcName());
            u.events.add(c.event());
            u.profiles.add(profile);
          }
        }
      }
    });
    return out;
  }

  static RuleUse none() {
    return new RuleUse(Set.of(), Set.of(), Set.of());
  }
}
