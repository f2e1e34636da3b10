package io.tcpfsm.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.RepoRoot;
import io.tcpfsm.model.Guard;
import io.tcpfsm.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** explain's engine over the bundled spec: every cell answers, missing guards are named. */
class ExplainerTest {
  private static Validator.Result spec;

  @BeforeAll
  static void load() throws Exception {
    Path p = RepoRoot.get();
    spec = Validator.check("spec/tcp.fsm", Files.readString(p.resolve("spec/tcp.fsm")));
    assertThat(spec.ok()).isTrue();
  }

  @Test
  void everyCellOfEveryProfileIsExplainedByItsOwnTransition() {
    int explained = 0;
    for (ProfileTable table : spec.tables().values()) {
      Explainer explainer = new Explainer(table);
      for (CellGroup group : table.groups()) {
        for (Cell cell : group.cells()) {
          Explanation e = explainer.explain(cell.state().name(), cell.event().name(), cell.guards());
          assertThat(e).as("%s %s %s", table.profile(), cell.state().name(), cell.event().name()).isInstanceOf(Explanation.Outcome.class);
          Explanation.Outcome o = (Explanation.Outcome) e;
          assertThat(o.transition()).isSameAs(cell.transition());
          assertThat(o.target()).isSameAs(cell.target());
          explained++;
        }
      }
    }
    assertThat(explained).isEqualTo(spec.tables().values().stream().mapToInt(ProfileTable::cellCount).sum());
  }

  @Test
  void rfcSpellingsAndFlagOrderAreAccepted() {
    Explainer rfc9293 = new Explainer(spec.tables().get("rfc9293"));
    Explanation e = rfc9293.explain("SYN-SENT", "ack+syn", Map.of("ack_acceptable", true, "has_data", false));
    assertThat(((Explanation.Outcome) e).target().name()).isEqualTo("ESTABLISHED");
  }

  @Test
  void onlyTheGuardsThatChangeTheOutcomeAreAskedFor() {
    Explainer rfc793 = new Explainer(spec.tables().get("rfc793"));
    Map<String, Boolean> given = new LinkedHashMap<>();
    given.put("seq_acceptable", true);
    Explanation e = rfc793.explain("SYN_RECV", "RST", given);
    assertThat(e).isInstanceOf(Explanation.NeedsGuards.class);
    assertThat(((Explanation.NeedsGuards) e).missing()).extracting(Guard::name).containsExactly("passive_open");
  }

  @Test
  void citationOfTheProfilesOwnRfcComesFirst() {
    Explainer rfc793 = new Explainer(spec.tables().get("rfc793"));
    Explanation.Outcome o = (Explanation.Outcome) rfc793.explain("ESTABLISHED", "CLOSE", Map.of());
    assertThat(o.citation().rfc()).hasValue(793);
    Explanation.Outcome o2 = (Explanation.Outcome) new Explainer(spec.tables().get("rfc9293")).explain("ESTABLISHED", "CLOSE", Map.of());
    assertThat(o2.citation().rfc()).hasValue(9293);
  }
}
