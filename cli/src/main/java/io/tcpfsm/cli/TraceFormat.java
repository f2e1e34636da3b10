package io.tcpfsm.cli;

import io.tcpfsm.trace.Coverage;
import io.tcpfsm.trace.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/** How {@code tcpfsm trace} writes a verdict: a line of text, or a JSON object on one line. */
final class TraceFormat {
  private TraceFormat() {}

  static String text(String file, Verdict v) {
    StringBuilder sb = new StringBuilder();
    text(sb, file, v);
    return sb.toString();
  }

  /** The line {@link #text(String, Verdict)} returns, appended to {@code sb}. */
  static void text(StringBuilder sb, String file, Verdict v) {
    sb.append(file).append(": ").append(v.a()).append('-').append(v.b()).append(": ").append(v.frames()).append(" frames, ")
        .append(v.kind().word());
    Verdict.Deviation d = v.deviation();
    if (d != null) {
      sb.append(" at frame ").append(d.frame()).append(": expected ").append(d.expected()).append("; saw ").append(d.seen());
      if (!d.rule().isEmpty() || !d.citation().isEmpty()) {
        sb.append("; rule ").append(d.rule().isEmpty() ? "-" : d.rule()).append(" (").append(d.citation()).append(')');
      }
      sb.append("; states ").append(v.a()).append(' ').append(d.statesA()).append(", ").append(v.b()).append(' ').append(d.statesB());
    }
    if (!v.reason().isEmpty()) {
      sb.append(" (").append(v.reason()).append(')');
    }
    sb.append("; final ").append(v.a()).append(' ').append(v.finalA()).append(", ").append(v.b()).append(' ').append(v.finalB());
  }

  static String json(String file, Verdict v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("connection", v.a() + "-" + v.b());
    m.put("frames", v.frames());
    m.put("verdict", v.kind().word());
    Map<String, Object> fin = new LinkedHashMap<>();
    fin.put(v.a(), v.finalA());
    fin.put(v.b(), v.finalB());
    m.put("final", fin);
    Verdict.Deviation d = v.deviation();
    if (d == null) {
      m.put("deviation", null);
    } else {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("frame", d.frame());
      dm.put("expected", d.expected());
      dm.put("seen", d.seen());
      dm.put("rule", d.rule());
      dm.put("citation", d.citation());
      Map<String, Object> states = new LinkedHashMap<>();
      states.put(v.a(), d.statesA());
      states.put(v.b(), d.statesB());
      dm.put("states", states);
      m.put("deviation", dm);
    }
    m.put("reason", v.reason());
    return Json.write(m);
  }

  static String text(String file, String profile, Coverage.Report r) {
    return file + ": coverage of " + profile + ": " + r.rulesSeen() + " of " + r.rulesTotal() + " rules, " + r.cellsSeen() + " of "
        + r.cellsTotal() + " cells; rules never exercised: " + String.join(", ", r.rulesNever());
  }

  static String json(String file, String profile, Coverage.Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("profile", profile);
    m.put("rules_seen", r.rulesSeen());
    m.put("rules_total", r.rulesTotal());
    m.put("cells_seen", r.cellsSeen());
    m.put("cells_total", r.cellsTotal());
    m.put("rules_never", r.rulesNever());
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("coverage", m);
    return Json.write(top);
  }
}
