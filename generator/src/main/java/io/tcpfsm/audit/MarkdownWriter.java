package io.tcpfsm.audit;

import io.tcpfsm.diag.Diagnostic;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The audit as Markdown ({@code audit.md}): the same sections and counts as the page. */
public final class MarkdownWriter {
  private MarkdownWriter() {}

  /** A table cell: pipes escaped, line breaks as {@code <br>}, and &, <, > as entities (Markdown passes HTML through). */
  static String cell(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", "<br>");
  }

  /** Running text: &, <, > as entities, so "<SEQ=ISS><CTL=SYN>" is text, not a tag. */
  static String text(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  public static String write(AuditReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# Audit of ").append(r.spec()).append(" against RFC 793 and RFC 9293\n\n");
    r.summary().forEach(s -> md.append("- ").append(s).append('\n'));
    md.append("\nThe page `index.html` beside this file shows the same, with the matrices coloured")
        .append(r.svg() == null ? "." : " and the state diagram.").append("\n\n");
    matrices(md, r);
    clauses(md, r);
    requirements(md, r);
    diffs(md, r);
    ambiguities(md, r);
    citations(md, r);
    rules(md, r);
    return md.toString();
  }

  private static void clauses(StringBuilder md, AuditReport r) {
    int[] c = r.clauseCounts();
    md.append("## Clause coverage\n\n").append(c[0]).append(" clauses of RFC 793 3.9 and RFC 9293 3.10: ").append(c[3])
        .append(" implemented by nothing and unexplained, ").append(c[2]).append(" deliberately out of scope, ").append(c[1])
        .append(" implemented. Clauses nothing implements come first.\n\n");
    md.append("| Clause | Where | RFC text | Implemented by |\n|---|---|---|---|\n");
    for (Clause cl : r.clausesInReportOrder()) {
      List<Coverage.Link> links = r.coverage().links(cl);
      String by;
      if (links.isEmpty()) {
        by = r.outOfScope(cl).map(n -> "**Out of scope:** " + cell(n.reason())).orElse("**Not implemented.** No rule cites this clause, and no reason is recorded.");
      } else {
        by = links.stream().map(l -> l.transition() == null ? cell(l.rule())
            : "`" + l.rule() + "` (" + cell(r.profilesOf(l.transition())) + "; " + HtmlWriter.how(l) + ")").collect(Collectors.joining("<br>"));
      }
      md.append("| `").append(cl.id()).append("`<br>").append(cell(cl.title())).append(" | ").append(cell(cl.where())).append(" | ")
          .append(cell(Quotes.normalize(cl.text()))).append(" | ").append(by).append(" |\n");
    }
    md.append('\n');
  }

  private static void requirements(StringBuilder md, AuditReport r) {
    md.append("## RFC 9293's requirements (Appendix B)\n\n").append(r.requirements().size()).append(" requirements. ");
    md.append(r.requirementCounts().entrySet().stream().map(e -> e.getKey().words() + ": " + e.getValue()).collect(Collectors.joining(", "))).append(".\n\n");
    md.append("| Id | Level | Feature | Classification | By | Why | RFC 9293 says |\n|---|---|---|---|---|---|---|\n");
    for (Requirement q : r.requirements()) {
      Classification c = r.classification().get(q.id());
      md.append("| ").append(q.id()).append(" | ").append(q.level()).append(" | ").append(cell(q.category() + ": " + q.feature())).append(" | ")
          .append(c.kind().words()).append(" | ").append(c.refs().stream().map(x -> "`" + cell(x) + "`").collect(Collectors.joining("<br>")))
          .append(" | ").append(cell(c.reason())).append(" | ").append(cell("section " + q.section() + ": " + q.sentence())).append(" |\n");
    }
    md.append('\n');
  }

  private static void matrices(StringBuilder md, AuditReport r) {
    md.append("## State × event matrices\n\nEach cell lists the distinct outcomes over the guard valuations: target state (or · when it stays) and the segments sent.\n\n");
    for (Matrix m : r.matrices().values()) {
      md.append("### Profile ").append(m.profile()).append("\n\n| state \\ event |");
      for (Event e : m.events()) {
        md.append(' ').append(cell(e.name())).append(" |");
      }
      md.append("\n|---|").append("---|".repeat(m.events().size())).append('\n');
      for (State s : m.states()) {
        md.append("| ").append(s.name()).append(" |");
        for (Event e : m.events()) {
          md.append(' ').append(m.outcomes(s, e).stream().map(o -> cell(HtmlWriter.outcome(o))).collect(Collectors.joining("<br>"))).append(" |");
        }
        md.append('\n');
      }
      md.append('\n');
    }
  }

  private static void diffs(StringBuilder md, AuditReport r) {
    md.append("## Where the profiles differ\n\n");
    for (ProfileDiff d : r.diffs()) {
      md.append("### ").append(d.a()).append(" versus ").append(d.b()).append(": ").append(d.differences().size()).append(" cells\n\n");
      md.append("| State | Event | When | ").append(d.a()).append(" | ").append(d.b()).append(" | Why (the rules' notes) |\n|---|---|---|---|---|---|\n");
      for (ProfileDiff.Difference x : d.differences()) {
        md.append("| ").append(x.state()).append(" | ").append(cell(x.event())).append(" | ").append(cell(x.when())).append(" | ")
            .append(side(x.a())).append(" | ").append(side(x.b())).append(" | ")
            .append(cell(String.join(" ", List.of(x.a().note(), x.b().note())).trim())).append(" |\n");
      }
      md.append('\n');
    }
  }

  private static String side(ProfileDiff.Side s) {
    return "**" + cell(s.target()) + "** `" + s.rule() + "`<br>" + cell(s.actions());
  }

  private static void ambiguities(StringBuilder md, AuditReport r) {
    md.append("## Ambiguities and errata\n\n");
    for (AuditNotes.Ambiguity a : r.notes().ambiguities()) {
      md.append("### ").append(a.title()).append("\n\n");
      for (Quote q : a.quotes()) {
        md.append("> \"").append(text(q.words())).append("\" (").append(q.where()).append(")\n\n");
      }
      md.append("| Cell |").append(r.profiles().stream().map(p -> " " + p + " |").collect(Collectors.joining())).append("\n|---|")
          .append("---|".repeat(r.profiles().size())).append('\n');
      for (String c : a.cells()) {
        md.append("| ").append(cell(c)).append(" |");
        r.profiles().forEach(p -> md.append(' ').append(cell(HtmlWriter.explained(r.explain(p, c)))).append(" |"));
        md.append('\n');
      }
      md.append('\n').append(text(a.text())).append("\n\n");
    }
    md.append("### Appendix B's own errata\n\n");
    r.tableErrata().forEach(e -> md.append("- ").append(text(e)).append('\n'));
    md.append("\n### RFC 9293 section 5: changes from RFC 793\n\n| RFC 9293 section 5 | Effect on the model |\n|---|---|\n");
    for (Section5.Paragraph p : r.section5()) {
      md.append("| ").append(cell(p.text())).append(" | ").append(cell(p.change() == null ? "None (no reviewed note)." : p.change().text())).append(" |\n");
    }
    md.append('\n');
  }

  private static void citations(StringBuilder md, AuditReport r) {
    md.append("## Citations checked\n\n").append(r.citationsChecked())
        .append(" citations of RFC text were checked by the validator (section exists, page inside it, quoted words in it): ")
        .append(r.citationProblems().isEmpty() ? "all hold." : r.citationProblems().size() + " do not.").append("\n\n");
    for (Diagnostic d : r.citationProblems()) {
      md.append("- ").append(text(d.render())).append('\n');
    }
    md.append("Weak citations: the cited text exists, but is not about the rule's states and events (").append(r.coverage().weak().size()).append(").\n\n");
    for (Coverage.Weak w : r.coverage().weak()) {
      md.append("- `").append(w.rule()).append("`: ").append(text(AuditReport.cite(w.citation()))).append(": ").append(text(w.why())).append('\n');
    }
    List<Transition> unquoted = r.unquotedRules();
    md.append("\nRules whose citations quote no RFC words, so they are checked only to the section or page (").append(unquoted.size()).append(")")
        .append(unquoted.isEmpty() ? "." : ": " + String.join(", ", unquoted.stream().map(t -> "`" + t.name() + "`").toList()) + ".").append("\n\n");
  }

  private static void rules(StringBuilder md, AuditReport r) {
    md.append("## Rules\n\n| Rule | Head | Profiles | Cites | Note |\n|---|---|---|---|---|\n");
    for (Map.Entry<String, Transition> e : r.rules().entrySet()) {
      Transition t = e.getValue();
      md.append("| `").append(e.getKey()).append("`<br>").append(r.spec()).append(':').append(t.pos().line()).append(" | ").append(cell(t.head()))
          .append(" | ").append(cell(r.profilesOf(t))).append(" | ")
          .append(t.citations().stream().map(c -> cell(AuditReport.cite(c))).collect(Collectors.joining("<br>")))
          .append(" | ").append(cell(t.note() == null ? "" : t.note())).append(" |\n");
    }
  }
}
