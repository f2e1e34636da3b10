package io.tcpfsm.diagram;

import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.model.Machine;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The textbook state diagram of a profile (TLPI Figure 61-4, RFC 793 Figure 6), made from the
 * model: {@link DiagramEdges} says which transitions are drawn. DOT and Mermaid are text made
 * here; SVG and PNG are Graphviz's {@code dot} run on the DOT ({@link Graphviz}).
 */
public final class Diagram {
  private Diagram() {}

  /** The arrows of {@code profile}, in a stable order. */
  public static List<DiagramEdge> edges(Machine machine, String profile) {
    return DiagramEdges.of(table(machine, profile));
  }

  /** The diagram in Graphviz's DOT language. */
  public static String dot(Machine machine, String profile) {
    return DotWriter.write(machine, profile, edges(machine, profile));
  }

  /** The diagram as a Mermaid {@code stateDiagram-v2} (GitHub and many editors draw it). */
  public static String mermaid(Machine machine, String profile) {
    return MermaidWriter.write(machine, profile, edges(machine, profile));
  }

  /**
   * The diagram as an SVG document, drawn by Graphviz.
   *
   * @throws Graphviz.Missing when {@code dot} is not installed
   * @throws Graphviz.Failed when it fails or takes too long
   */
  public static String svg(Machine machine, String profile) {
    return new String(Graphviz.onPath().render(dot(machine, profile), "svg"), StandardCharsets.UTF_8);
  }

  /**
   * The SVG's {@code <svg>} element alone, without the XML declaration, DOCTYPE and comments
   * Graphviz writes before it: what an HTML page embeds inline (the audit report does).
   * Throws as {@link #svg} does.
   */
  public static String svgElement(Machine machine, String profile) {
    String svg = svg(machine, profile);
    int start = svg.indexOf("<svg");
    if (start < 0) {
      throw new Graphviz.Failed("dot wrote no <svg> element");
    }
    return svg.substring(start);
  }

  /** The diagram as a PNG image, drawn by Graphviz; throws as {@link #svg} does. */
  public static byte[] png(Machine machine, String profile) {
    return Graphviz.onPath().render(dot(machine, profile), "png");
  }

  private static ProfileTable table(Machine machine, String profile) {
    if (!machine.profileNames().contains(profile)) {
      throw new IllegalArgumentException("no profile '" + profile + "'; this spec has " + String.join(", ", machine.profileNames()));
    }
    return ProfileTable.of(machine, profile);
  }
}
