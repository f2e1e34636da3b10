package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.emit.NameCheck;

/**
 * What {@code check} accepts, {@code generate} can emit: every name maps to a Java name that is
 * not a keyword, not taken by another name of its kind after case and {@code -}/{@code +}
 * mapping, and not taken by a member the generated code declares beside it.
 */
final class JavaNames implements Rule {
  @Override
  public void check(Context ctx) {
    java.util.Set<io.tcpfsm.model.SourcePos> reported = new java.util.HashSet<>();
    for (NameCheck.Problem p : NameCheck.check(ctx.machine())) {
      if (reported.add(p.pos())) { // one name, one report (its constant and its class may both clash)
        ctx.report(Code.JAVA_NAME, p.pos(), p.message());
      }
    }
  }
}
