package io.tcpfsm.audit;

import io.tcpfsm.analysis.Cell;
import io.tcpfsm.analysis.CellGroup;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where two profiles differ, cell by cell: for each state × event, every valuation of the
 * guards either profile reads there whose outcome (target and actions) differs, with the rules
 * on both sides and their notes, which say why.
 */
public record ProfileDiff(String a, String b, List<Difference> differences) {
  /** One state × event × valuation where the profiles disagree. */
  public record Difference(String state, String event, String when, Side a, Side b) {}

  /** One profile's outcome: target, actions, rule and its note (empty when none). */
  public record Side(String target, String actions, String rule, String note) {}

  public static ProfileDiff of(ProfileTable ta, ProfileTable tb) {
    List<Difference> out = new ArrayList<>();
    for (CellGroup ga : ta.groups()) {
      CellGroup gb = tb.group(ga.state(), ga.event());
      if (gb == null || ga.cells().isEmpty() || gb.cells().isEmpty()) {
        continue;
      }
      Set<String> guards = new LinkedHashSet<>(ga.guards());
      guards.addAll(gb.guards());
      List<String> union = List.copyOf(guards);
      Set<String> seen = new LinkedHashSet<>();
      for (int v = 0; v < (1 << union.size()); v++) {
        Map<String, Boolean> valuation = new LinkedHashMap<>();
        for (int j = 0; j < union.size(); j++) {
          valuation.put(union.get(j), (v & (1 << j)) != 0);
        }
        Cell ca = ga.cell(valuation);
        Cell cb = gb.cell(valuation);
        Side sa = side(ca);
        Side sb = side(cb);
        if (sa.target().equals(sb.target()) && sa.actions().equals(sb.actions())) {
          continue;
        }
        // Report each pair of outcomes once per state × event, with the valuation of the guards
        // that matter (those either cell tests).
        Map<String, Boolean> shown = new LinkedHashMap<>(ca.guards());
        shown.putAll(cb.guards());
        String when = new Cell(ca.state(), ca.event(), shown, null, null).guardText();
        if (seen.add(when + "\u0000" + sa + "\u0000" + sb)) {
          out.add(new Difference(ga.state().name(), ga.event().name(), when, sa, sb));
        }
      }
    }
    return new ProfileDiff(ta.profile(), tb.profile(), out);
  }

  private static Side side(Cell c) {
    Transition t = c.transition();
    if (t == null) {
      return new Side("(none)", "", "(none)", "");
    }
    String target = c.target() == null || c.target() == c.state() ? "stay" : c.target().name();
    return new Side(target, String.join("; ", t.actions().stream().map(Action::render).toList()), t.name(), t.note() == null ? "" : t.note());
  }
}
