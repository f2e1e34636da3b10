package io.tcpfsm.audit;

import io.tcpfsm.analysis.Explainer;
import io.tcpfsm.analysis.Explanation;
import io.tcpfsm.analysis.ProfileTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reviewed notes the report adds to what it computes, from {@code audit-notes.txt} beside
 * this class: why a clause is deliberately not implemented, the places where the RFCs contradict
 * themselves or are silent (with the quoted words on each side and the cells to look at), and
 * how RFC 9293 section 5's changes from RFC 793 reach the model. Every quote is checked against
 * the bundled RFC text and every cell against the spec, so a note cannot drift from either.
 */
public record AuditNotes(List<ClauseNote> clauses, List<Ambiguity> ambiguities, List<Change> changes) {
  public static final String FILE = "audit-notes.txt";

  /** Clauses (ids matching {@code pattern}, {@code *} any text) deliberately left out, and why. */
  public record ClauseNote(String pattern, String reason, int line) {
    boolean matches(Clause c) {
      return Pattern.compile(glob(pattern)).matcher(c.id()).matches();
    }

    private static String glob(String p) {
      return String.join(".*", java.util.Arrays.stream(p.split("\\*", -1)).map(Pattern::quote).toList());
    }
  }

  /** A place where the RFC contradicts itself or is silent, the cells it concerns, and the choice. */
  public record Ambiguity(String id, String title, List<Quote> quotes, List<String> cells, String text, int line) {}

  /** A paragraph of RFC 9293 section 5 (found by its first words) and how it reaches the model. */
  public record Change(Quote quote, String text, int line) {}

  /** The bundled notes, checked against the RFC texts and {@code tables}' spec. */
  public static AuditNotes bundled(List<Clause> clauses, Map<String, ProfileTable> tables) throws AuditException {
    try (InputStream in = AuditNotes.class.getResourceAsStream(FILE)) {
      return parse(FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8), clauses, tables);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
  }

  /**
   * Parses notes: blocks headed {@code [clause PATTERN]}, {@code [ambiguity ID]} or
   * {@code [change]}, each line {@code key = value}. Every problem is reported, as {@code
   * file:line: reason}.
   */
  public static AuditNotes parse(String file, String text, List<Clause> clauses, Map<String, ProfileTable> tables) throws AuditException {
    List<String> problems = new ArrayList<>();
    List<ClauseNote> clauseNotes = new ArrayList<>();
    List<Ambiguity> ambiguities = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    String head = null;
    int headLine = 0;
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, Integer> fieldLines = new LinkedHashMap<>();
    for (int i = 0; i <= lines.length; i++) {
      String l = i < lines.length ? lines[i].strip() : "[end]";
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (l.startsWith("[") && l.endsWith("]")) {
        if (head != null) {
          block(file, head, headLine, fields, fieldLines, clauses, tables, problems, clauseNotes, ambiguities, changes);
        }
        head = l.substring(1, l.length() - 1).trim();
        headLine = i + 1;
        fields = new LinkedHashMap<>();
        fieldLines = new LinkedHashMap<>();
        continue;
      }
      int eq = l.indexOf('=');
      if (head == null || eq < 0) {
        problems.add(file + ":" + (i + 1) + ": expected 'key = value' inside a [clause ...], [ambiguity ...] or [change] block");
        continue;
      }
      String key = l.substring(0, eq).trim();
      String value = l.substring(eq + 1).trim();
      if (key.equals("+")) {
        // a continuation line: "+ = more words" appends to the block's last field
        String last = fields.isEmpty() ? null : new ArrayList<>(fields.keySet()).get(fields.size() - 1);
        if (last == null) {
          problems.add(file + ":" + (i + 1) + ": a continuation with nothing to continue");
        } else {
          List<String> vs = fields.get(last);
          vs.set(vs.size() - 1, vs.get(vs.size() - 1) + " " + value);
        }
        continue;
      }
      fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      fieldLines.putIfAbsent(key + "#" + fields.get(key).size(), i + 1);
    }
    if (!problems.isEmpty()) {
      throw new AuditException(problems);
    }
    return new AuditNotes(List.copyOf(clauseNotes), List.copyOf(ambiguities), List.copyOf(changes));
  }

  private static void block(String file, String head, int line, Map<String, List<String>> fields, Map<String, Integer> fieldLines,
      List<Clause> clauses, Map<String, ProfileTable> tables, List<String> problems,
      List<ClauseNote> clauseNotes, List<Ambiguity> ambiguities, List<Change> changes) {
    String where = file + ":" + line + ": ";
    if (head.startsWith("clause ")) {
      ClauseNote n = new ClauseNote(head.substring(7).trim(), one(fields, "reason", where, problems), line);
      if (clauses.stream().noneMatch(n::matches)) {
        problems.add(where + "[clause " + n.pattern() + "] matches no clause of RFC 793 3.9 or RFC 9293 3.10");
      }
      clauseNotes.add(n);
    } else if (head.startsWith("ambiguity ")) {
      List<Quote> quotes = quotes(file, fields, fieldLines, problems);
      List<String> cells = fields.getOrDefault("cell", List.of());
      for (int k = 0; k < cells.size(); k++) {
        int at = fieldLines.getOrDefault("cell#" + (k + 1), line);
        String cell = cells.get(k);
        for (ProfileTable t : tables.values()) {
          Optional<String> p = cellProblem(t, cell);
          p.ifPresent(s -> problems.add(file + ":" + at + ": cell " + cell + ": profile " + t.profile() + ": " + s));
        }
      }
      if (quotes.size() < 1) {
        problems.add(where + "an ambiguity quotes the RFC at least once (quote = RFC793 3.9 p.73 | words)");
      }
      ambiguities.add(new Ambiguity(head.substring(10).trim(), one(fields, "title", where, problems), quotes, cells, one(fields, "text", where, problems), line));
    } else if (head.equals("change")) {
      List<Quote> quotes = quotes(file, fields, fieldLines, problems);
      if (quotes.size() != 1 || quotes.get(0).rfc() != 9293 || !quotes.get(0).section().equals("5")) {
        problems.add(where + "a [change] quotes the first words of one paragraph of RFC 9293 section 5 (quote = RFC9293 5 | words)");
      } else {
        changes.add(new Change(quotes.get(0), one(fields, "text", where, problems), line));
      }
    } else {
      problems.add(where + "unknown block [" + head + "]; use [clause PATTERN], [ambiguity ID] or [change]");
    }
  }

  private static List<Quote> quotes(String file, Map<String, List<String>> fields, Map<String, Integer> fieldLines, List<String> problems) {
    List<Quote> out = new ArrayList<>();
    List<String> qs = fields.getOrDefault("quote", List.of());
    for (int k = 0; k < qs.size(); k++) {
      int at = fieldLines.getOrDefault("quote#" + (k + 1), 0);
      try {
        Quote q = Quote.parse(qs.get(k));
        q.problem().ifPresent(p -> problems.add(file + ":" + at + ": " + p));
        out.add(q);
      } catch (IllegalArgumentException e) {
        problems.add(file + ":" + at + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static String one(Map<String, List<String>> fields, String key, String where, List<String> problems) {
    List<String> v = fields.get(key);
    if (v == null || v.size() != 1 || v.get(0).isEmpty()) {
      problems.add(where + "needs exactly one '" + key + " = ...'");
      return "";
    }
    return v.get(0);
  }

  /** {@code STATE EVENT [guard=true ...]}: why it names no single outcome in {@code t}, or empty. */
  static Optional<String> cellProblem(ProfileTable t, String cell) {
    Explanation e = explain(t, cell);
    if (e instanceof Explanation.Invalid inv) {
      return Optional.of(inv.reason());
    }
    if (e instanceof Explanation.NeedsGuards ng) {
      return Optional.of("give " + String.join(", ", ng.missing().stream().map(g -> g.name()).toList()));
    }
    return Optional.empty();
  }

  static Explanation explain(ProfileTable t, String cell) {
    String[] parts = cell.trim().split("\\s+");
    if (parts.length < 2) {
      return new Explanation.Invalid("a cell is written STATE EVENT [guard=true|false ...]");
    }
    Map<String, Boolean> guards = new LinkedHashMap<>();
    for (int k = 2; k < parts.length; k++) {
      String[] kv = parts[k].split("=", 2);
      if (kv.length != 2 || !(kv[1].equals("true") || kv[1].equals("false"))) {
        return new Explanation.Invalid("a guard is written name=true or name=false, not '" + parts[k] + "'");
      }
      guards.put(kv[0], Boolean.valueOf(kv[1]));
    }
    return new Explainer(t).explain(parts[0], parts[1], guards);
  }
}
