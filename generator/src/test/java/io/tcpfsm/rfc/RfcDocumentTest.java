package io.tcpfsm.rfc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Sections, pages and quotes of the bundled RFC texts. Page numbers are checked against the
 * plain text: RFC 793's "3.9.  Event Processing" follows the "[Page 51]" footer, its last clause
 * (TIME-WAIT TIMEOUT) ends on page 77, page 78 is empty and the glossary starts on page 79.
 */
class RfcDocumentTest {
  private static final RfcDocument RFC793 = RfcLibrary.get(793).orElseThrow();
  private static final RfcDocument RFC9293 = RfcLibrary.get(9293).orElseThrow();

  @Test
  void rfc793IsPaginated() {
    assertThat(RFC793.paginated()).isTrue();
    assertThat(RFC793.pageCount()).isEqualTo(85);
  }

  @Test
  void rfc793EventProcessingSpansPages52To77() {
    RfcSection s = RFC793.section("3.9").orElseThrow();
    assertThat(s.title()).isEqualTo("Event Processing");
    assertThat(s.firstPage()).isEqualTo(52);
    assertThat(s.lastPage()).isEqualTo(77);
    assertThat(s.containsPage(53)).isTrue();
    assertThat(s.containsPage(51)).isFalse();
    assertThat(s.containsPage(79)).isFalse();
  }

  @Test
  void rfc793GlossaryIsNotPartOfEventProcessing() {
    RfcSection s = RFC793.section("3.9").orElseThrow();
    assertThat(s.says("If the time-wait timeout expires on a connection delete the TCB")).isTrue();
    assertThat(s.says("A control bit (finis) occupying one sequence number")).isFalse();
  }

  @Test
  void rfc793CentredChaptersAreSectionsAndEndTheSectionBefore() {
    assertThat(RFC793.section("3").orElseThrow().title()).isEqualTo("FUNCTIONAL SPECIFICATION");
    assertThat(RFC793.section("3").orElseThrow().firstPage()).isEqualTo(15);
    RfcSection robustness = RFC793.section("2.10").orElseThrow();
    assertThat(robustness.lastPage()).isEqualTo(13);
    assertThat(robustness.says("FUNCTIONAL SPECIFICATION")).isFalse();
  }

  @Test
  void rfc793SubsectionsOfEventProcessingAreNotNumbered() {
    assertThat(RFC793.section("3.9.1")).isEmpty();
    assertThat(RFC793.section("3.10")).isEmpty();
  }

  @Test
  void rfc9293IsNotPaginated() {
    assertThat(RFC9293.paginated()).isFalse();
    assertThat(RFC9293.pageCount()).isZero();
    RfcSection s = RFC9293.section("3.10.7.4").orElseThrow();
    assertThat(s.firstPage()).isZero();
    assertThat(s.lastPage()).isZero();
  }

  @Test
  void rfc9293HasItsEventProcessingSections() {
    assertThat(RFC9293.section("3.10").orElseThrow().title()).isEqualTo("Event Processing");
    assertThat(RFC9293.section("3.10.4").orElseThrow().title()).isEqualTo("CLOSE Call");
    assertThat(RFC9293.section("3.10.7.4").orElseThrow().title()).isEqualTo("Other States");
    assertThat(RFC9293.section("3.10.8").orElseThrow().title()).isEqualTo("Timeouts");
    assertThat(RFC9293.section("3.10.9")).isEmpty();
  }

  @Test
  void tableOfContentsLinesAreNotHeadings() {
    // The contents list "3.10.7.4.  Other States ....... 60"-style lines precede the real heading.
    assertThat(RFC9293.section("3.10.7.4").orElseThrow().text()).startsWith("3.10.7.4. Other States");
  }

  @Test
  void aSectionContainsItsSubsections() {
    assertThat(RFC9293.section("3.10").orElseThrow().says("Enter the CLOSE-WAIT state.")).isTrue();
    assertThat(RFC9293.section("3.10.7.4").orElseThrow().says("Enter the CLOSE-WAIT state.")).isTrue();
    assertThat(RFC9293.section("3.10.4").orElseThrow().says("Enter the CLOSE-WAIT state.")).isFalse();
  }

  @Test
  void quoteMatchesAcrossALineBreak() {
    assertThat(RFC793.section("3.9").orElseThrow()
            .says("Queue this request until all preceding SENDs have been segmentized; then send a FIN segment, enter CLOSING state."))
        .isTrue();
  }

  @Test
  void quoteMatchesAcrossAPageBreak() {
    // Page 67 ends after "precedence"; page 68's running header must not sit in between.
    assertThat(RFC793.section("3.9").orElseThrow()
            .says("If the SYN bit is on and the security/compartment and precedence are acceptable then, RCV.NXT is set to SEG.SEQ+1, IRS is set to SEG.SEQ."))
        .isTrue();
  }

  @Test
  void quoteMatchesAcrossAHyphenatedLineEnd() {
    // "(MUST-" ends one line and "10)." starts the next; "half-" / "open" likewise.
    assertThat(RFC9293.section("3.5").orElseThrow().says("A TCP implementation MUST support simultaneous open attempts (MUST-10).")).isTrue();
    assertThat(RFC9293.section("3.5.1").orElseThrow().says("However, half-open connections are expected to be unusual.")).isTrue();
  }

  @Test
  void quoteIgnoresRunsOfWhitespaceInTheQuote() {
    assertThat(RFC9293.section("3.10.4").orElseThrow().says("Delete TCB,   enter CLOSED\n state, and return.")).isTrue();
  }

  @Test
  void misquoteIsNotFound() {
    assertThat(RFC9293.section("3.10.4").orElseThrow().says("Delete TCB, enter CLOSING state, and return.")).isFalse();
  }

  /** The bundled RFCs are exactly the rfcN.txt files beside SOURCES.md, each readable by number. */
  @Test
  void bundledRfcsAreTheTextsInTheLibrary() throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of(RfcLibrary.class.getResource("SOURCES.md").toURI()).getParent();
    java.util.List<Integer> files;
    try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(dir)) {
      files = list.map(f -> f.getFileName().toString()).filter(n -> n.matches("rfc\\d+\\.txt"))
          .map(n -> Integer.parseInt(n.substring(3, n.length() - 4))).sorted().toList();
    }
    assertThat(files).contains(793, 1122, 5961, 9293).hasSize(14);
    assertThat(RfcLibrary.BUNDLED).containsExactlyInAnyOrderElementsOf(files);
    for (int rfc : files) {
      assertThat(RfcLibrary.get(rfc)).as("RFC %d", rfc).isPresent();
    }
    assertThat(RfcLibrary.get(793)).containsSame(RFC793);
    assertThat(RfcLibrary.get(2581)).as("RFC 2581, obsoleted by 5681, is not bundled").isEmpty();
  }

  @Test
  void pagesComeFromFootersAndHeadersAreDropped() {
    String text =
        "RFC 1  Toy  September 1981\n\n1.  One\n\n   first page text\n\n[Page 1]\n\f\n"
            + "September 1981\nToy Protocol\n                 One\n\n"
            + "   continues here\n\n2.  Two\n\n   second\n\n[Page 2]\n\f\n"
            + "September 1981\nToy Protocol\n\n   still two\n\n[Page 3]\n";
    RfcDocument doc = RfcDocument.parse(1, text);
    assertThat(doc.paginated()).isTrue();
    assertThat(doc.pageCount()).isEqualTo(3);
    RfcSection one = doc.section("1").orElseThrow();
    assertThat(one.firstPage()).isEqualTo(1);
    assertThat(one.lastPage()).isEqualTo(2);
    assertThat(one.says("first page text continues here")).isTrue();
    assertThat(one.text()).doesNotContain("Toy Protocol").doesNotContain("[Page");
    RfcSection two = doc.section("2").orElseThrow();
    assertThat(two.firstPage()).isEqualTo(2);
    assertThat(two.lastPage()).isEqualTo(3);
  }
}
