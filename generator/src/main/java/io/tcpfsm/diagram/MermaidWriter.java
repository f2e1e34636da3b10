package io.tcpfsm.diagram;

import io.tcpfsm.model.Machine;
import io.tcpfsm.model.State;
import java.util.List;

/**
 * Writes the diagram as a Mermaid flowchart (GitHub and many editors draw it without any
 * tool). A flowchart rather than a {@code stateDiagram}, because only flowcharts have thick
 * ({@code ==>}) and dotted ({@code -.->}) links for the client and server paths. Mermaid lays
 * it out itself: it has no way to pin the textbook's rows.
 */
final class MermaidWriter {
  private MermaidWriter() {}

  static String write(Machine machine, String profile, List<DiagramEdge> edges) {
    StringBuilder sb = new StringBuilder();
    sb.append("%% TCP state diagram of ").append(machine.file()).append(", profile ").append(profile)
        .append(": made by tcpfsm diagram from the model\n");
    sb.append("%% thick links: usual client path; dotted links: usual server path\n");
    sb.append("flowchart TB\n");
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (State s : machine.states()) {
      if (!seen.add(s.name())) {
        continue;
      }
      String rfc = s.rfcName().equals(s.name()) ? "" : "<br/><small>" + text(s.rfcName()) + "</small>";
      sb.append("  ").append(s.name()).append("([\"<b>").append(text(s.name())).append("</b>").append(rfc).append("\"])\n");
    }
    for (DiagramEdge e : edges) {
      String arrow = switch (e.path()) {
        case CLIENT -> " ==>";
        case SERVER -> " -.->";
        case OTHER -> " -->";
      };
      sb.append("  ").append(e.from().name()).append(arrow).append("|\"").append(label(e)).append("\"| ")
          .append(e.to().name()).append('\n');
    }
    return sb.toString();
  }

  private static String label(DiagramEdge e) {
    StringBuilder sb = new StringBuilder();
    for (DiagramEdge.Label l : e.labels()) {
      if (sb.length() > 0) {
        sb.append("<br/>");
      }
      String event = text(l.eventText());
      sb.append(l.kind() == DiagramEdge.Label.Kind.CALL ? "<b>" + event + "</b>" : event);
      sb.append(text(l.guardText())).append(text(l.sendText()));
    }
    return sb.toString();
  }

  /** Mermaid's entity codes for what would end a quoted label or be read as markup. */
  private static String text(String s) {
    return s.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }
}
