package io.tcpfsm.audit;

import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.diag.Code;
import io.tcpfsm.diag.Diagnostic;
import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Transition;
import io.tcpfsm.validate.Validator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the audit page shows, computed from the spec, the bundled RFC texts and the
 * reviewed data ({@code rfc9293-requirements.tsv}, {@code audit-notes.txt}); the HTML and
 * Markdown writers only lay it out, so both say the same.
 *
 * @param svg the state diagram as inline SVG, or null: the diagram generator is a separate
 *     product (issue 10); whoever has one passes its SVG here and the page shows it
 */
public record AuditReport(
    String spec,
    Machine machine,
    List<String> profiles,
    Map<String, ProfileTable> tables,
    Coverage coverage,
    AuditNotes notes,
    List<Requirement> requirements,
    Map<String, Classification> classification,
    Map<String, Matrix> matrices,
    List<ProfileDiff> diffs,
    List<Diagnostic> citationProblems,
    int citationsChecked,
    List<String> tableErrata,
    String svg) {

  private static final Set<Code> CITATION_CODES =
      Set.of(Code.MISSING_CITATION, Code.UNKNOWN_RFC, Code.UNKNOWN_SECTION, Code.PAGE_OUT_OF_RANGE, Code.PAGE_NOT_AVAILABLE, Code.QUOTE_NOT_FOUND);

  /**
   * Builds the report of a validated spec for {@code profiles} (every profile when empty).
   * Fails, naming file and line, when the reviewed data does not fit the RFC or the spec.
   */
  public static AuditReport build(Validator.Result result, List<String> profiles, String svg) throws AuditException {
    Machine m = result.machine();
    if (m == null) {
      throw new AuditException(List.of(result.diagnostics().file() + ": the spec has syntax errors; run check"));
    }
    List<String> chosen = profiles.isEmpty() ? m.profileNames() : profiles;
    List<String> problems = new ArrayList<>();
    for (String p : chosen) {
      if (!result.tables().containsKey(p)) {
        problems.add(m.file() + " has no profile '" + p + "'; it has " + String.join(", ", m.profileNames()));
      }
    }
    if (!problems.isEmpty()) {
      throw new AuditException(problems);
    }
    Map<String, ProfileTable> tables = new LinkedHashMap<>();
    chosen.forEach(p -> tables.put(p, result.tables().get(p)));
    List<Clause> clauses = ClauseSplitter.bundled();
    Coverage coverage = Coverage.of(m, tables, clauses);
    List<Requirement> requirements = Requirements.bundled();
    Map<String, Classification> classes = null;
    AuditNotes notes = null;
    try {
      classes = Classification.bundled(requirements, m);
    } catch (AuditException e) {
      problems.addAll(e.problems());
    }
    try {
      notes = AuditNotes.bundled(clauses, tables);
    } catch (AuditException e) {
      problems.addAll(e.problems());
    }
    for (AuditNotes.ClauseNote n : notes == null ? List.<AuditNotes.ClauseNote>of() : notes.clauses()) {
      if (clauses.stream().filter(n::matches).allMatch(coverage::covered)) {
        problems.add(AuditNotes.FILE + ":" + n.line() + ": [clause " + n.pattern() + "] explains clauses that rules now implement; delete the note");
      }
    }
    if (!problems.isEmpty()) {
      throw new AuditException(problems);
    }
    Map<String, Matrix> matrices = new LinkedHashMap<>();
    tables.forEach((p, t) -> matrices.put(p, Matrix.of(t)));
    List<ProfileDiff> diffs = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      for (int j = i + 1; j < chosen.size(); j++) {
        diffs.add(ProfileDiff.of(tables.get(chosen.get(i)), tables.get(chosen.get(j))));
      }
    }
    List<Diagnostic> citationProblems = result.diagnostics().sorted().stream().filter(d -> CITATION_CODES.contains(d.code())).toList();
    int checked = 0;
    for (Transition t : m.allTransitions()) {
      checked += (int) t.citations().stream().filter(c -> c.rfc().isPresent()).count();
    }
    if (m.targetStayCitations() != null) {
      checked += (int) m.targetStayCitations().stream().filter(c -> c.rfc().isPresent()).count();
    }
    return new AuditReport(m.file(), m, chosen, tables, coverage, notes, requirements, classes, matrices, diffs, citationProblems,
        checked, tableErrata(requirements), svg);
  }

  /**
   * Rows of RFC 9293's Appendix B whose column disagrees with the id's own word: MAY-5 marked
   * SHOULD, SHLD-25 marked MUST. The body's sentence says which is meant.
   */
  private static List<String> tableErrata(List<Requirement> requirements) {
    List<String> out = new ArrayList<>();
    for (Requirement r : requirements) {
      String expected = switch (r.kind()) {
        case "MUST" -> "MUST";
        case "SHLD" -> "SHOULD";
        default -> "MAY";
      };
      if (!r.level().startsWith(expected)) {
        out.add(r.id() + " (" + r.feature() + ") is marked " + r.level() + " in Appendix B; its sentence in section " + r.section() + " says: " + r.sentence());
      }
    }
    return out;
  }

  /** The reviewed reason a clause is left out, if one is recorded. */
  public Optional<AuditNotes.ClauseNote> outOfScope(Clause c) {
    return notes.clauses().stream().filter(n -> n.matches(c)).findFirst();
  }

  /** Clause counts: total, covered, out of scope (uncovered with a reason), uncovered. */
  public int[] clauseCounts() {
    int covered = 0;
    int scoped = 0;
    int open = 0;
    for (Clause c : coverage.clauses()) {
      if (coverage.covered(c)) {
        covered++;
      } else if (outOfScope(c).isPresent()) {
        scoped++;
      } else {
        open++;
      }
    }
    return new int[] {coverage.clauses().size(), covered, scoped, open};
  }

  /** Uncovered clauses first (unexplained, then out of scope), then the covered ones, each in RFC order. */
  public List<Clause> clausesInReportOrder() {
    List<Clause> out = new ArrayList<>();
    coverage.clauses().stream().filter(c -> !coverage.covered(c) && outOfScope(c).isEmpty()).forEach(out::add);
    coverage.clauses().stream().filter(c -> !coverage.covered(c) && outOfScope(c).isPresent()).forEach(out::add);
    coverage.clauses().stream().filter(coverage::covered).forEach(out::add);
    return out;
  }

  /** How many requirements fall in each class. */
  public Map<Classification.Kind, Integer> requirementCounts() {
    Map<Classification.Kind, Integer> out = new EnumMap<>(Classification.Kind.class);
    for (Classification.Kind k : Classification.Kind.values()) {
      out.put(k, 0);
    }
    classification.values().forEach(c -> out.merge(c.kind(), 1, Integer::sum));
    return out;
  }

  /**
   * Rules none of whose RFC citations quotes the RFC: the validator can check them only to the
   * section or page, and the audit places them on clauses by page, state and check alone.
   */
  public List<Transition> unquotedRules() {
    return machine.allTransitions().stream()
        .filter(t -> t.citations().stream().anyMatch(c -> c.rfc().isPresent()))
        .filter(t -> t.citations().stream().noneMatch(c -> c.rfc().isPresent() && c.quote() != null))
        .toList();
  }

  /** The rules of the spec, by name (first written wins), for linking. */
  public Map<String, Transition> rules() {
    Map<String, Transition> out = new LinkedHashMap<>();
    machine.allTransitions().forEach(t -> out.putIfAbsent(t.name(), t));
    return out;
  }

  /** The one-line summary both formats print, so their counts can be compared. */
  public List<String> summary() {
    int[] c = clauseCounts();
    Map<Classification.Kind, Integer> r = requirementCounts();
    int differences = diffs.stream().mapToInt(d -> d.differences().size()).sum();
    return List.of(
        "clauses: " + c[0] + " (implemented " + c[1] + ", out of scope " + c[2] + ", not implemented " + c[3] + ")",
        "requirements: " + requirements.size() + " (model " + r.get(Classification.Kind.MODEL) + ", runtime " + r.get(Classification.Kind.RUNTIME)
            + ", not applicable " + r.get(Classification.Kind.NOT_APPLICABLE) + ", not implemented " + r.get(Classification.Kind.NOT_IMPLEMENTED) + ")",
        "citations: " + citationsChecked + " checked, " + citationProblems.size() + " problems, " + coverage.weak().size() + " weak",
        "profiles: " + String.join(", ", profiles) + "; differing cells: " + differences,
        "ambiguities: " + notes.ambiguities().size());
  }

  /** What {@code profile} does in an ambiguity's cell ({@code STATE EVENT guard=true ...}). */
  public io.tcpfsm.analysis.Explanation explain(String profile, String cell) {
    return AuditNotes.explain(tables.get(profile), cell);
  }

  /** Where a rule acts: "rfc793, rfc9293", or "no cell" for a rule no profile uses. */
  public String profilesOf(Transition t) {
    RuleUse u = coverage.use(t);
    return u.profiles().isEmpty() ? "no cell" : String.join(", ", u.profiles());
  }

  /** RFC 9293 section 5, paragraph by paragraph, with how each reaches the model. */
  public List<Section5.Paragraph> section5() {
    return Section5.of(notes.changes());
  }

  /** A citation rendered with its quote: {@code RFC 9293 3.10.4 "..."}. */
  static String cite(Citation c) {
    return c.render() + (c.quote() == null ? "" : " \"" + c.quote() + "\"");
  }
}
