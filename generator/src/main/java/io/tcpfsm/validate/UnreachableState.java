package io.tcpfsm.validate;

import io.tcpfsm.analysis.Cell;
import io.tcpfsm.analysis.CellGroup;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Profile;
import io.tcpfsm.model.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every state is reachable from the initial state by some sequence of events. */
final class UnreachableState implements Rule {
  @Override
  public void check(Context ctx) {
    if (ctx.hasUnknownTarget()) {
      return;
    }
    State initial = ctx.machine().states().stream().filter(State::initial).findFirst().orElse(null);
    if (initial == null) {
      return;
    }
    Map<State, List<String>> unreachable = new LinkedHashMap<>();
    for (ProfileTable table : ctx.tables().values()) {
      Set<State> seen = reachable(table, initial);
      Profile profile = ctx.machine().profile(table.profile()).orElse(null);
      for (State s : ctx.machine().states()) {
        if (ctx.isRedeclaration(s)) {
          continue;
        }
        boolean declared = profile != null && profile.declaresUnreachable(s.name());
        if (!seen.contains(s) && !declared) {
          unreachable.computeIfAbsent(s, k -> new ArrayList<>()).add(table.profile());
        }
      }
      if (profile != null) {
        for (Profile.Unreachable u : profile.unreachable()) {
          ctx.machine().state(u.state().name()).filter(seen::contains).ifPresent(s -> ctx.report(Code.REACHABLE_AFTER_ALL, u.state().pos(), "profile " + profile.name() + " declares state " + s.name() + " unreachable, but it is reachable from " + initial.name()));
        }
      }
    }
    unreachable.forEach((s, profiles) -> ctx.report(Code.UNREACHABLE_STATE, s.pos(), "state " + s.name() + " cannot be reached from " + initial.name() + ctx.profileQualifier(profiles)));
  }

  static Set<State> reachable(ProfileTable table, State initial) {
    Set<State> seen = new LinkedHashSet<>();
    Deque<State> work = new ArrayDeque<>();
    seen.add(initial);
    work.add(initial);
    while (!work.isEmpty()) {
      State s = work.poll();
      for (CellGroup g : table.groups(s)) {
        for (Cell c : g.cells()) {
          if (c.target() != null && seen.add(c.target())) {
            work.add(c.target());
          }
        }
      }
    }
    return seen;
  }
}
