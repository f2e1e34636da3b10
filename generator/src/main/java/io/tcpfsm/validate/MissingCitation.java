package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Transition;

/** Every transition says which RFC clause it implements. */
final class MissingCitation implements Rule {
  @Override
  public void check(Context ctx) {
    for (Transition t : ctx.machine().allTransitions()) {
      if (t.citations().isEmpty()) {
        ctx.report(Code.MISSING_CITATION, t.pos(), "this transition cites no RFC clause: add 'cite RFC9293 <section>' (or RFC793 <section> p.<page>)");
      }
    }
  }
}
