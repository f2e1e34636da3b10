package io.tcpfsm.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.model.Machine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeping a state and its mirror image once changes no verdict and no run length: every
 * property, the bundled ones and some that name A and B asymmetrically, decided on the reduced
 * graph and on the graph that keeps mirror images apart (the reference), with loss and
 * duplication, and on the spec whose TIME-WAIT never ends.
 */
class ExploreSymmetryTest {
  private static final String ASYMMETRIC = """
      always "A gets back to CLOSED": reach A = CLOSED without ABORT, TIMEOUT_USER;
      always "B gets back to CLOSED from ESTABLISHED": from B = ESTABLISHED reach B = CLOSED without ABORT, TIMEOUT_USER;
      always "A's TIME-WAIT ends": from A = TIME_WAIT reach A = CLOSED without ABORT, TIMEOUT_USER;
      always "A's TIME-WAIT ends by itself": from A = TIME_WAIT reach A = CLOSED without ABORT, TIMEOUT_USER, OPEN_ACTIVE, OPEN_PASSIVE, CLOSE;
      always "A in TIME-WAIT sees B closed": from A = TIME_WAIT reach B = CLOSED without ABORT, TIMEOUT_USER, OPEN_ACTIVE, OPEN_PASSIVE, CLOSE;
      always "B leaves SYN-SENT while A listens": from B = SYN_SENT and A = LISTEN reach not B = SYN_SENT without ABORT, TIMEOUT_USER, CLOSE;
      never "A in TIME-WAIT while B is in SYN-RECEIVED": A = TIME_WAIT and B = SYN_RECV;
      never "A in FIN-WAIT-2 with B closed and quiet": A = FIN_WAIT2 and B = CLOSED and quiet;
      possible "A listens, B connects": A = LISTEN then A = ESTABLISHED and B = ESTABLISHED;
      possible "B closes first": B = FIN_WAIT1 and A = ESTABLISHED then A = CLOSE_WAIT then B = TIME_WAIT;
      """;

  @Test
  void verdictsAndRunLengthsAreThoseOfTheUnreducedGraph() throws Exception {
    Machine bundled = ExploreSpecs.bundled();
    compare(bundled, ExploreSpecs.SMALL.withFaults(true, true, false));
    Machine broken = ExploreSpecs.broken(ExploreSpecs.TIME_WAIT_STAYS);
    compare(broken, ExploreSpecs.SMALL);
  }

  /** The same under the bound on the whole network, with loss and reordering: the bound is the same for A and B. */
  @Test
  void verdictsAndRunLengthsUnderTwoInTheNetwork() throws Exception {
    compare(ExploreSpecs.bundled(), ExploreInFlightTest.TWO);
  }

  private static void compare(Machine m, ExploreConfig config) throws Exception {
    List<Property> props = new ArrayList<>(ExploreSpecs.bundledProperties(m));
    props.addAll(ExploreSpecs.properties(m, ASYMMETRIC));
    StateGraph reduced = Explorer.explore(m, config);
    StateGraph reference = Explorer.explore(m, config, false);
    assertThat(reduced.symmetric()).isTrue();
    assertThat(reference.symmetric()).isFalse();
    assertThat(reduced.unreducedStateCount()).isEqualTo(reference.stateCount());
    List<Verdict> got = new Checker(reduced).check(props);
    List<Verdict> want = new Checker(reference).check(props);
    boolean someFail = false;
    boolean someHold = false;
    for (int i = 0; i < props.size(); i++) {
      Verdict g = got.get(i);
      Verdict w = want.get(i);
      assertThat(g.holds()).as(props.get(i).name()).isEqualTo(w.holds());
      assertThat(g.run() == null ? -1 : g.run().length()).as(props.get(i).name()).isEqualTo(w.run() == null ? -1 : w.run().length());
      // The notes may differ: of two shortest counterexamples, each graph names its first.
      if (g.run() != null) {
        assertThat(endsWhereItShould(props.get(i), g.run(), reduced.composition.tables)).as(props.get(i).name()).isTrue();
      }
      someFail |= !w.holds();
      someHold |= w.holds();
    }
    assertThat(someFail && someHold).as("the properties are not all alike").isTrue();
  }

  /**
   * Whether the run ends in a state the verdict is about, read as A and B really are there: a
   * forbidden state (never), a state the property starts from (always), the last stage (possible).
   */
  private static boolean endsWhereItShould(Property p, Run run, Table[] t) {
    long[] last = run.length() == 0 ? run.start : run.steps().get(run.length() - 1).state();
    Pred pred = switch (p.kind()) {
      case NEVER -> p.stages().get(0);
      case ALWAYS -> p.from();
      case POSSIBLE -> p.stages().get(p.stages().size() - 1);
    };
    return pred == null || pred.test(last, t, false) || (p.roles() && pred.test(last, t, true));
  }
}
