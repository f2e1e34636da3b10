package io.tcpfsm.analysis;

import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.Guard;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers "what does the model do in state S on event E, given these guards?" from a profile's
 * table. Guards the outcome does not depend on may be left out; guards it does depend on must be
 * given, and are named (with their meaning) when they are not.
 */
public final class Explainer {
  private static final Pattern RFC_PROFILE = Pattern.compile("rfc(\\d+)", Pattern.CASE_INSENSITIVE);

  private final ProfileTable table;

  public Explainer(ProfileTable table) {
    this.table = table;
  }

  public Explanation explain(String stateName, String eventName, Map<String, Boolean> given) {
    Machine m = table.machine();
    Optional<State> state = m.state(stateName);
    if (state.isEmpty()) {
      state = m.state(stateName.toUpperCase(Locale.ROOT));
    }
    if (state.isEmpty()) {
      return new Explanation.Invalid("unknown state '" + stateName + "'; states are " + String.join(", ", m.states().stream().map(s -> s.name()).toList()));
    }
    Optional<Event> event = resolveEvent(m, eventName);
    if (event.isEmpty()) {
      return new Explanation.Invalid("unknown event '" + eventName + "'; events are " + String.join(", ", m.events().stream().map(Event::name).toList()));
    }
    for (String g : given.keySet()) {
      if (m.guard(g).isEmpty()) {
        return new Explanation.Invalid("unknown guard '" + g + "'; guards are " + String.join(", ", m.guards().stream().map(Guard::name).toList()));
      }
    }
    CellGroup group = table.group(state.get(), event.get());
    List<Cell> consistent = new ArrayList<>();
    for (Cell c : group.cells()) {
      if (c.guards().entrySet().stream().allMatch(e -> !given.containsKey(e.getKey()) || given.get(e.getKey()).equals(e.getValue()))) {
        consistent.add(c);
      }
    }
    Set<Transition> outcomes = new LinkedHashSet<>();
    consistent.forEach(c -> outcomes.add(c.transition()));
    if (outcomes.size() > 1) {
      return new Explanation.NeedsGuards(missing(group, consistent, given));
    }
    Cell cell = consistent.get(0);
    if (cell.transition() == null) {
      return new Explanation.Invalid("the model has no transition for " + state.get().name() + " on " + event.get().name() + " when " + cell.guardText() + " (run check)");
    }
    Map<String, Boolean> used = new LinkedHashMap<>();
    for (String g : group.guards()) {
      if (given.containsKey(g)) {
        used.put(g, given.get(g));
      }
    }
    Transition t = cell.transition();
    return new Explanation.Outcome(table.profile(), state.get(), event.get(), used, t, cell.target(), preferredCitation(t));
  }

  /** Events by name; segment flags may be written in any order and any case (ack+syn). */
  private static Optional<Event> resolveEvent(Machine m, String name) {
    Optional<Event> exact = m.event(name).or(() -> m.event(name.toUpperCase(Locale.ROOT)));
    if (exact.isPresent()) {
      return exact;
    }
    int mask = 0;
    for (String flag : name.toUpperCase(Locale.ROOT).split("\\+")) {
      int bit = m.flagBit(flag.trim());
      if (bit < 0) {
        return Optional.empty();
      }
      mask |= bit;
    }
    return m.event(m.segmentName(mask));
  }

  /** The unspecified guards whose value changes the outcome, in declaration order. */
  private List<Guard> missing(CellGroup group, List<Cell> consistent, Map<String, Boolean> given) {
    List<Guard> out = new ArrayList<>();
    for (String g : group.guards()) {
      if (given.containsKey(g)) {
        continue;
      }
      boolean matters = false;
      for (Cell a : consistent) {
        Map<String, Boolean> flipped = new LinkedHashMap<>(a.guards());
        flipped.put(g, !a.guards().get(g));
        if (group.cell(flipped).transition() != a.transition()) {
          matters = true;
          break;
        }
      }
      if (matters) {
        table.machine().guard(g).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The citation of the profile's own RFC (profile rfc793 prefers RFC 793), else the first. */
  public static Citation preferredCitation(Transition t, String profile) {
    if (t.citations().isEmpty()) {
      return null;
    }
    Matcher m = RFC_PROFILE.matcher(profile);
    if (m.matches()) {
      int rfc = Integer.parseInt(m.group(1));
      for (Citation c : t.citations()) {
        if (c.rfc().isPresent() && c.rfc().getAsInt() == rfc) {
          return c;
        }
      }
    }
    return t.citations().get(0);
  }

  private Citation preferredCitation(Transition t) {
    return preferredCitation(t, table.profile());
  }
}
