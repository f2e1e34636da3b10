package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Transition;

/**
 * In a spec that declares the documents it cites, every transition says which clause it
 * implements. A spec with no documents block (a machine that is not about an RFC) cites nothing.
 */
final class MissingCitation implements Rule {
  @Override
  public void check(Context ctx) {
    if (!ctx.machine().declaresDocuments()) {
      return;
    }
    for (Transition t : ctx.machine().allTransitions()) {
      if (t.citations().isEmpty()) {
        ctx.report(Code.MISSING_CITATION, t.pos(), "this transition cites no RFC clause: add 'cite <document> <section>', e.g. cite RFC9293 3.10.7.4 (or RFC793 3.9 p.<page>)");
      }
    }
  }
}
