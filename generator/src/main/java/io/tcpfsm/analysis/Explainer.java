package io.tcpfsm.analysis;

import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.Guard;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    NameResolver names = new NameResolver(table.machine());
    NameResolver.Found<State> state = names.state(stateName);
    if (!state.ok()) {
      return new Explanation.Invalid(state.problem());
    }
    NameResolver.Found<Event> event = names.event(eventName);
    if (!event.ok()) {
      return new Explanation.Invalid(event.problem());
    }
    Map<String, Boolean> guards = new LinkedHashMap<>();
    for (Map.Entry<String, Boolean> g : given.entrySet()) {
      NameResolver.Found<Guard> guard = names.guard(g.getKey());
      if (!guard.ok()) {
        return new Explanation.Invalid(guard.problem());
      }
      if (guards.containsKey(guard.value().name())) {
        return new Explanation.Invalid("guard " + guard.value().name() + " is given twice");
      }
      guards.put(guard.value().name(), g.getValue());
    }
    return explain(state.value(), event.value(), guards);
  }

  private Explanation explain(State state, Event event, Map<String, Boolean> given) {
    CellGroup group = table.group(state, event);
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
      return new Explanation.Invalid("the model has no transition for " + state.name() + " on " + event.name() + " when " + cell.guardText() + " (run check)");
    }
    Map<String, Boolean> used = new LinkedHashMap<>();
    for (String g : group.guards()) {
      if (given.containsKey(g)) {
        used.put(g, given.get(g));
      }
    }
    Transition t = cell.transition();
    return new Explanation.Outcome(table.profile(), state, event, used, t, cell.target(), preferredCitation(t));
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
