package io.tcpfsm.audit;

import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Transition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one RFC 9293 requirement is met, from the reviewed file {@code rfc9293-requirements.tsv}
 * beside this class: by the model (rules), by the runtime (classes and tests), not applicable,
 * or not implemented, with the reason.
 */
public record Classification(String id, Kind kind, List<String> refs, String reason, int line) {
  /** The bundled file's name, as problems name it. */
  public static final String FILE = "rfc9293-requirements.tsv";

  public Classification {
    refs = List.copyOf(refs);
  }

  /** The four answers the report gives. */
  public enum Kind {
    MODEL("model", "implemented by the model"),
    RUNTIME("runtime", "implemented by the runtime"),
    NOT_APPLICABLE("n/a", "not applicable"),
    NOT_IMPLEMENTED("no", "not implemented");

    private final String code;
    private final String words;

    Kind(String code, String words) {
      this.code = code;
      this.words = words;
    }

    public String code() {
      return code;
    }

    public String words() {
      return words;
    }
  }

  /** Runtime references that name tests ({@code ChecksumTest#method}). */
  public List<String> tests() {
    return refs.stream().filter(r -> r.contains("#")).toList();
  }

  /** Runtime references that name main classes. */
  public List<String> classes() {
    return refs.stream().filter(r -> !r.contains("#")).toList();
  }

  /** The bundled classification, checked against {@code requirements} and the spec's rules. */
  public static Map<String, Classification> bundled(List<Requirement> requirements, Machine machine) throws AuditException {
    try (InputStream in = Classification.class.getResourceAsStream(FILE)) {
      return parse(FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8), requirements, machine);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
  }

  /**
   * Parses a classification; every problem is reported at once, each as {@code file:line:
   * reason}: an id RFC 9293 does not have, a repeated or missing id, an unknown class, a model
   * rule the spec does not have, a missing reason.
   */
  public static Map<String, Classification> parse(String file, String text, List<Requirement> requirements, Machine machine) throws AuditException {
    Set<String> ids = requirements.stream().map(Requirement::id).collect(Collectors.toSet());
    Set<String> rules = machine.allTransitions().stream().map(Transition::name).collect(Collectors.toSet());
    Map<String, Classification> out = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      int n = i + 1;
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\t", -1);
      if (f.length != 4) {
        problems.add(file + ":" + n + ": expected 4 tab-separated fields (id, class, refs, reason), found " + f.length);
        continue;
      }
      String id = f[0].trim();
      Kind kind = Arrays.stream(Kind.values()).filter(k -> k.code().equals(f[1].trim())).findFirst().orElse(null);
      List<String> refs = f[2].trim().equals("-") || f[2].isBlank()
          ? List.of()
          : Arrays.stream(f[2].split(kind == Kind.RUNTIME ? ";" : ",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      String reason = f[3].trim();
      if (!ids.contains(id)) {
        problems.add(file + ":" + n + ": '" + id + "' is not one of RFC 9293's numbered requirements (MUST-1..69, SHLD-1..31, MAY-1..18)");
        continue;
      }
      if (out.containsKey(id)) {
        problems.add(file + ":" + n + ": " + id + " is classified twice (first at line " + out.get(id).line() + ")");
        continue;
      }
      if (kind == null) {
        problems.add(file + ":" + n + ": " + id + ": unknown class '" + f[1].trim() + "'; use model, runtime, n/a or no");
        continue;
      }
      if ((kind == Kind.MODEL || kind == Kind.RUNTIME) && refs.isEmpty()) {
        problems.add(file + ":" + n + ": " + id + " is classified " + kind.code() + " but names no " + (kind == Kind.MODEL ? "rule" : "class"));
      }
      if (kind == Kind.MODEL) {
        for (String r : refs) {
          if (!rules.contains(r)) {
            problems.add(file + ":" + n + ": " + id + " names rule '" + r + "', which " + machine.file() + " does not have");
          }
        }
      }
      if (reason.isEmpty()) {
        problems.add(file + ":" + n + ": " + id + " has no reason");
      }
      out.put(id, new Classification(id, kind, refs, reason, n));
    }
    for (Requirement r : requirements) {
      if (!out.containsKey(r.id())) {
        problems.add(file + ": " + r.id() + " (" + r.feature() + ") is not classified; add a line for it");
      }
    }
    if (!problems.isEmpty()) {
      throw new AuditException(problems);
    }
    return out;
  }
}
