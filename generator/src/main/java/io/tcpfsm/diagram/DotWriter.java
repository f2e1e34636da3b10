package io.tcpfsm.diagram;

import io.tcpfsm.model.Machine;
import io.tcpfsm.model.State;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the diagram in Graphviz's DOT language, laid out as the textbook draws TCP: one
 * {@code rank=same} row per {@link TextbookLayout} row, kept in order left to right by
 * invisible edges. Labels are HTML-like so that calls can be bold (TLPI Figure 61-4 sets the
 * application's calls apart from segments).
 */
final class DotWriter {
  private static final String FONT = "Helvetica";

  /** The second box of the initial state, where the close ends (no state has this name: it has a space). */
  private static final String LEGEND = "\"the legend\"";

  private static final String CLOSED_AGAIN = "\"CLOSED again\"";

  private DotWriter() {}

  static String write(Machine machine, String profile, List<DiagramEdge> edges) {
    StringBuilder sb = new StringBuilder();
    sb.append("// TCP state diagram of ").append(machine.file()).append(", profile ").append(profile)
        .append(": made by tcpfsm diagram from the model; regenerate, do not edit\n");
    sb.append("digraph \"").append(escapeId(machine.name())).append("\" {\n");
    sb.append("  graph [fontname=\"").append(FONT).append("\", fontsize=16, labelloc=t, nodesep=0.5, ranksep=0.55,")
        .append(" newrank=true, label=<<b>").append(html(machine.name().toUpperCase())).append(" state diagram</b>")
        .append("<br/><font point-size=\"11\">").append(html(machine.file())).append(", profile ").append(html(profile))
        .append("</font>>];\n");
    sb.append("  node [shape=box, style=rounded, fontname=\"").append(FONT).append("\", fontsize=13, margin=\"0.2,0.08\"];\n");
    sb.append("  edge [fontname=\"").append(FONT).append("\", fontsize=10, arrowsize=0.8];\n");
    var declared = machine.profile(profile);
    for (State s : distinct(machine)) {
      // A state the profile knowingly never reaches (rfc793's LAST-ACK) is drawn dotted, with why.
      boolean unreachable = declared.isPresent() && declared.get().declaresUnreachable(s.name());
      sb.append("  ").append(id(s)).append(" [label=").append(nodeLabel(s, unreachable ? profile : null))
          .append(unreachable ? ", style=\"rounded,dotted\"" : "").append("];\n");
    }
    Map<String, int[]> at = new HashMap<>();
    var rows = TextbookLayout.rows(machine);
    rows.ifPresent(r -> layout(sb, r, at));
    State initial = rows.isPresent() ? rows.get().get(0).get(TextbookLayout.CENTRE) : null;
    boolean closedAgain = false;
    String legend = legend(edges);
    for (DiagramEdge e : edges) {
      int[] from = at.get(e.from().name());
      int[] to = at.get(e.to().name());
      // dot draws a flat edge from left to right; one that points left is written the other
      // way round and drawn backwards, or it would swap the row's states.
      boolean leftward = from != null && to != null && from[0] == to[0] && to[1] < from[1];
      String tail = id(leftward ? e.to() : e.from());
      String head = id(leftward ? e.from() : e.to());
      // RFC 793 Figure 6 ends the close in a second CLOSED box at the bottom rather than
      // running arrows back up across the figure; so does this one.
      if (initial != null && e.to().name().equals(initial.name()) && from != null && from[0] >= TextbookLayout.CLOSE_ROW) {
        head = CLOSED_AGAIN;
        closedAgain = true;
      }
      // dot puts a flat arrow's label just above it, where a diagonal arrow from the row above
      // into one of its states would cross the text: such an arrow enters from the top instead.
      boolean fromTop = from != null && to != null && from[0] == to[0] - 1 && from[1] != to[1]
          && edges.stream().anyMatch(f -> flatAt(f, e.to(), at));
      sb.append("  ").append(tail).append(" -> ").append(head).append(" [label=")
          .append(edgeLabel(e)).append(style(e.path())).append(leftward ? ", dir=back" : "")
          .append(fromTop ? ", headport=n" : "").append("];\n");
    }
    if (closedAgain) {
      sb.append("  ").append(CLOSED_AGAIN).append(" [label=").append(nodeLabel(initial, null)).append("];\n");
      sb.append("  { rank=sink; ").append(CLOSED_AGAIN).append("; }\n");
      if (!legend.isEmpty()) {
        sb.append("  ").append(LEGEND).append(" -> ").append(CLOSED_AGAIN).append(" [style=invis];\n");
      }
    }
    sb.append(legend);
    sb.append("}\n");
    return sb.toString();
  }

  /**
   * The textbook's grid: each row a {@code rank=same}, kept in order by invisible flat edges
   * (dot puts a flat edge's tail on the left), and each column a {@code group} joined top to
   * bottom by heavy invisible edges, so dot keeps it straight.
   */
  private static void layout(StringBuilder sb, List<List<State>> rows, Map<String, int[]> at) {
    for (int r = 0; r < rows.size(); r++) {
      List<State> row = rows.get(r);
      sb.append("  { rank=same;");
      State previous = null;
      StringBuilder order = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        State s = row.get(c);
        if (s == null) {
          continue;
        }
        at.put(s.name(), new int[] {r, c});
        sb.append(' ').append(id(s)).append(" [group=c").append(c).append("];");
        if (previous != null) {
          order.append("  ").append(id(previous)).append(" -> ").append(id(s)).append(" [style=invis, minlen=3];\n");
        }
        previous = s;
      }
      sb.append(" }\n").append(order);
    }
    for (int c = 0; c < TextbookLayout.COLUMNS; c++) {
      State above = null;
      for (List<State> row : rows) {
        State s = row.get(c);
        if (s == null) {
          continue;
        }
        if (above != null) {
          sb.append("  ").append(id(above)).append(" -> ").append(id(s)).append(" [style=invis, weight=10];\n");
        }
        above = s;
      }
    }
  }

  /** Whether {@code f} is a flat arrow (both ends in one row) with one end at {@code state}. */
  private static boolean flatAt(DiagramEdge f, State state, Map<String, int[]> at) {
    int[] a = at.get(f.from().name());
    int[] b = at.get(f.to().name());
    return a != null && b != null && a[0] == b[0]
        && (f.from().name().equals(state.name()) || f.to().name().equals(state.name()));
  }

  private static List<State> distinct(Machine machine) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return machine.states().stream().filter(s -> seen.add(s.name())).toList();
  }

  private static String nodeLabel(State s, String unreachableIn) {
    String rfc = s.rfcName();
    return "<<b>" + html(s.name()) + "</b>"
        + (rfc.equals(s.name()) ? "" : "<br/><font point-size=\"9\">" + html(rfc) + "</font>")
        + (unreachableIn == null ? "" : "<br/><font point-size=\"9\"><i>unreachable in " + html(unreachableIn) + "</i></font>")
        + ">";
  }

  /**
   * One table row per label line: the cell padding keeps a little white between a label and the
   * arrows that dot routes round it, so no line touches the text.
   */
  private static String edgeLabel(DiagramEdge e) {
    StringBuilder sb = new StringBuilder("<<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">");
    for (DiagramEdge.Label l : e.labels()) {
      String event = html(l.eventText());
      sb.append("<tr><td>").append(l.kind() == DiagramEdge.Label.Kind.CALL ? "<b>" + event + "</b>" : event);
      if (!l.guards().isEmpty()) {
        sb.append(" <i>").append(html(l.guardText().trim())).append("</i>");
      }
      sb.append(html(l.sendText())).append("</td></tr>");
    }
    return sb.append("</table>>").toString();
  }

  private static String style(DiagramEdge.Path path) {
    return switch (path) {
      case CLIENT -> ", penwidth=2.6";
      case SERVER -> ", penwidth=2.6, style=dashed";
      case OTHER -> ", penwidth=0.9";
    };
  }

  /** The legend: a line for each kind of mark the diagram uses, none if it uses none. */
  private static String legend(List<DiagramEdge> edges) {
    List<DiagramEdge.Label> labels = edges.stream().flatMap(e -> e.labels().stream()).toList();
    List<String> first = new java.util.ArrayList<>();
    if (labels.stream().anyMatch(l -> l.kind() == DiagramEdge.Label.Kind.CALL)) {
      first.add("<b>bold</b>: application call");
    }
    if (labels.stream().anyMatch(l -> l.kind() == DiagramEdge.Label.Kind.SEGMENT)) {
      first.add("recv: segment arrives");
    }
    if (labels.stream().anyMatch(l -> !l.sends().isEmpty())) {
      first.add("send: segments sent");
    }
    List<String> lines = new java.util.ArrayList<>();
    if (!first.isEmpty()) {
      lines.add(String.join("; ", first));
    }
    if (edges.stream().anyMatch(e -> e.path() == DiagramEdge.Path.CLIENT)) {
      lines.add("heavy solid: usual client path (tag client)");
    }
    if (edges.stream().anyMatch(e -> e.path() == DiagramEdge.Path.SERVER)) {
      lines.add("heavy dashed: usual server path (tag server)");
    }
    if (labels.stream().anyMatch(l -> !l.guards().isEmpty())) {
      lines.add("[guard]: the condition that tells two arrows apart");
    }
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("  ").append(LEGEND)
        .append(" [shape=plaintext, fontsize=10, label=<<table border=\"0\" cellborder=\"0\" cellspacing=\"2\">");
    lines.forEach(l -> sb.append("<tr><td align=\"left\">").append(l).append("</td></tr>"));
    sb.append("</table>>];\n");
    // The legend sits in the bottom row, left of the close's end (or alone when there is none).
    return sb.append("  { rank=sink; ").append(LEGEND).append("; }\n").toString();
  }

  static String id(State s) {
    return "\"" + escapeId(s.name()) + "\"";
  }

  private static String escapeId(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
