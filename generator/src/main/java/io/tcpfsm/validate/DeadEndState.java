package io.tcpfsm.validate;

import io.tcpfsm.analysis.Cell;
import io.tcpfsm.analysis.CellGroup;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.diag.Code;
import io.tcpfsm.model.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A state that no event leaves traps the connection; only a state marked final may do that. */
final class DeadEndState implements Rule {
  @Override
  public void check(Context ctx) {
    if (ctx.hasUnknownTarget()) {
      return;
    }
    Map<State, List<String>> deadEnds = new LinkedHashMap<>();
    for (ProfileTable table : ctx.tables().values()) {
      for (State s : ctx.machine().states()) {
        if (s.isFinal()) {
          continue;
        }
        boolean exits = false;
        boolean any = false;
        for (CellGroup g : table.groups(s)) {
          for (Cell c : g.cells()) {
            any |= c.covered();
            exits |= c.target() != null && c.target() != s;
          }
        }
        if (any && !exits) {
          deadEnds.computeIfAbsent(s, k -> new ArrayList<>()).add(table.profile());
        }
      }
    }
    deadEnds.forEach((s, profiles) -> ctx.report(Code.DEAD_END_STATE, s.pos(), "state " + s.name() + " has no way out: every transition keeps it in " + s.name() + ", and it is not marked 'final'" + ctx.profileQualifier(profiles)));
  }
}
