package io.tcpfsm.analysis;

import io.tcpfsm.model.Event;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell of a profile's table: a state, an event, a valuation of the guards that matter for
 * that pair, and the one transition that applies (null if none does: the spec is incomplete).
 */
public record Cell(State state, Event event, Map<String, Boolean> guards, Transition transition, State target) {
  public Cell {
    guards = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(guards));
  }

  public boolean covered() {
    return transition != null;
  }

  /** {@code seq_acceptable, not ack_acceptable}, or "always" for a cell with no guards. */
  public String guardText() {
    if (guards.isEmpty()) {
      return "always";
    }
    List<String> parts = new java.util.ArrayList<>();
    guards.forEach((g, v) -> parts.add(v ? g : "not " + g));
    return String.join(" and ", parts);
  }
}
