package io.tcpfsm.audit;

import io.tcpfsm.audit.RfcLines.Line;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 9293's requirements, read from its text: the ids, levels and features from Appendix B's
 * table ("TCP Requirement Summary"), the sentence of each from the body's "(MUST-n)" tag.
 */
public final class Requirements {
  /** What RFC 9293 numbers: MUST-1..69, SHLD-1..31, MAY-1..18. */
  public static final Map<String, Integer> COUNTS = Map.of("MUST", 69, "SHLD", 31, "MAY", 18);

  private static final Pattern ID = Pattern.compile("\\b((?:MUST|SHLD|MAY)-\\d+)\\b");
  private static final Pattern TAG = Pattern.compile("\\(((?:MUST|SHLD|MAY)-\\d+)\\b");
  private static final Pattern HEADING = Pattern.compile("^(\\d+(?:\\.\\d+)*)\\.\\s+\\S.*$");
  private static final String[] LEVELS = {"MUST", "SHOULD", "MAY", "SHOULD NOT", "MUST NOT"};

  private Requirements() {}

  /** The 118 requirements in id order (MUST, SHLD, MAY, each by number). */
  public static List<Requirement> bundled() {
    return parse(RfcLines.of(9293));
  }

  static List<Requirement> parse(List<Line> lines) {
    int appendix = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).text().startsWith("Appendix B.")) {
        appendix = i;
      }
    }
    if (appendix < 0) {
      throw new IllegalStateException("RFC 9293's text has no Appendix B");
    }
    Map<String, String[]> table = table(lines.subList(appendix, lines.size()));
    Map<String, String[]> body = body(lines.subList(0, appendix));
    List<Requirement> out = new ArrayList<>();
    table.forEach((id, row) -> {
      String[] b = body.get(id);
      out.add(new Requirement(id, row[0], row[1], row[2], b == null ? "Appendix B" : b[0], b == null ? row[2] : b[1]));
    });
    out.sort(Comparator.comparingInt((Requirement r) -> List.of("MUST", "SHLD", "MAY").indexOf(r.kind())).thenComparingInt(Requirement::number));
    return out;
  }

  /** Appendix B: id -> {level, category, feature}. A row is the lines between two rules. */
  private static Map<String, String[]> table(List<Line> lines) {
    Map<String, String[]> out = new LinkedHashMap<>();
    String category = "";
    List<String[]> cells = new ArrayList<>();
    for (Line l : lines) {
      String t = l.text().trim();
      if (t.startsWith("+")) {
        if (!cells.isEmpty()) {
          category = row(cells, category, out);
        }
        cells.clear();
      } else if (t.startsWith("|")) {
        cells.add(t.substring(1, t.length() - (t.endsWith("|") ? 1 : 0)).split("\\|", -1));
      }
    }
    return out;
  }

  /** One table row; returns the category in force after it (a one-cell row is a category). */
  private static String row(List<String[]> cells, String category, Map<String, String[]> out) {
    if (cells.get(0).length == 1) {
      return String.join(" ", cells.stream().map(c -> c[0].trim()).toList()).trim();
    }
    if (cells.get(0).length < 7) {
      return category;
    }
    StringBuilder feature = new StringBuilder();
    String id = "";
    String level = null;
    for (String[] c : cells) {
      feature.append(' ').append(c[0].trim());
      id += c[1].trim();
      for (int k = 0; k < LEVELS.length; k++) {
        if (c[2 + k].trim().equals("X")) {
          level = LEVELS[k];
        }
      }
    }
    if (!ID.matcher(id).matches() || level == null) {
      return category; // the header row, and REC-1 (a recommendation outside the numbering)
    }
    String f = Quotes.normalize(feature.toString()).replace("ALP^1", "ALP").replaceFirst("^\\* ", "");
    String[] prev = out.get(id);
    out.put(id, new String[] {level, category, prev == null ? f : prev[2] + "; " + f});
    return category;
  }

  /** The body: id -> {section, sentence}, from the first "(ID" tag (a reference is not a tag). */
  private static Map<String, String[]> body(List<Line> lines) {
    Map<String, String[]> out = new LinkedHashMap<>();
    String section = "";
    StringBuilder para = new StringBuilder();
    for (Line l : lines) {
      Matcher h = HEADING.matcher(l.text());
      if (h.matches() && !l.text().contains("....")) {
        tags(para.toString(), section, out);
        para.setLength(0);
        section = h.group(1);
      } else if (l.blank()) {
        tags(para.toString(), section, out);
        para.setLength(0);
      } else {
        para.append(l.text()).append('\n');
      }
    }
    tags(para.toString(), section, out);
    return out;
  }

  private static void tags(String paragraph, String section, Map<String, String[]> out) {
    String p = Quotes.normalize(paragraph).replaceFirst("^[|o*-] ", "").replace(" | ", " ");
    Matcher m = TAG.matcher(p);
    while (m.find()) {
      out.putIfAbsent(m.group(1), new String[] {section, sentence(p, m.start(), m.end())});
    }
  }

  /** The sentence around {@code [start, end)}: from the previous ". X" to the next ". ". */
  private static String sentence(String p, int start, int end) {
    int s = 0;
    for (int i = start - 2; i > 0; i--) {
      if ((p.charAt(i) == '.' || p.charAt(i) == ':') && p.charAt(i + 1) == ' ' && i + 2 < p.length() && Character.isUpperCase(p.charAt(i + 2))) {
        s = i + 2;
        break;
      }
    }
    int e = p.length();
    for (int i = end; i < p.length() - 1; i++) {
      if (p.charAt(i) == '.' && p.charAt(i + 1) == ' ' && i + 2 < p.length() && Character.isUpperCase(p.charAt(i + 2))) {
        e = i + 1;
        break;
      }
    }
    return p.substring(s, e).trim();
  }
}
