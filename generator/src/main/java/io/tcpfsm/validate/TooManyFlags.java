package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Machine;

/** Every combination of flags is an event; past {@value Machine#MAX_FLAGS} flags that is too many. */
final class TooManyFlags implements Rule {
  @Override
  public void check(Context ctx) {
    var flags = ctx.machine().flags();
    if (flags.size() > Machine.MAX_FLAGS) {
      ctx.report(Code.TOO_MANY_FLAGS, flags.get(Machine.MAX_FLAGS).pos(), "at most " + Machine.MAX_FLAGS + " segment flags may be declared (each combination is an event); the rest are ignored");
    }
  }
}
