package io.tcpfsm.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints a run as a message sequence chart in the manner of RFC 793's figures: one line per
 * step with the states of A and B after it, segments travelling between the columns, and what
 * happened. {@code --> s ...} is A sending s; {@code ... s -->} is s arriving at B; the mirror
 * images are B's; {@code ~~ s lost} is the network losing s.
 */
public final class MscPrinter {
  private static final String ROW = "%4s  %-12s %-46s %-12s %s";

  private MscPrinter() {}

  public static List<String> lines(Run run) {
    List<String> out = new ArrayList<>();
    out.add(String.format(ROW, "", "A (" + run.tables[0].profile + ")", "", "B (" + run.tables[1].profile + ")", "").stripTrailing());
    out.add(String.format(ROW, "0.", run.stateOf(0, -1), "", run.stateOf(1, -1), "").stripTrailing());
    for (int i = 0; i < run.steps().size(); i++) {
      Run.Step st = run.steps().get(i);
      Move m = st.move();
      boolean atA = m.end() == 0;
      List<String> middle = new ArrayList<>();
      switch (m.kind()) {
        case DELIVER, DELIVER_COPY -> middle.add(atA ? "<-- " + Seg.render(m.seg()) + " ..." : "... " + Seg.render(m.seg()) + " -->");
        case LOSE -> middle.add("~~ " + Seg.render(m.seg()) + " lost");
        default -> { }
      }
      for (int s : st.sent()) {
        middle.add(atA ? "--> " + Seg.render(s) + " ..." : "... " + Seg.render(s) + " <--");
      }
      String note = note(run, st);
      String first = middle.isEmpty() ? "" : pad(middle.get(0), atA);
      out.add(String.format(ROW, (i + 1) + ".", run.stateOf(0, i), first, run.stateOf(1, i), note).stripTrailing());
      for (int k = 1; k < middle.size(); k++) {
        out.add(String.format(ROW, "", "", pad(middle.get(k), atA), "", "").stripTrailing());
      }
    }
    return out;
  }

  /** Arrivals at B and B's sends sit on B's side of the column, as in the RFC's figures. */
  private static String pad(String s, boolean atA) {
    return atA ? s : String.format("%46s", s);
  }

  private static String note(Run run, Run.Step st) {
    Move m = st.move();
    StringBuilder sb = new StringBuilder();
    switch (m.kind()) {
      case CALL -> sb.append(m.endName()).append(": ").append(m.event());
      case QUEUED -> sb.append(m.endName()).append(": ").append(m.event()).append(" (queued earlier)");
      case TIMEOUT -> sb.append(m.endName()).append(": ").append(m.event());
      case DELIVER -> sb.append(m.endName()).append(" receives");
      case DELIVER_COPY -> sb.append(m.endName()).append(" receives (a duplicate stays in flight)");
      case LOSE -> sb.append("the network loses it");
    }
    if (st.rule() != null) {
      sb.append(" [").append(st.rule()).append(']');
    }
    if (st.signals() != null && !st.signals().isEmpty()) {
      sb.append(' ').append(st.signals());
    }
    if (st.overflowed() > 0) {
      sb.append(" (").append(run.bound).append(" full: ").append(st.overflowed()).append(" segment lost)");
    }
    return sb.toString();
  }
}
