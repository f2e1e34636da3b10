package io.tcpfsm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tcpfsm.model.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9293's 118 numbered requirements, read from its text, and their reviewed classification. */
class AuditRequirementsTest {
  private static final List<Requirement> REQUIREMENTS = Requirements.bundled();
  private static final Machine MACHINE = AuditSpecs.bundled().machine();

  private static String bundledTsv() throws IOException {
    try (InputStream in = Classification.class.getResourceAsStream(Classification.FILE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void all118AreReadFromTheRfc() {
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 69; i++) {
      expected.add("MUST-" + i);
    }
    for (int i = 1; i <= 31; i++) {
      expected.add("SHLD-" + i);
    }
    for (int i = 1; i <= 18; i++) {
      expected.add("MAY-" + i);
    }
    assertThat(REQUIREMENTS).extracting(Requirement::id).containsExactlyElementsOf(expected);
  }

  @Test
  void levelFeatureAndSentenceComeFromAppendixBAndTheBody() {
    Requirement r = REQUIREMENTS.stream().filter(q -> q.id().equals("MUST-13")).findFirst().orElseThrow();
    // RFC 9293 Appendix B: "| In TIME-WAIT state for 2MSL seconds | MUST-13 | X |" under "Closing Connections";
    // section 3.6.1 (text copied from the RFC).
    assertThat(r.level()).isEqualTo("MUST");
    assertThat(r.category()).isEqualTo("Closing Connections");
    assertThat(r.feature()).isEqualTo("In TIME-WAIT state for 2MSL seconds");
    assertThat(r.section()).isEqualTo("3.6.1");
    assertThat(r.sentence()).isEqualTo("When a connection is closed actively, it MUST linger in the TIME-WAIT state for a time 2xMSL (Maximum Segment Lifetime) (MUST-13).");
    Requirement prf = REQUIREMENTS.stream().filter(q -> q.id().equals("MUST-9")).findFirst().orElseThrow();
    assertThat(prf.level()).isEqualTo("MUST NOT");
    // MUST-22, "Same mechanism for SYNs", is tagged only in the table.
    Requirement syn = REQUIREMENTS.stream().filter(q -> q.id().equals("MUST-22")).findFirst().orElseThrow();
    assertThat(syn.section()).isEqualTo("Appendix B");
  }

  @Test
  void theBundledClassificationCoversAll118() throws AuditException {
    Map<String, Classification> c = Classification.bundled(REQUIREMENTS, MACHINE);
    assertThat(c).hasSize(118);
    assertThat(c.get("MUST-11").kind()).isEqualTo(Classification.Kind.MODEL);
    assertThat(c.get("MUST-11").refs()).contains("syn_recv_reset_passive");
  }

  @Test
  void aRequirementLeftOutIsAnErrorNamingIt() throws IOException {
    String tsv = bundledTsv().replaceAll("(?m)^MUST-13\t.*\n", "");
    assertThatThrownBy(() -> Classification.parse("r.tsv", tsv, REQUIREMENTS, MACHINE))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("r.tsv: MUST-13 (In TIME-WAIT state for 2MSL seconds) is not classified");
  }

  @Test
  void anUnknownRuleAClassAndARepeatedIdAreErrorsWithTheirLines() throws IOException {
    String tsv = bundledTsv()
        .replace("MUST-10\tmodel\tsimultaneous_open\t", "MUST-10\tmodel\tsimultaneous_opening\t")
        .replace("MAY-14\tno\t", "MAY-14\tmaybe\t")
        + "MUST-1\tno\t-\tagain\nMUST-70\tno\t-\tnot in the RFC\n";
    int lines = (int) bundledTsv().lines().count();
    assertThatThrownBy(() -> Classification.parse("r.tsv", tsv, REQUIREMENTS, MACHINE))
        .isInstanceOf(AuditException.class)
        .hasMessageContaining("MUST-10 names rule 'simultaneous_opening', which spec/tcp.fsm does not have")
        .hasMessageContaining("MAY-14: unknown class 'maybe'")
        .hasMessageContaining("r.tsv:" + (lines + 1) + ": MUST-1 is classified twice")
        .hasMessageContaining("r.tsv:" + (lines + 2) + ": 'MUST-70' is not one of RFC 9293's numbered requirements");
  }
}
