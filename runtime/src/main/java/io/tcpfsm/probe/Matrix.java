package io.tcpfsm.probe;

import io.tcpfsm.machine.TcpProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The probe matrix: each probe's observation beside each profile's expectation, and how often
 * each profile agrees with the kernel; rendered as text, Markdown, HTML and JSON lines.
 */
public final class Matrix {
  /** One probe's row: what was seen, and each profile's expectation (null where the probe did not run). */
  public record Row(Observation seen, List<Expected> expected) {}

  private final List<TcpProfile> profiles;
  private final List<Row> rows = new ArrayList<>();

  public Matrix(List<TcpProfile> profiles, List<Observation> observations) {
    this.profiles = List.copyOf(profiles);
    for (Observation o : observations) {
      List<Expected> e = new ArrayList<>();
      for (TcpProfile p : profiles) {
        e.add(o.ran() ? Expected.of(p, o) : null);
      }
      rows.add(new Row(o, e));
    }
  }

  public List<Row> rows() {
    return rows;
  }

  public List<TcpProfile> profiles() {
    return profiles;
  }

  /** Cells that ran, and of those the ones {@code profile} agrees on. */
  public int ran() {
    return (int) rows.stream().filter(r -> r.seen().ran()).count();
  }

  public int agreements(TcpProfile profile) {
    return (int) rows.stream().filter(r -> r.seen().ran() && gap(profile, r).isEmpty() && r.expected().get(profiles.indexOf(profile)).agrees(r.seen()))
        .count();
  }

  /** Cells that ran and for which {@code profile} defines an outcome (not a {@link KnownGaps known gap}). */
  public int defined(TcpProfile profile) {
    return (int) rows.stream().filter(r -> r.seen().ran() && gap(profile, r).isEmpty()).count();
  }

  /** The known gap of {@code profile} that covers the row's cell, if any. */
  public static Optional<KnownGaps.Gap> gap(TcpProfile profile, Row r) {
    return KnownGaps.of(profile.specName(), r.seen().probe());
  }

  /** The verdict of one profile on one row that ran: "agrees", "no outcome defined: ...", or null when it differs. */
  private static String verdict(TcpProfile p, Row r, Expected e) {
    Optional<KnownGaps.Gap> g = gap(p, r);
    if (g.isPresent()) {
      return "no outcome defined (" + g.get().name() + ")";
    }
    return e.agrees(r.seen()) ? "agrees" : null;
  }

  /**
   * "rfc9293 agrees on N of M cells", one line per profile; a profile with known gaps says how
   * many cells it defines no outcome for.
   */
  public List<String> summary() {
    List<String> out = new ArrayList<>();
    for (TcpProfile p : profiles) {
      int undefined = ran() - defined(p);
      out.add(p.specName() + " agrees on " + agreements(p) + " of " + defined(p) + " cells"
          + (undefined == 0 ? "" : " it defines an outcome for (" + undefined + " more: no outcome defined, see docs/linux-probes.md)"));
    }
    int notRun = rows.size() - ran();
    if (notRun > 0) {
      out.add(notRun + " probes did not run (the matrix says why)");
    }
    return out;
  }

  /** One line per probe: cell, seen, then per profile its expectation and verdict (with the rule's citation where it differs). */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (Row r : rows) {
      Observation o = r.seen();
      b.append(String.format("%-11s %-7s %-10s %-7s ", o.probe().state(), o.probe().segment().label(), o.probe().seq().label(),
          o.probe().ack().label()));
      if (!o.ran()) {
        b.append("not run: ").append(o.why()).append('\n');
        continue;
      }
      b.append("seen ").append(o.sends()).append(" -> ").append(o.state());
      for (int i = 0; i < profiles.size(); i++) {
        Expected e = r.expected().get(i);
        String v = verdict(profiles.get(i), r, e);
        b.append(" | ").append(profiles.get(i).specName()).append(' ');
        b.append(v != null ? v : "expects " + e.text() + " by " + e.citation());
      }
      b.append('\n');
    }
    return b.toString();
  }

  public String markdown() {
    StringBuilder b = new StringBuilder("# Probes of Linux's TCP against the model\n\n");
    for (String s : summary()) {
      b.append("- ").append(s).append('\n');
    }
    b.append("\n| state | segment | SEG.SEQ | SEG.ACK | Linux sent | Linux's state |");
    for (TcpProfile p : profiles) {
      b.append(' ').append(p.specName()).append(" |");
    }
    b.append("\n|---|---|---|---|---|---|");
    b.append("---|".repeat(profiles.size())).append('\n');
    for (Row r : rows) {
      Observation o = r.seen();
      b.append("| ").append(o.probe().state()).append(" | ").append(o.probe().segment().label()).append(" | ")
          .append(o.probe().seq().label()).append(" | ").append(o.probe().ack().label()).append(" | ");
      if (!o.ran()) {
        b.append("not run | ").append(o.why().replace("|", "\\|")).append(" |").append(" |".repeat(profiles.size())).append('\n');
        continue;
      }
      b.append(o.sends().isEmpty() ? "nothing" : String.join(", ", o.sends())).append(" | ").append(o.state()).append(" |");
      for (int i = 0; i < profiles.size(); i++) {
        Expected e = r.expected().get(i);
        String v = verdict(profiles.get(i), r, e);
        b.append(' ').append(v != null ? v : "**differs**: expects " + e.text() + ", " + e.citation()).append(" |");
      }
      b.append('\n');
    }
    return b.toString();
  }

  public String html() {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>tcpfsm probes</title>\n"
        + "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
        + ".ok{background:#dfd}.no{background:#fdd}.skip{background:#eee}</style></head><body>\n"
        + "<h1>Probes of Linux's TCP against the model</h1>\n<ul>\n");
    for (String s : summary()) {
      b.append("<li>").append(esc(s)).append("</li>\n");
    }
    b.append("</ul>\n<table>\n<tr><th>state</th><th>segment</th><th>SEG.SEQ</th><th>SEG.ACK</th><th>Linux sent</th><th>Linux's state</th>");
    for (TcpProfile p : profiles) {
      b.append("<th>").append(esc(p.specName())).append("</th>");
    }
    b.append("</tr>\n");
    for (Row r : rows) {
      Observation o = r.seen();
      b.append("<tr><td>").append(o.probe().state()).append("</td><td>").append(esc(o.probe().segment().label())).append("</td><td>")
          .append(o.probe().seq().label()).append("</td><td>").append(o.probe().ack().label()).append("</td>");
      if (!o.ran()) {
        b.append("<td class=\"skip\" colspan=\"").append(2 + profiles.size()).append("\">not run: ").append(esc(o.why())).append("</td></tr>\n");
        continue;
      }
      b.append("<td>").append(esc(o.sends().isEmpty() ? "nothing" : String.join(", ", o.sends()))).append("</td><td>")
          .append(o.state()).append("</td>");
      for (int i = 0; i < profiles.size(); i++) {
        Expected e = r.expected().get(i);
        String v = verdict(profiles.get(i), r, e);
        b.append("<td class=\"").append(v == null ? "no" : v.equals("agrees") ? "ok" : "skip").append("\">")
            .append(v != null ? esc(v) : "expects " + esc(e.text()) + "<br>" + esc(e.citation())).append("</td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</table>\n</body></html>\n").toString();
  }

  /** One JSON object per probe, one per line. */
  public List<String> json() {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      Observation o = r.seen();
      StringBuilder b = new StringBuilder("{\"state\":").append(str(o.probe().state().name()))
          .append(",\"segment\":").append(str(o.probe().segment().label()))
          .append(",\"position\":").append(str(o.probe().seq().label()))
          .append(",\"ack\":").append(str(o.probe().ack().label()));
      if (!o.ran()) {
        out.add(b.append(",\"notRun\":").append(str(o.why())).append('}').toString());
        continue;
      }
      b.append(",\"seen\":{\"sends\":[");
      for (int i = 0; i < o.sends().size(); i++) {
        b.append(i > 0 ? "," : "").append(str(o.sends().get(i)));
      }
      b.append("],\"state\":").append(str(o.state().name())).append("},\"profiles\":{");
      for (int i = 0; i < profiles.size(); i++) {
        Expected e = r.expected().get(i);
        b.append(i > 0 ? "," : "").append(str(profiles.get(i).specName())).append(":{\"expected\":{\"sends\":[");
        for (int k = 0; k < e.sends().size(); k++) {
          b.append(k > 0 ? "," : "").append(str(e.sends().get(k)));
        }
        b.append("],\"state\":").append(str(e.state().name())).append("},\"agrees\":").append(e.agrees(o))
            .append(",\"rule\":").append(str(e.rule().specName())).append(",\"cites\":").append(str(e.citation()));
        gap(profiles.get(i), r).ifPresent(g -> b.append(",\"noOutcomeDefined\":").append(str(g.name() + ": " + g.why())));
        b.append('}');
      }
      out.add(b.append("}}").toString());
    }
    return out;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
