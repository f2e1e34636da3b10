package io.tcpfsm.audit;

import io.tcpfsm.audit.Clause.StepKind;
import io.tcpfsm.audit.RfcLines.Line;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the event processing of RFC 793 (section 3.9, pages 52-79) and RFC 9293 (section
 * 3.10) into clauses, from the RFC text alone: a clause starts at a user call, at "If the state
 * is ...", at a segment-arrival check ("first check sequence number", "Second, check the RST
 * bit:"), at a run of state headings ("ESTABLISHED STATE", "-  FIN-WAIT-1 STATE") and at a
 * timeout, and runs to the next one. Reading the RFC rather than the spec is the point: a
 * clause the spec forgot still appears, uncovered.
 */
public final class ClauseSplitter {
  private static final Pattern NUMBERED = Pattern.compile("^(\\d+(?:\\.\\d+)*)\\.\\s+(\\S.*)$");
  private static final Pattern CALL = Pattern.compile("^(OPEN|SEND|RECEIVE|CLOSE|ABORT|STATUS) Call$");
  private static final Pattern TIMEOUT = Pattern.compile("^(USER|RETRANSMISSION|TIME-WAIT) TIMEOUT$");
  private static final String STATE_NAMES =
      "CLOSED|LISTEN|SYN-SENT|SYN-RECEIVED|ESTABLISHED|FIN-WAIT-1|FIN-WAIT-2|FIN-WAIT STATE-1|FIN-WAIT STATE-2|CLOSE-WAIT|CLOSING|LAST-ACK|TIME-WAIT";
  // "ESTABLISHED STATE", "FIN-WAIT STATE-1" (RFC 793 p.71's spelling), "CLOSED STATE (i.e., TCB
  // does not exist)", and RFC 793's bare "ESTABLISHED" in the second check's list.
  private static final Pattern STATE_LINE =
      Pattern.compile("^(" + STATE_NAMES + ")( STATE)?( \\(i\\.e\\., TCB does not exist\\))?$");
  private static final Pattern IF_STATE = Pattern.compile("^If the state is (" + STATE_NAMES + ")\\b.*");
  private static final Pattern STEP =
      Pattern.compile("^(first|second|third|fourth|fifth|sixth|seventh|eighth)\\b[ ,].*", Pattern.CASE_INSENSITIVE);
  private static final Pattern BULLET = Pattern.compile("^(?:[-o*]|\\d\\))\\s+");
  /** The states after SYN-SENT: what RFC 793's and RFC 9293's "Otherwise," stands for. */
  static final List<String> SYNCHRONIZED =
      List.of("SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT");

  private final int rfc;
  private final List<Clause> out = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private String section;
  private String topic = "GENERAL";
  private List<String> scope = List.of();
  private String step;
  private StepKind stepKind = StepKind.NONE;
  private Builder current;

  private ClauseSplitter(int rfc, String section) {
    this.rfc = rfc;
    this.section = section;
  }

  /** RFC 793 section 3.9 and RFC 9293 section 3.10, in that order. */
  public static List<Clause> bundled() {
    List<Clause> all = new ArrayList<>(split(793, "3.9"));
    all.addAll(split(9293, "3.10"));
    return all;
  }

  /** The clauses of section {@code number} of bundled RFC {@code rfc}. */
  public static List<Clause> split(int rfc, String number) {
    List<Line> lines = RfcLines.of(rfc);
    int start = -1;
    int end = lines.size();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).text();
      Matcher m = NUMBERED.matcher(t);
      boolean heading = m.matches() && !t.contains("....");
      if (start < 0) {
        if (heading && m.group(1).equals(number)) {
          start = i;
        }
      } else if ((heading && !m.group(1).startsWith(number + ".")) || t.matches("^\\s{20,}[A-Z]{4,}\\s*$")) {
        end = i;
        break;
      }
    }
    if (start < 0) {
      throw new IllegalArgumentException("RFC " + rfc + " has no section " + number);
    }
    ClauseSplitter s = new ClauseSplitter(rfc, number);
    for (int i = start + 1; i < end; i++) {
      s.read(lines.get(i), lines, i);
    }
    s.close();
    return s.out;
  }

  private void read(Line line, List<Line> lines, int index) {
    if (line.blank()) {
      if (current != null) {
        current.add(line);
      }
      return;
    }
    String t = line.text().trim();
    String b = BULLET.matcher(t).replaceFirst("");
    Matcher numbered = NUMBERED.matcher(line.text());
    if (line.indent() == 0 && numbered.matches()) {
      subsection(numbered.group(1), numbered.group(2).trim());
      return;
    }
    if (line.indent() <= 3 && (CALL.matcher(t).matches() || t.equals("SEGMENT ARRIVES"))) {
      close();
      topic = t.equals("SEGMENT ARRIVES") ? "SEGMENT" : t.substring(0, t.indexOf(' '));
      scope = List.of();
      step = null;
      return;
    }
    if (line.indent() <= 3 && TIMEOUT.matcher(t).matches()) {
      close();
      topic = t;
      scope = List.of();
      step = null;
      open(line, List.of(), true);
      return;
    }
    Matcher ifState = IF_STATE.matcher(b);
    if (topic.equals("SEGMENT") && ifState.matches() && line.indent() <= 4) {
      close();
      scope = List.of(canonical(ifState.group(1)));
      step = null;
      open(line, scope, true);
      return;
    }
    if (topic.equals("SEGMENT") && t.equals("Otherwise,") && line.indent() <= 4) {
      close();
      scope = SYNCHRONIZED;
      step = null;
      return;
    }
    if (topic.equals("SEGMENT") && line.indent() <= 8 && STEP.matcher(b).matches()) {
      close();
      step = b.substring(0, b.indexOf(b.matches("(?i)^\\w+,.*") ? ',' : ' ')).toLowerCase(Locale.ROOT);
      stepKind = stepKind(b);
      open(line, scope, true);
      return;
    }
    Matcher state = STATE_LINE.matcher(b);
    if (state.matches() && !topic.equals("GENERAL")) {
      String name = canonical(state.group(1));
      if (current != null && current.inStateRun && previousNonBlankIsState(lines, index)) {
        current.states.add(name);
        current.add(line);
        return;
      }
      close();
      open(line, List.of(name), false);
      current.inStateRun = true;
      return;
    }
    if (current == null) {
      open(line, topic.equals("SEGMENT") ? scope : List.of(), false);
      current.add(line);
      current.content++;
      return;
    }
    current.inStateRun = false;
    current.add(line);
    current.content++;
  }

  private static boolean previousNonBlankIsState(List<Line> lines, int index) {
    for (int i = index - 1; i >= 0; i--) {
      if (!lines.get(i).blank()) {
        String b = BULLET.matcher(lines.get(i).text().trim()).replaceFirst("");
        return STATE_LINE.matcher(b).matches();
      }
    }
    return false;
  }

  /** An RFC 9293 sub-section heading: "3.10.4.  CLOSE Call", "3.10.7.4.  Other States". */
  private void subsection(String number, String title) {
    close();
    section = number;
    step = null;
    Matcher call = CALL.matcher(title);
    if (call.matches()) {
      topic = call.group(1);
      scope = List.of();
    } else if (title.equals("SEGMENT ARRIVES")) {
      topic = "SEGMENT";
      scope = List.of();
    } else if (title.equals("Other States")) {
      topic = "SEGMENT";
      scope = SYNCHRONIZED;
    } else if (STATE_LINE.matcher(title).matches()) {
      topic = "SEGMENT";
      scope = List.of(canonical(title.replace(" STATE", "")));
    } else {
      topic = title.equals("Timeouts") ? "TIMEOUTS" : title;
      scope = List.of();
    }
  }

  /** RFC 793 p.71 writes "FIN-WAIT STATE-1"; that is FIN-WAIT-1. */
  private static String canonical(String state) {
    return state.replace("FIN-WAIT STATE-", "FIN-WAIT-");
  }

  private void open(Line first, List<String> states, boolean heading) {
    current = new Builder(section, topic, step, stepKind, new ArrayList<>(states));
    current.add(first);
  }

  private void close() {
    if (current == null) {
      return;
    }
    Builder c = current;
    current = null;
    // A heading with nothing under it ("first check sequence number" followed at once by its
    // state runs, "If the state is LISTEN then") is not a clause of its own.
    if (c.content <= 0 && !c.topic.endsWith("TIMEOUT")) {
      return;
    }
    String base = "rfc" + rfc + "/" + c.topic.replace(' ', '-') + (c.step == null ? "" : "/" + c.step)
        + (c.states.isEmpty() ? "" : "/" + String.join("+", c.states));
    int n = ids.merge(base, 1, Integer::sum);
    String id = n == 1 ? base : base + "#" + n;
    out.add(new Clause(id, rfc, c.section, c.firstPage(), c.lastPage(), c.topic, c.step, c.step == null ? StepKind.NONE : c.kind, c.states, c.text()));
  }

  /** What a check tests, from its heading: "second check the RST bit", "fourth other text or control". */
  private static StepKind stepKind(String heading) {
    String h = " " + heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ") + " ";
    if (h.contains(" neither ") || h.contains(" other ")) {
      return StepKind.OTHER; // "fifth, if neither of the SYN or RST bits is set", "fourth other text or control"
    } else if (h.contains(" sequence number ")) {
      return StepKind.SEQUENCE;
    } else if (h.contains(" rst ")) {
      return StepKind.RST;
    } else if (h.contains(" security ")) {
      return StepKind.SECURITY;
    } else if (h.contains(" syn ")) {
      return StepKind.SYN;
    } else if (h.contains(" ack ")) {
      return StepKind.ACK;
    } else if (h.contains(" urg ")) {
      return StepKind.URG;
    } else if (h.contains(" text ")) {
      return StepKind.TEXT;
    } else if (h.contains(" fin ")) {
      return StepKind.FIN;
    }
    return StepKind.OTHER;
  }

  /** A clause being read. */
  private static final class Builder {
    final String section;
    final String topic;
    final String step;
    final StepKind kind;
    final List<String> states;
    final List<Line> lines = new ArrayList<>();
    int content;
    boolean inStateRun;

    Builder(String section, String topic, String step, StepKind kind, List<String> states) {
      this.section = section;
      this.topic = topic;
      this.step = step;
      this.kind = kind;
      this.states = states;
    }

    void add(Line l) {
      lines.add(l);
    }

    int firstPage() {
      return lines.get(0).page();
    }

    int lastPage() {
      int last = firstPage();
      for (Line l : lines) {
        if (!l.blank()) {
          last = Math.max(last, l.page());
        }
      }
      return last;
    }

    String text() {
      int strip = lines.get(0).indent();
      StringBuilder sb = new StringBuilder();
      for (Line l : lines) {
        String s = l.text();
        int cut = Math.min(strip, l.indent());
        sb.append(s.length() >= cut ? s.substring(cut) : "").append('\n');
      }
      return sb.toString().replaceAll("\\n{3,}", "\n\n").strip();
    }
  }
}
