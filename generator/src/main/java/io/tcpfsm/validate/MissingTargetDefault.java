package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Transition;

/**
 * A transition without "-> STATE" stays where it is only because the spec says so, with
 * "defaults { target stay cite ... }" (RFC 793 p.53); the rule is written, not assumed.
 */
final class MissingTargetDefault implements Rule {
  @Override
  public void check(Context ctx) {
    if (ctx.machine().targetStayCitations() != null) {
      return;
    }
    for (Transition t : ctx.machine().allTransitions()) {
      if (t.target() == null) {
        ctx.report(Code.NO_TARGET_DEFAULT, t.pos(), "this transition names no target state, and the spec has no 'defaults { target stay ... }' saying that it keeps its state");
      }
    }
  }
}
