package io.tcpfsm.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.model.Machine;
import io.tcpfsm.model.State;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG that Graphviz draws from the DOT: it parses as XML, names every state, and draws the
 * client and server paths heavy (solid and dashed). Graphviz is the independent party here: it
 * reads the DOT as written, so a syntax slip or a lost attribute shows in its output.
 */
class DiagramSvgTest {
  private static final Machine TCP = DiagramSpecs.tcp();

  private static Document svg(Machine machine, String profile) throws Exception {
    assumeTrue(Graphviz.onPath().available(), "Graphviz's dot is not installed (apt-get install graphviz; .ci/run installs it)");
    String svg = Diagram.svg(machine, profile);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    // Graphviz's SVG names the W3C DTD; the parse must not fetch it.
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> texts(Element e) {
    List<String> out = new ArrayList<>();
    NodeList texts = e.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < texts.getLength(); i++) {
      out.add(texts.item(i).getTextContent());
    }
    return out;
  }

  /** Each drawn element of a class ("node", "edge") by its title: {@code CLOSED->SYN_SENT}, without ports. */
  private static Map<String, Element> byTitle(Document doc, String kind) {
    Map<String, Element> out = new HashMap<>();
    NodeList groups = doc.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").equals(kind)) {
        // an edge's title names the head's port, if it has one: ESTABLISHED->FIN_WAIT1:n
        String title = g.getElementsByTagNameNS("*", "title").item(0).getTextContent().replaceAll(":(n|s|e|w)$", "");
        out.merge(title, g, (a, b) -> a);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rfc793", "rfc9293"})
  void theSvgParsesAndNamesEveryStateWithBothSpellings(String profile) throws Exception {
    Document doc = svg(TCP, profile);
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    Map<String, Element> nodes = byTitle(doc, "node");
    for (State s : TCP.states()) {
      assertThat(nodes).as("a box for %s", s.name()).containsKey(s.name());
      assertThat(texts(nodes.get(s.name()))).as("the box of %s", s.name()).contains(s.name());
      assertThat(texts(nodes.get(s.name()))).contains(s.rfcName());
    }
  }

  @Test
  void everyLabelIsDrawn() throws Exception {
    Document doc = svg(TCP, "rfc9293");
    List<String> all = texts(doc.getDocumentElement());
    String drawn = String.join("\n", all);
    for (DiagramEdge e : Diagram.edges(TCP, "rfc9293")) {
      for (DiagramEdge.Label l : e.labels()) {
        // Graphviz splits an HTML label into one text element per font run.
        assertThat(drawn).contains(l.eventText());
        if (!l.sends().isEmpty()) {
          assertThat(drawn).contains("/ send " + String.join(", ", l.sends()));
        }
      }
    }
  }

  @Test
  void theClientPathIsHeavyAndSolidTheServerPathHeavyAndDashed() throws Exception {
    Map<String, Element> edges = byTitle(svg(TCP, "rfc9293"), "edge");
    for (String client : List.of("CLOSED->SYN_SENT", "SYN_SENT->ESTABLISHED", "ESTABLISHED->FIN_WAIT1", "FIN_WAIT1->FIN_WAIT2",
        "FIN_WAIT2->TIME_WAIT", "TIME_WAIT->CLOSED again")) {
      Element path = (Element) edges.get(client).getElementsByTagNameNS("*", "path").item(0);
      assertThat(path.getAttribute("stroke-width")).as(client).isEqualTo("2.6");
      assertThat(path.getAttribute("stroke-dasharray")).as(client).isEmpty();
    }
    for (String server : List.of("CLOSED->LISTEN", "LISTEN->SYN_RECV", "SYN_RECV->ESTABLISHED", "ESTABLISHED->CLOSE_WAIT",
        "CLOSE_WAIT->LAST_ACK", "LAST_ACK->CLOSED again")) {
      Element path = (Element) edges.get(server).getElementsByTagNameNS("*", "path").item(0);
      assertThat(path.getAttribute("stroke-width")).as(server).isEqualTo("2.6");
      assertThat(path.getAttribute("stroke-dasharray")).as(server).isNotEmpty();
    }
    Element thin = (Element) edges.get("LISTEN->CLOSED").getElementsByTagNameNS("*", "path").item(0);
    assertThat(thin.getAttribute("stroke-width")).isEqualTo("0.9");
  }

  @Test
  void theElementForHtmlIsTheSvgWithoutItsProlog() throws Exception {
    assumeTrue(Graphviz.onPath().available(), "Graphviz's dot is not installed");
    String element = Diagram.svgElement(TCP, "rfc9293");
    assertThat(element).startsWith("<svg ").endsWith("</svg>\n").doesNotContain("<?xml", "<!DOCTYPE");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(element.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
  }

  @Test
  void pngIsAPng() {
    assumeTrue(Graphviz.onPath().available(), "Graphviz's dot is not installed");
    byte[] png = Diagram.png(TCP, "rfc9293");
    assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
  }

  @Test
  void withoutDotTheMessageNamesThePackage() {
    Graphviz none = Graphviz.onPath("/nonexistent" + java.io.File.pathSeparator);
    assertThat(none.available()).isFalse();
    assertThatThrownBy(() -> none.render("digraph {}", "svg")).isInstanceOf(Graphviz.Missing.class)
        .hasMessageContaining("not found on PATH").hasMessageContaining("apt-get install graphviz");
  }

  @Test
  void badDotIsAFailureWithDotsOwnWords() {
    Graphviz dot = Graphviz.onPath();
    assumeTrue(dot.available(), "Graphviz's dot is not installed");
    assertThatThrownBy(() -> dot.render("digraph { a -> }", "svg")).isInstanceOf(Graphviz.Failed.class)
        .hasMessageContaining("failed (exit 1)").hasMessageContaining("syntax error");
  }
}
