package io.tcpfsm.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.model.Machine;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The graph keeps no edges: the checker expands a state again for its successors and builds the
 * edges into each state once, for the {@code always} checks, from the edges the search logged (or,
 * when the log gave up for memory, by expanding every state again: both are checked here). This test decides every
 * {@code always} property a second way, with no reverse edges: a fixpoint that marks a node
 * good once one of its successors (expanded again, forward) is good, until nothing changes.
 * Verdicts and the state each counterexample ends in must agree, on a search with two segments
 * in flight each way, loss and reordering (cut, so that the test stays small: an unexpanded
 * state counts as able to reach any goal in both), where states are stored mirrored often.
 */
class ExploreReverseEdgesTest {
  private static final ExploreConfig TWO_IN_FLIGHT = ExploreConfig.of("rfc9293").withFaults(true, false, true).withBounds(2, 0, 20_000);

  /** Two more: one that fails near the start (nobody opens actively, so nobody connects), one with A and B apart. */
  private static final String MORE = """
      always "A listening is connected to without an active open": from A = LISTEN and B = CLOSED reach A = ESTABLISHED without OPEN_ACTIVE, ABORT, TIMEOUT_USER;
      always "A's TIME-WAIT ends by itself": from A = TIME_WAIT reach A = CLOSED without ABORT, TIMEOUT_USER, OPEN_ACTIVE, OPEN_PASSIVE, CLOSE;
      """;

  @Test
  void alwaysVerdictsEqualThoseOfAForwardFixpoint() throws Exception {
    boolean[] seen = compare(ExploreSpecs.bundled());
    boolean[] planted = compare(ExploreSpecs.broken(ExploreSpecs.TIME_WAIT_STAYS));
    assertThat((seen[0] || planted[0]) && (seen[1] || planted[1])).as("the verdicts are not all alike").isTrue();
  }

  /** Whether some always property failed, and whether some held. */
  private static boolean[] compare(Machine m) throws Exception {
    StateGraph g = Explorer.explore(m, TWO_IN_FLIGHT);
    assertThat(g.symmetric()).isTrue();
    long[] edges = {0};
    for (int id = 0; id < g.expanded; id++) {
      g.successors(id, (move, to, swap) -> edges[0]++);
    }
    assertThat(edges[0]).as("successors computed again are those the search counted").isEqualTo(g.transitionCount());
    assertThat(g.reverseStart()[g.stateCount()]).isEqualTo(g.transitionCount());
    List<List<String>> forward = forwardByTarget(g);
    assertThat(reverseOf(g)).as("the reverse edges from the search's edge log, per target").isEqualTo(forward);
    // An edge log too small for the search: it gives up, and the checker expands every state again.
    StateGraph unlogged = Explorer.explore(m, TWO_IN_FLIGHT, true, 5 * 1000);
    assertThat(reverseOf(unlogged)).as("the reverse edges from expanding states again, per target").isEqualTo(forward);
    boolean someFail = false;
    boolean someHold = false;
    List<Property> props = new ArrayList<>(ExploreSpecs.bundledProperties(m));
    props.addAll(ExploreSpecs.properties(m, MORE));
    // All properties in one call (their always checks in one backward walk), and each alone.
    List<Verdict> together = new Checker(g).check(props);
    for (int i = 0; i < props.size(); i++) {
      Property p = props.get(i);
      if (p.kind() != Property.Kind.ALWAYS) {
        continue;
      }
      Verdict v = new Checker(g).check(p);
      assertThat(together.get(i).holds()).as(p.name() + ", checked with the others").isEqualTo(v.holds());
      if (!v.holds()) {
        assertThat(together.get(i).run().steps().size()).as(p.name()).isEqualTo(v.run().steps().size());
        assertThat(together.get(i).note()).as(p.name()).isEqualTo(v.note());
      }
      long[] expected = firstStuck(g, p);
      assertThat(v.holds()).as(p.name()).isEqualTo(expected == null);
      if (expected != null) {
        Run run = v.run();
        long[] last = run.length() == 0 ? run.start : run.steps().get(run.length() - 1).state();
        assertThat(last).as(p.name()).containsExactly(expected);
      }
      someFail |= expected != null;
      someHold |= expected == null;
    }
    return new boolean[] {someFail, someHold};
  }

  /** The edges into each state as the forward successors give them: (source, swap, model event), sorted. */
  private static List<List<String>> forwardByTarget(StateGraph g) {
    List<List<String>> into = new ArrayList<>();
    for (int id = 0; id < g.stateCount(); id++) {
      into.add(new ArrayList<>());
    }
    for (int id = 0; id < g.expanded; id++) {
      final int from = id;
      g.successors(id, (move, to, swap) -> into.get(to).add(from + "/" + swap + "/" + g.composition.move(move).modelEvent()));
    }
    into.forEach(java.util.Collections::sort);
    return into;
  }

  private static List<List<String>> reverseOf(StateGraph g) {
    List<List<String>> into = new ArrayList<>();
    for (int id = 0; id < g.stateCount(); id++) {
      List<String> edges = new ArrayList<>();
      for (int k = g.reverseStart()[id]; k < g.reverseStart()[id + 1]; k++) {
        int src = g.reverseSources()[k];
        int swap = (src & StateGraph.SWAP) != 0 ? 1 : 0;
        edges.add((src & ~StateGraph.SWAP) + "/" + swap + "/" + g.reverseEventName(g.reverseEvents()[k] & 0xFF));
      }
      java.util.Collections.sort(edges);
      into.add(edges);
    }
    return into;
  }

  /** The first node (state, orientation) from which the goal is unreachable, as a real joint state; null if none. */
  private static long[] firstStuck(StateGraph g, Property p) {
    Table[] t = g.composition.tables;
    int nodes = g.stateCount() * 2;
    BitSet excluded = new BitSet();
    for (int mv = 0; mv < g.composition.moveCount(); mv++) {
      String ev = g.composition.move(mv).modelEvent();
      excluded.set(mv, ev != null && p.without().contains(ev));
    }
    boolean[] swaps = p.roles() ? new boolean[] {false, true} : new boolean[] {false};
    for (boolean swap : swaps) {
      BitSet good = new BitSet(nodes);
      for (int node = 0; node < nodes; node++) {
        if (node / 2 >= g.expanded || p.stages().get(0).test(Run.state(g, node / 2, node % 2), t, swap)) {
          good.set(node);
        }
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int id = 0; id < g.expanded; id++) {
          List<int[]> out = new ArrayList<>();
          g.successors(id, (move, to, mirrored) -> {
            if (!excluded.get(move)) {
              out.add(new int[] {to, mirrored});
            }
          });
          for (int o = 0; o < 2; o++) {
            if (good.get(id * 2 + o)) {
              continue;
            }
            for (int[] e : out) {
              if (good.get(e[0] * 2 + (o ^ e[1]))) {
                good.set(id * 2 + o);
                changed = true;
                break;
              }
            }
          }
        }
      }
      for (int node = 0; node < nodes; node++) {
        long[] s = Run.state(g, node / 2, node % 2);
        if (!good.get(node) && (p.from() == null || p.from().test(s, t, swap))) {
          return s;
        }
      }
    }
    return null;
  }
}
