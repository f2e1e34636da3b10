package io.tcpfsm.audit;

import io.tcpfsm.analysis.Explanation;
import io.tcpfsm.diag.Diagnostic;
import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.List;
import java.util.Map;

/**
 * The audit as one self-contained page: inline CSS, the diagram's SVG inline, no script and no
 * network. The markup is XHTML-compatible (every tag closed, everything escaped), so a test can
 * read it with an XML parser.
 */
public final class HtmlWriter {
  private static final String CSS = """
      body{font:14px/1.45 system-ui,sans-serif;margin:0 2em 4em;color:#1b1b1b}
      h1{margin-top:.6em}h2{border-bottom:2px solid #ccc;margin-top:2em}
      nav a{margin-right:1em}
      table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 5px;vertical-align:top;text-align:left}
      th{background:#f2f2f2}
      pre{white-space:pre-wrap;margin:0;font-size:12px}
      .uncovered{background:#fde2e2}.scoped{background:#f4f4f4}.covered{background:#fff}
      .k-model{background:#dff3df}.k-runtime{background:#dfe9f8}.k-na{background:#eee}.k-no{background:#fde2e2}
      table.matrix{font-size:11px}table.matrix td{min-width:5.5em}
      .move{background:#cfe8ff}.close{background:#ffd7d7}.reset{background:#ffb3b3}.send{background:#fff3c4}
      .error{background:#eeeeee}.stay{background:#ffffff}.none{background:#ff00ff}
      .o{display:block;white-space:nowrap}.legend span{padding:2px 6px;margin-right:4px;border:1px solid #ccc}
      .badge{font-size:11px;color:#555}
      blockquote{margin:.3em 0 .3em 1em;padding-left:.6em;border-left:3px solid #bbb}
      .svg svg{max-width:100%;max-height:560px;height:auto;width:auto}
      """;

  private HtmlWriter() {}

  public static String write(AuditReport r) {
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head").open("meta", "charset", "utf-8").close("meta")
        .el("title", "tcpfsm audit: " + r.spec()).open("style").text(CSS).close("style").close("head").open("body");
    h.el("h1", "Audit of " + r.spec() + " against RFC 793 and RFC 9293");
    h.open("ul", "id", "summary");
    r.summary().forEach(s -> h.el("li", s));
    h.close("ul");
    h.open("nav");
    for (String[] a : new String[][] {{"diagram", "Diagram"}, {"matrix", "Matrices"}, {"clauses", "Clauses"}, {"requirements", "RFC 9293 requirements"},
        {"diff", "Profile diff"}, {"ambiguities", "Ambiguities and errata"}, {"citations", "Citations"}, {"rules", "Rules"}}) {
      h.el("a", a[1], "href", "#" + a[0]);
    }
    h.close("nav");
    // The picture first (diagram, matrices), then the clause-by-clause answers.
    diagram(h, r);
    matrices(h, r);
    clauses(h, r);
    requirements(h, r);
    diffs(h, r);
    ambiguities(h, r);
    citations(h, r);
    rules(h, r);
    h.close("body").close("html");
    return h.toString();
  }

  private static void diagram(Html h, AuditReport r) {
    h.open("section", "id", "diagram").el("h2", "State diagram");
    if (r.svg() == null) {
      h.el("p", "No diagram was given (tcpfsm audit --diagram FILE.svg includes one).", "class", "badge");
    } else {
      h.open("div", "class", "svg").raw(r.svg()).close("div");
    }
    h.close("section");
  }

  private static void clauses(Html h, AuditReport r) {
    int[] c = r.clauseCounts();
    h.open("section", "id", "clauses").el("h2", "Clause coverage");
    h.el("p", "RFC 793 section 3.9 and RFC 9293 section 3.10, split into clauses from the RFC text (per user call and run of states, per segment-arrival check in the RFC's order, per timeout): "
        + c[0] + " clauses, " + c[3] + " implemented by nothing and unexplained, " + c[2] + " deliberately out of scope, " + c[1] + " implemented. Clauses nothing implements come first.");
    h.open("table", "id", "clause-table").open("tr").el("th", "Clause").el("th", "Where").el("th", "RFC text").el("th", "Implemented by").close("tr");
    for (Clause cl : r.clausesInReportOrder()) {
      List<Coverage.Link> links = r.coverage().links(cl);
      String status = !links.isEmpty() ? "covered" : r.outOfScope(cl).isPresent() ? "scoped" : "uncovered";
      h.open("tr", "class", "clause " + status, "id", "clause-" + Html.slug(cl.id()));
      h.open("td").el("code", cl.id()).raw("<br/>").text(cl.title()).close("td");
      h.el("td", cl.where());
      if (cl.text().length() <= 600) {
        h.open("td").el("pre", cl.text()).close("td");
      } else {
        h.open("td").open("details").el("summary", firstLine(cl.text())).el("pre", cl.text()).close("details").close("td");
      }
      h.open("td");
      if (links.isEmpty()) {
        h.el("strong", r.outOfScope(cl).map(n -> "Out of scope: ").orElse("Not implemented. "));
        h.text(r.outOfScope(cl).map(AuditNotes.ClauseNote::reason).orElse("No rule cites this clause, and no reason is recorded."));
      }
      for (Coverage.Link l : links) {
        h.open("span", "class", "o");
        if (l.transition() != null) {
          h.el("a", l.rule(), "href", "#rule-" + Html.slug(l.rule()));
          h.el("span", " (" + r.profilesOf(l.transition()) + "; " + how(l) + ")", "class", "badge");
        } else {
          h.text(l.rule());
        }
        h.close("span");
      }
      h.close("td").close("tr");
    }
    h.close("table").close("section");
  }

  static String how(Coverage.Link l) {
    return switch (l.how()) {
      case QUOTE -> "quotes it";
      case PAGE -> "cites its " + (l.citation().page() != null ? "page" : "section");
      case CONTINUES -> "quotes the clause this one continues into";
    };
  }

  /** The clause's first words after its headings, for a long clause's folded text. */
  private static String firstLine(String text) {
    String f = text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.matches("^([-o*]\\s+)?[A-Z0-9 -]+( STATE)?$")).findFirst().orElse("").trim();
    return f.length() > 90 ? f.substring(0, 90) + "..." : f;
  }

  private static void requirements(Html h, AuditReport r) {
    h.open("section", "id", "requirements").el("h2", "RFC 9293's requirements (Appendix B)");
    StringBuilder counts = new StringBuilder();
    r.requirementCounts().forEach((k, n) -> counts.append(counts.length() == 0 ? "" : ", ").append(k.words()).append(": ").append(n));
    h.el("p", r.requirements().size() + " requirements. " + counts + ".");
    h.open("table", "id", "requirement-table").open("tr").el("th", "Id").el("th", "Level").el("th", "Feature").el("th", "Classification")
        .el("th", "By").el("th", "Why").el("th", "RFC 9293 says").close("tr");
    for (Requirement q : r.requirements()) {
      Classification c = r.classification().get(q.id());
      h.open("tr", "class", "requirement k-" + c.kind().code().replace("/", ""), "id", "req-" + q.id());
      h.el("td", q.id()).el("td", q.level()).el("td", q.category() + ": " + q.feature()).el("td", c.kind().words());
      h.open("td");
      for (String ref : c.refs()) {
        h.open("span", "class", "o");
        if (c.kind() == Classification.Kind.MODEL) {
          h.el("a", ref, "href", "#rule-" + Html.slug(ref));
        } else {
          h.el("code", ref);
        }
        h.close("span");
      }
      h.close("td").el("td", c.reason()).open("td").el("span", "section " + q.section() + ": ", "class", "badge").text(q.sentence()).close("td").close("tr");
    }
    h.close("table").close("section");
  }

  private static void matrices(Html h, AuditReport r) {
    h.open("section", "id", "matrix").el("h2", "State × event matrices");
    h.open("p", "class", "legend");
    for (Matrix.Kind k : Matrix.Kind.values()) {
      h.el("span", k.words(), "class", k.css());
    }
    h.close("p");
    h.el("p", "Each cell lists the distinct outcomes over the guard valuations: target state (or · when it stays) and the segments sent; hover for the guards and rules.");
    for (Matrix m : r.matrices().values()) {
      h.el("h3", "Profile " + m.profile());
      h.open("div", "style", "overflow-x:auto").open("table", "class", "matrix", "id", "matrix-" + Html.slug(m.profile()));
      h.open("tr").el("th", "state \\ event");
      for (Event e : m.events()) {
        h.el("th", e.name());
      }
      h.close("tr");
      for (State s : m.states()) {
        h.open("tr").el("th", s.name());
        for (Event e : m.events()) {
          h.open("td", "class", m.kind(s, e).css());
          for (Matrix.Outcome o : m.outcomes(s, e)) {
            h.el("span", outcome(o), "class", "o", "title", String.join(" | ", o.when()) + " -> " + String.join(", ", o.rules()));
          }
          h.close("td");
        }
        h.close("tr");
      }
      h.close("table").close("div");
    }
    h.close("section");
  }

  static String outcome(Matrix.Outcome o) {
    String t = o.target() == null ? "·" : "→" + o.target();
    return o.sends().isEmpty() ? t : t + " " + String.join(" ", o.sends());
  }

  private static void diffs(Html h, AuditReport r) {
    h.open("section", "id", "diff").el("h2", "Where the profiles differ");
    if (r.diffs().isEmpty()) {
      h.el("p", "Only one profile was audited.");
    }
    for (ProfileDiff d : r.diffs()) {
      h.el("h3", d.a() + " versus " + d.b() + ": " + d.differences().size() + " cells");
      h.open("table", "class", "diff").open("tr").el("th", "State").el("th", "Event").el("th", "When").el("th", d.a()).el("th", d.b()).el("th", "Why (the rules' notes)").close("tr");
      for (ProfileDiff.Difference x : d.differences()) {
        h.open("tr", "class", "difference").el("td", x.state()).el("td", x.event()).el("td", x.when());
        side(h, x.a());
        side(h, x.b());
        h.open("td");
        for (String n : List.of(x.a().note(), x.b().note())) {
          if (!n.isEmpty()) {
            h.el("span", n, "class", "o");
          }
        }
        h.close("td").close("tr");
      }
      h.close("table");
    }
    h.close("section");
  }

  private static void side(Html h, ProfileDiff.Side s) {
    h.open("td").el("strong", s.target()).raw("<br/>").el("a", s.rule(), "href", "#rule-" + Html.slug(s.rule())).raw("<br/>").el("code", s.actions()).close("td");
  }

  private static void ambiguities(Html h, AuditReport r) {
    h.open("section", "id", "ambiguities").el("h2", "Ambiguities and errata");
    for (AuditNotes.Ambiguity a : r.notes().ambiguities()) {
      h.open("article", "class", "ambiguity", "id", "amb-" + Html.slug(a.id())).el("h3", a.title());
      for (Quote q : a.quotes()) {
        h.open("blockquote").text("\"" + q.words() + "\" ").el("span", q.where(), "class", "badge").close("blockquote");
      }
      h.open("table").open("tr").el("th", "Cell");
      r.profiles().forEach(p -> h.el("th", p));
      h.close("tr");
      for (String cell : a.cells()) {
        h.open("tr").el("td", cell);
        for (String p : r.profiles()) {
          h.el("td", explained(r.explain(p, cell)));
        }
        h.close("tr");
      }
      h.close("table").el("p", a.text()).close("article");
    }
    h.el("h3", "Appendix B's own errata");
    h.open("ul");
    r.tableErrata().forEach(e -> h.el("li", e));
    h.close("ul");
    h.el("h3", "RFC 9293 section 5: changes from RFC 793");
    h.open("table", "id", "section5").open("tr").el("th", "RFC 9293 section 5").el("th", "Effect on the model").close("tr");
    for (Section5.Paragraph p : r.section5()) {
      h.open("tr").el("td", p.text()).el("td", p.change() == null ? "None (no reviewed note)." : p.change().text()).close("tr");
    }
    h.close("table").close("section");
  }

  static String explained(Explanation e) {
    if (e instanceof Explanation.Outcome o) {
      String target = o.target() == null || o.target() == o.state() ? "stays" : "→ " + o.target().name();
      return target + " (rule " + o.transition().name() + ")" + (o.transition().note() == null ? "" : ": " + o.transition().note());
    }
    return e instanceof Explanation.Invalid i ? i.reason() : "depends on guards not given";
  }

  private static void citations(Html h, AuditReport r) {
    h.open("section", "id", "citations").el("h2", "Citations checked");
    h.el("p", r.citationsChecked() + " citations of RFC text were checked by the validator (section exists, page inside it, quoted words in it): "
        + (r.citationProblems().isEmpty() ? "all hold." : r.citationProblems().size() + " do not."));
    h.open("ul", "id", "citation-problems");
    for (Diagnostic d : r.citationProblems()) {
      h.el("li", d.render());
    }
    h.close("ul");
    h.el("p", "Weak citations: the cited text exists, but is not about the rule's states and events (" + r.coverage().weak().size() + ").");
    h.open("ul", "id", "weak");
    for (Coverage.Weak w : r.coverage().weak()) {
      h.open("li").el("a", w.rule(), "href", "#rule-" + Html.slug(w.rule())).text(": " + AuditReport.cite(w.citation()) + ": " + w.why()).close("li");
    }
    h.close("ul");
    List<Transition> unquoted = r.unquotedRules();
    h.el("p", "Rules whose citations quote no RFC words, so they are checked only to the section or page (" + unquoted.size() + ")"
        + (unquoted.isEmpty() ? "." : ": " + String.join(", ", unquoted.stream().map(Transition::name).toList()) + "."), "id", "unquoted");
    h.close("section");
  }

  private static void rules(Html h, AuditReport r) {
    h.open("section", "id", "rules").el("h2", "Rules");
    h.open("table").open("tr").el("th", "Rule").el("th", "Head").el("th", "Profiles").el("th", "Cites").el("th", "Note").close("tr");
    for (Map.Entry<String, Transition> e : r.rules().entrySet()) {
      Transition t = e.getValue();
      h.open("tr", "id", "rule-" + Html.slug(e.getKey())).open("td").el("code", e.getKey()).raw("<br/>")
          .el("span", r.spec() + ":" + t.pos().line(), "class", "badge").close("td");
      h.el("td", t.head()).el("td", r.profilesOf(t)).open("td");
      for (Citation c : t.citations()) {
        h.el("span", AuditReport.cite(c), "class", "o");
      }
      h.close("td").el("td", t.note() == null ? "" : t.note()).close("tr");
    }
    h.close("table").close("section");
  }
}
