package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Transition;
import io.tcpfsm.rfc.RfcDocument;
import io.tcpfsm.rfc.RfcLibrary;
import io.tcpfsm.rfc.RfcSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A citation must point at text that exists: a bundled RFC, one of its sections, a page inside
 * that section (for paginated RFCs), and a quote that section really contains.
 */
final class BadCitation implements Rule {
  @Override
  public void check(Context ctx) {
    List<Citation> all = new ArrayList<>();
    for (Transition t : ctx.machine().allTransitions()) {
      all.addAll(t.citations());
    }
    if (ctx.machine().targetStayCitations() != null) {
      all.addAll(ctx.machine().targetStayCitations());
    }
    for (Citation c : all) {
      if (c.rfc() == 0) {
        continue; // not an RFC name at all; reported by the parser
      }
      Optional<RfcDocument> doc = RfcLibrary.get(c.rfc());
      if (doc.isEmpty()) {
        ctx.report(Code.UNKNOWN_RFC, c.pos(), "RFC " + c.rfc() + "'s text is not bundled with tcpfsm, so the citation cannot be checked; cite RFC 793 or RFC 9293");
        continue;
      }
      Optional<RfcSection> section = doc.get().section(c.section());
      if (section.isEmpty()) {
        ctx.report(Code.UNKNOWN_SECTION, c.pos(), "RFC " + c.rfc() + " has no section " + c.section());
        continue;
      }
      RfcSection s = section.get();
      if (c.hasPage() && !doc.get().paginated()) {
        ctx.report(Code.PAGE_NOT_AVAILABLE, c.pos(), "RFC " + c.rfc() + "'s text has no page numbers; cite section " + c.section() + " without a page");
      } else if (c.hasPage() && !s.containsPage(c.page())) {
        ctx.report(Code.PAGE_OUT_OF_RANGE, c.pos(), "page " + c.page() + " is outside RFC " + c.rfc() + " section " + c.section() + " (" + s.title() + "), which spans pages " + s.firstPage() + "-" + s.lastPage());
      }
      if (c.quote() != null && !s.says(c.quote())) {
        ctx.report(Code.QUOTE_NOT_FOUND, c.pos(), "RFC " + c.rfc() + " section " + c.section() + " does not say \"" + c.quote() + "\"");
      }
    }
  }
}
