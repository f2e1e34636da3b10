package io.tcpfsm.validate;

import io.tcpfsm.diag.Code;
import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Document;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Transition;
import io.tcpfsm.rfc.RfcDocument;
import io.tcpfsm.rfc.RfcLibrary;
import io.tcpfsm.rfc.RfcSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A citation must point at text that exists: a document the spec declares (when it declares
 * any), and for an RFC its bundled text, one of its sections, a page inside that section (for
 * paginated RFCs), and a quote that section really contains. A declared source that is not an
 * RFC (Linux's behaviour) is cited by name: there is no text to check it against.
 */
final class BadCitation implements Rule {
  @Override
  public void check(Context ctx) {
    Machine m = ctx.machine();
    List<Citation> all = new ArrayList<>();
    for (Transition t : m.allTransitions()) {
      all.addAll(t.citations());
    }
    if (m.targetStayCitations() != null) {
      all.addAll(m.targetStayCitations());
    }
    for (Citation c : all) {
      Optional<Document> declared = m.document(c.document());
      OptionalInt rfc = c.rfc();
      if (m.declaresDocuments() && declared.isEmpty()) {
        ctx.report(Code.UNKNOWN_RFC, c.pos(), "'" + c.document() + "' is not one of the documents this spec declares; add it to the documents block");
        continue;
      }
      if (rfc.isEmpty()) {
        if (declared.isEmpty()) {
          ctx.report(Code.UNKNOWN_RFC, c.pos(), "'" + c.document() + "' does not name an RFC: write it as RFC9293, or declare it as a source in a documents block");
        }
        continue;
      }
      check(ctx, c, rfc.getAsInt());
    }
  }

  private static void check(Context ctx, Citation c, int rfc) {
    Optional<RfcDocument> doc = RfcLibrary.get(rfc);
    if (doc.isEmpty()) {
      ctx.report(Code.UNKNOWN_RFC, c.pos(), "RFC " + rfc + "'s text is not bundled with tcpfsm, so the citation cannot be checked; cite a bundled RFC (" + RfcLibrary.bundled() + ") or declare it as a source");
      return;
    }
    if (c.section() == null) {
      ctx.report(Code.UNKNOWN_SECTION, c.pos(), "a citation of RFC " + rfc + " names no section: write cite RFC" + rfc + " <section>");
      return;
    }
    Optional<RfcSection> section = doc.get().section(c.section());
    if (section.isEmpty()) {
      ctx.report(Code.UNKNOWN_SECTION, c.pos(), "RFC " + rfc + " has no section " + c.section());
      return;
    }
    RfcSection s = section.get();
    if (c.hasPage() && !doc.get().paginated()) {
      ctx.report(Code.PAGE_NOT_AVAILABLE, c.pos(), "RFC " + rfc + "'s text has no page numbers; cite section " + c.section() + " without a page");
    } else if (c.hasPage() && !s.containsPage(c.page())) {
      ctx.report(Code.PAGE_OUT_OF_RANGE, c.pos(), "page " + c.page() + " is outside RFC " + rfc + " section " + c.section() + " (" + s.title() + "), which spans pages " + s.firstPage() + "-" + s.lastPage());
    }
    if (c.quote() != null && !s.says(c.quote())) {
      ctx.report(Code.QUOTE_NOT_FOUND, c.pos(), "RFC " + rfc + " section " + c.section() + " does not say \"" + c.quote() + "\"");
    }
  }
}
