package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Guard;
import io.tcpfsm.model.Transition;
import java.util.HashSet;
import java.util.Set;

/** A guard no transition tests is probably a leftover or a typo (a warning). */
final class UnusedGuard implements Rule {
  @Override
  public void check(Context ctx) {
    Set<String> used = new HashSet<>();
    for (Transition t : ctx.machine().allTransitions()) {
      if (t.guard() != null) {
        used.addAll(t.guard().names());
      }
    }
    for (Guard g : ctx.machine().guards()) {
      if (!used.contains(g.name())) {
        ctx.report(Code.UNUSED_GUARD, g.pos(), "guard '" + g.name() + "' is declared but no transition tests it");
      }
    }
  }
}
