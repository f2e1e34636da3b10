package io.tcpfsm.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.model.Machine;
import io.tcpfsm.model.State;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Mermaid flowchart: every line is one of the three forms Mermaid's flowchart grammar takes
 * here (a comment, a node, a link with a quoted label), every state is a node once, and every
 * arrow a link of its path's kind (thick, dotted, plain).
 */
class DiagramMermaidTest {
  private static final Machine TCP = DiagramSpecs.tcp();

  private static final Pattern NODE = Pattern.compile("^  ([A-Za-z_][A-Za-z0-9_]*)\\(\\[\"([^\"]*)\"\\]\\)$");
  private static final Pattern LINK = Pattern.compile("^  ([A-Za-z_][A-Za-z0-9_]*) (==>|-\\.->|-->)\\|\"([^\"]*)\"\\| ([A-Za-z_][A-Za-z0-9_]*)$");

  @Test
  void everyLineIsACommentTheHeaderANodeOrALink() {
    List<String> lines = TCP.profileNames().stream().flatMap(p -> Diagram.mermaid(TCP, p).lines()).toList();
    for (String line : lines) {
      assertThat(line.startsWith("%% ") || line.equals("flowchart TB") || NODE.matcher(line).matches() || LINK.matcher(line).matches())
          .as("a line Mermaid reads: %s", line).isTrue();
    }
  }

  @Test
  void everyStateIsOneNodeAndEveryArrowOneLinkOfItsKind() {
    String mermaid = Diagram.mermaid(TCP, "rfc9293");
    assertThat(mermaid.lines().filter(l -> !l.startsWith("%%")).findFirst()).hasValue("flowchart TB");
    List<String> nodes = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (String line : mermaid.lines().toList()) {
      Matcher n = NODE.matcher(line);
      if (n.matches()) {
        nodes.add(n.group(1));
      }
      Matcher l = LINK.matcher(line);
      if (l.matches()) {
        links.add(l.group(1) + " " + l.group(2) + " " + l.group(4));
      }
    }
    assertThat(nodes).containsExactlyElementsOf(TCP.states().stream().map(State::name).toList());
    List<String> expected = Diagram.edges(TCP, "rfc9293").stream().map(e -> e.from().name() + " "
        + switch (e.path()) {
          case CLIENT -> "==>";
          case SERVER -> "-.->";
          case OTHER -> "-->";
        } + " " + e.to().name()).toList();
    assertThat(links).containsExactlyElementsOf(expected);
    assertThat(mermaid).contains("  CLOSED ==>|\"<b>OPEN_ACTIVE</b> / send SYN\"| SYN_SENT");
    assertThat(mermaid).contains("  FIN_WAIT1 -->|\"recv FIN+ACK [not fin_acked] / send ACK\"| CLOSING");
    assertThat(mermaid).contains("  SYN_RECV([\"<b>SYN_RECV</b><br/><small>SYN-RECEIVED</small>\"])");
  }
}
