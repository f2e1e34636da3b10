package io.tcpfsm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The page and the Markdown say the same, list everything, and escape what they quote. */
class AuditPageTest {
  private static final String SVG = """
      <?xml version="1.0" encoding="UTF-8" standalone="no"?>
      <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
      <svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="20">CLOSED</text></svg>
      """;
  private static AuditReport report;
  private static String html;
  private static String md;

  @BeforeAll
  static void build() throws AuditException {
    report = AuditReport.build(AuditSpecs.bundled(), List.of(), Svg.inline("d.svg", SVG));
    html = HtmlWriter.write(report);
    md = MarkdownWriter.write(report);
  }

  private static Document xml(String page) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(page.replaceFirst("^<!DOCTYPE html>", ""))));
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void thePageIsWellFormedAndHasTheMatricesAndTheDiagram() throws Exception {
    Document d = xml(html);
    assertThat(d.getElementsByTagName("svg").getLength()).isEqualTo(1);
    assertThat(html).contains("id=\"matrix-rfc793\"", "id=\"matrix-rfc9293\"");
  }

  @Test
  void everyClauseAndEveryRequirementIsListedInBoth() {
    for (Clause c : report.coverage().clauses()) {
      assertThat(html).contains("id=\"clause-" + Html.slug(c.id()) + "\"");
      assertThat(md).contains("| `" + c.id() + "`<br>");
    }
    for (Requirement r : report.requirements()) {
      assertThat(html).contains("id=\"req-" + r.id() + "\"");
      assertThat(md).containsPattern("(?m)^\\| " + r.id() + " \\|");
    }
  }

  @Test
  void theMarkdownAndThePageAgreeOnTheirCounts() {
    for (String line : report.summary()) {
      assertThat(html).contains("<li>" + Html.esc(line) + "</li>");
      assertThat(md).contains("- " + line + "\n");
    }
    assertThat(count(html, "<tr class=\"clause ")).isEqualTo(count(md, "^\\| `rfc(793|9293)/")).isEqualTo(160);
    assertThat(count(html, "<tr class=\"requirement ")).isEqualTo(count(md, "^\\| (MUST|SHLD|MAY)-\\d+ \\|")).isEqualTo(118);
    assertThat(count(html, "<tr class=\"difference\"")).isEqualTo(count(md, "^\\| [A-Z_0-9]+ \\| [A-Z+_]+ \\| ") - 0)
        .isEqualTo(report.diffs().stream().mapToInt(d -> d.differences().size()).sum());
    for (Classification.Kind k : Classification.Kind.values()) {
      long n = report.classification().values().stream().filter(c -> c.kind() == k).count();
      assertThat(count(html, "<td>" + k.words() + "</td>")).as(k.words()).isEqualTo((int) n);
      assertThat(count(md, "\\| " + k.words() + " \\|")).as(k.words()).isEqualTo((int) n);
    }
  }

  @Test
  void whatTheSpecSaysIsEscaped() throws Exception {
    String text = AuditSpecs.text().replace("note \"Two signals:", "note \"<script>alert(1)</script> & | Two signals:");
    AuditReport r = AuditReport.build(AuditSpecs.check(text), List.of(), null);
    String page = HtmlWriter.write(r);
    xml(page);
    assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; | Two signals:");
    assertThat(MarkdownWriter.write(r)).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\| Two signals:");
  }

  @Test
  void aDiagramMustBeAnSvgWithoutScript() {
    assertThatThrownBy(() -> Svg.inline("d.svg", "<html/>")).hasMessage("d.svg: not an SVG document (its root element is <html>)");
    assertThatThrownBy(() -> Svg.inline("d.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>")).hasMessageContaining("<script>");
    assertThatThrownBy(() -> Svg.inline("d.svg", "<svg><g></svg>")).hasMessageStartingWith("d.svg: line 1: not well-formed XML");
  }

  @Test
  void anUnknownProfileIsNamed() {
    assertThatThrownBy(() -> AuditReport.build(AuditSpecs.bundled(), List.of("rfc1122"), null))
        .isInstanceOf(AuditException.class).hasMessage("spec/tcp.fsm has no profile 'rfc1122'; it has rfc793, rfc9293, linux");
  }
}
