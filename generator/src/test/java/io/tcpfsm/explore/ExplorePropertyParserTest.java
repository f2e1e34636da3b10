package io.tcpfsm.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tcpfsm.model.Machine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties files: the bundled one reads; a bad one is named by file:line:column and why. */
class ExplorePropertyParserTest {
  private static Machine machine;

  @BeforeAll
  static void load() throws Exception {
    machine = ExploreSpecs.bundled();
  }

  @Test
  void bundledPropertiesRead() throws Exception {
    assertThat(ExploreSpecs.bundledProperties(machine)).extracting(Property::name)
        .contains("no deadlock", "a half-open connection resolves", "RFC 793 figure 13: simultaneous close");
  }

  @Test
  void aliasesAndRolesRead() {
    Property p = ExploreSpecs.properties(machine, "never \"x\": X = SYN-RECEIVED and Y->X has RST;").get(0);
    assertThat(p.roles()).isTrue();
    assertThat(p.kind()).isEqualTo(Property.Kind.NEVER);
  }

  @Test
  void unknownStateIsNamedWhereItIs() {
    assertThatThrownBy(() -> ExploreSpecs.properties(machine, "# c\nnever \"x\":\n  A = ESTABLISHD;"))
        .hasMessage("test.properties:3:7: error: unknown state 'ESTABLISHD'");
  }

  @Test
  void unknownEventInWithout() {
    assertThatThrownBy(() -> ExploreSpecs.properties(machine, "always \"x\": reach A = CLOSED without ABORTT;"))
        .hasMessage("test.properties:1:38: error: unknown event 'ABORTT'");
  }

  @Test
  void missingSemicolonAtTheEnd() {
    assertThatThrownBy(() -> ExploreSpecs.properties(machine, "never \"x\": A = CLOSED"))
        .hasMessage("test.properties:1:22: error: the file ends where ';' should be");
  }

  @Test
  void channelMustJoinTheTwoEnds() {
    assertThatThrownBy(() -> ExploreSpecs.properties(machine, "never \"x\": A->A empty;"))
        .hasMessageStartingWith("test.properties:1:15: error: a channel joins A and B");
  }

  @Test
  void duplicateNameAndUnclosedQuote() {
    assertThatThrownBy(() -> ExploreSpecs.properties(machine, "never \"x\": quiet;\nnever \"x\": quiet;"))
        .hasMessage("test.properties:2:1: error: a second property named \"x\"");
    assertThatThrownBy(() -> ExploreSpecs.properties(machine, "never \"x: quiet;"))
        .hasMessage("test.properties:1:7: error: a name in quotes is not closed on its line");
  }
}
