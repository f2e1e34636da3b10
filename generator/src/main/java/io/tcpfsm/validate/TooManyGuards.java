package io.tcpfsm.validate;

import io.tcpfsm.analysis.CellGroup;
import io.tcpfsm.analysis.Matcher;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Transition;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The guards must stay enumerable: at most {@value Machine#MAX_GUARDS} declared (the generated
 * step table has 2^guards outcomes per state × event) and at most
 * {@value Machine#MAX_CELL_GUARDS} tested in one state × event (every valuation is a cell).
 * The second is reported at the transition whose guard crosses the limit.
 */
final class TooManyGuards implements Rule {
  @Override
  public void check(Context ctx) {
    Machine m = ctx.machine();
    if (m.guards().size() > Machine.MAX_GUARDS) {
      ctx.report(Code.TOO_MANY_GUARDS, m.guards().get(Machine.MAX_GUARDS).pos(),
          "at most " + Machine.MAX_GUARDS + " guards may be declared (the generated step table has 2^guards entries per state and event)");
    }
    Set<Transition> reported = new HashSet<>();
    for (ProfileTable table : ctx.tables().values()) {
      for (CellGroup g : table.groups()) {
        if (g.guards().size() <= Machine.MAX_CELL_GUARDS) {
          continue;
        }
        Transition crossing = crossing(ctx.matcher(), table, g);
        if (crossing != null && reported.add(crossing)) {
          ctx.report(Code.TOO_MANY_GUARDS, crossing.pos(),
              "state " + g.state().name() + " on " + g.event().name() + " tests " + g.guards().size() + " guards with this transition; at most "
                  + Machine.MAX_CELL_GUARDS + " may matter in one state and event (each valuation is a cell)");
        }
      }
    }
  }

  /** The first transition, in the order the profile applies them, whose guards pass the limit. */
  private static Transition crossing(Matcher matcher, ProfileTable table, CellGroup g) {
    Machine m = table.machine();
    List<Transition> ordered = new java.util.ArrayList<>();
    m.profile(table.profile()).ifPresent(p -> ordered.addAll(p.delta()));
    ordered.addAll(m.transitions());
    ordered.addAll(m.defaults());
    Set<String> seen = new LinkedHashSet<>();
    for (Transition t : ordered) {
      if (t.guard() != null && g.guards().containsAll(t.guard().names()) && matcher.appliesTo(t, g.state()) && matcher.appliesTo(t, g.event())) {
        seen.addAll(t.guard().names());
        if (seen.size() > Machine.MAX_CELL_GUARDS) {
          return t;
        }
      }
    }
    return null;
  }
}
