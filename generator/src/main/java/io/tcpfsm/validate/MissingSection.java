package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.SourcePos;

/** A machine needs states and events; without them nothing else can be checked. */
final class MissingSection implements Rule {
  @Override
  public void check(Context ctx) {
    SourcePos top = new SourcePos(1, 1);
    if (ctx.machine().states().isEmpty()) {
      ctx.report(Code.MISSING_SECTION, top, "the spec declares no states: add a 'states { ... }' block");
    }
    // events() is never empty (a spec without flags still has the segment NONE): ask what was declared.
    if (ctx.machine().calls().isEmpty() && ctx.machine().flags().isEmpty()) {
      ctx.report(Code.MISSING_SECTION, top, "the spec declares no events: add an 'events { ... }' block");
    }
  }
}
