package io.tcpfsm.validate;

import io.tcpfsm.analysis.Cell;
import io.tcpfsm.analysis.CellGroup;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.diag.Code;
import io.tcpfsm.model.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Totality: every state × event × guard valuation has an outcome, after profile deltas and
 * defaults. Uncovered cells are reported at the state's declaration, grouped so that one missing
 * rule gives one error per state, naming the events and the guard values left uncovered.
 */
final class IncompleteCell implements Rule {
  private static final int MAX_LISTED = 6;

  @Override
  public void check(Context ctx) {
    // state -> (message -> profiles): the same gap in every profile is reported once.
    Map<State, Map<String, Set<String>>> gaps = new LinkedHashMap<>();
    for (ProfileTable table : ctx.tables().values()) {
      for (State s : ctx.machine().states()) {
        if (ctx.isRedeclaration(s)) {
          continue;
        }
        Map<String, List<String>> eventsByGuard = new LinkedHashMap<>();
        for (var event : ctx.machine().events()) {
          CellGroup g = table.group(s, event);
          if (g == null) {
            continue;
          }
          List<Map<String, Boolean>> gaps0 = new ArrayList<>();
          for (Cell c : g.cells()) {
            if (!c.covered()) {
              gaps0.add(c.guards());
            }
          }
          for (Map<String, Boolean> gap : merge(gaps0)) {
            eventsByGuard.computeIfAbsent(render(gap), k -> new ArrayList<>()).add(event.name());
          }
        }
        eventsByGuard.forEach(
            (guard, events) -> {
              String msg = "state " + s.name() + " has no transition on " + list(events)
                  + (guard.equals("always") ? "" : " when " + guard);
              gaps.computeIfAbsent(s, k -> new LinkedHashMap<>())
                  .computeIfAbsent(msg, k -> new LinkedHashSet<>())
                  .add(table.profile());
            });
      }
    }
    gaps.forEach((state, msgs) -> msgs.forEach((msg, profiles) -> ctx.report(Code.INCOMPLETE, state.pos(), msg + ctx.profileQualifier(profiles))));
  }

  /**
   * Drops the guards that do not matter: two gaps that differ only in one guard's value become
   * one gap without that guard, until nothing merges (so "when not seq_acceptable" is reported,
   * not each value of every other guard).
   */
  static List<Map<String, Boolean>> merge(List<Map<String, Boolean>> gaps) {
    // Hashing finds each gap's partner (the same gap with one guard flipped) directly, so a
    // group's 2^k gaps merge in about k * 2^k steps, not by comparing every pair.
    List<Map<String, Boolean>> current = new ArrayList<>(gaps);
    boolean merged = true;
    while (merged) {
      merged = false;
      Map<Map<String, Boolean>, Integer> at = new java.util.HashMap<>();
      for (int i = 0; i < current.size(); i++) {
        at.putIfAbsent(current.get(i), i);
      }
      List<Map<String, Boolean>> next = new ArrayList<>();
      boolean[] used = new boolean[current.size()];
      for (int i = 0; i < current.size(); i++) {
        if (used[i]) {
          continue;
        }
        used[i] = true;
        Map<String, Boolean> gap = current.get(i);
        Map<String, Boolean> out = gap;
        for (var e : gap.entrySet()) {
          Map<String, Boolean> partner = new LinkedHashMap<>(gap);
          partner.put(e.getKey(), !e.getValue());
          Integer j = at.get(partner);
          if (j != null && !used[j]) {
            used[j] = true;
            out = new LinkedHashMap<>(gap);
            out.remove(e.getKey());
            merged = true;
            break;
          }
        }
        next.add(out);
      }
      current = next;
    }
    return current;
  }

  /** The one guard on which {@code a} and {@code b} disagree, if they agree on all else. */
  private static String soleDifference(Map<String, Boolean> a, Map<String, Boolean> b) {
    if (!a.keySet().equals(b.keySet())) {
      return null;
    }
    String diff = null;
    for (var e : a.entrySet()) {
      if (!e.getValue().equals(b.get(e.getKey()))) {
        if (diff != null) {
          return null;
        }
        diff = e.getKey();
      }
    }
    return diff;
  }

  private static String render(Map<String, Boolean> valuation) {
    if (valuation.isEmpty()) {
      return "always";
    }
    List<String> parts = new ArrayList<>();
    valuation.forEach((g, v) -> parts.add(v ? g : "not " + g));
    return String.join(" and ", parts);
  }

  private static String list(List<String> events) {
    if (events.size() <= MAX_LISTED) {
      return String.join(", ", events);
    }
    return String.join(", ", events.subList(0, MAX_LISTED)) + " and " + (events.size() - MAX_LISTED) + " more";
  }
}
