package io.tcpfsm.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.model.Machine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bound on the whole network ({@code --in-flight N}: at most N segments in flight, both
 * directions together, a direction may hold all N; a segment sent into a full network is lost
 * there). The explorer's joint states are those of a brute-force search written here: no memo
 * of reactions, no symmetry reduction, the mirror images kept apart, and the bound applied by
 * its own rule to the segments each step sends (from the step's detail, not from the
 * explorer's channels), on a composition whose channels hold three segments each.
 */
class ExploreInFlightTest {
  /** Two segments in the network, no text, loss and reordering: small enough to search twice. */
  static final ExploreConfig TWO = ExploreSpecs.SMALL.withFaults(true, false, true).withInFlight(2);
  private static Machine machine;
  private static StateGraph graph;

  @BeforeAll
  static void explore() throws Exception {
    machine = ExploreSpecs.bundled();
    graph = Explorer.explore(machine, TWO);
  }

  @Test
  void theJointStatesAreThoseOfABruteForceSearch() {
    Set<List<Long>> reference = bruteForce(machine, TWO);
    Set<List<Long>> found = withMirrorImages(graph);
    assertThat(graph.complete()).isTrue();
    assertThat(found).hasSameSizeAs(reference);
    assertThat(found.containsAll(reference)).isTrue();
    assertThat(graph.unreducedStateCount()).isEqualTo(reference.size());
    // The bound is at work: some state has two segments in one direction, none more than two in all.
    assertThat(reference.stream().anyMatch(s -> Channel.size(s.get(2)) == 2 || Channel.size(s.get(3)) == 2)).isTrue();
    assertThat(reference.stream().allMatch(s -> Channel.size(s.get(2)) + Channel.size(s.get(3)) <= 2)).isTrue();
    assertThat(graph.channelOverflows()).isPositive();
  }

  /**
   * A step that sends two segments into a network with one place left keeps the first and loses
   * the second. No rule of the bundled spec sends two, so a copy whose LISTEN answers a SYN with
   * its SYN,ACK twice is searched and compared with the brute-force search.
   */
  @Test
  void aStepThatSendsTwoFillsTheNetworkOneAtATime() throws Exception {
    Machine twice = ExploreSpecs.broken(SYN_ACK_TWICE);
    ExploreConfig c = TWO.withFaults(false, false, true);
    StateGraph g = Explorer.explore(twice, c);
    assertThat(withMirrorImages(g)).isEqualTo(bruteForce(twice, c));
    assertThat(g.channelOverflows()).isPositive();
  }

  private static final String[] SYN_ACK_TWICE = {
    "  queue\n  send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>\n  set SND.NXT = ISS+1",
    "  queue\n  send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>\n  send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>\n  set SND.NXT = ISS+1"
  };

  /**
   * With loss, a segment lost at a full channel or a full network is a segment sent and then
   * lost, so a tighter bound's joint states are among a looser one's: one segment per direction
   * fits in a network of two (docs/architecture.md, "Bounds").
   */
  @Test
  void oneSegmentPerDirectionIsWithinTwoInTheNetwork() {
    StateGraph one = Explorer.explore(machine, ExploreSpecs.SMALL.withFaults(true, false, true));
    Set<List<Long>> within = withMirrorImages(one);
    Set<List<Long>> two = withMirrorImages(graph);
    assertThat(two.containsAll(within)).isTrue();
    assertThat(two.size()).isGreaterThan(within.size());
  }

  @Test
  void countsAreStableFromRunToRun() {
    StateGraph again = Explorer.explore(machine, TWO);
    assertThat(again.stateCount()).isEqualTo(graph.stateCount());
    assertThat(again.transitionCount()).isEqualTo(graph.transitionCount());
    assertThat(again.channelOverflows()).isEqualTo(graph.channelOverflows());
  }

  @Test
  void theBoundIsOnTheWholeNetwork() {
    ExploreConfig c = TWO.withInFlight(3);
    assertThat(c.capacity()).isEqualTo(3);
    assertThat(c.fits(2, 2)).isTrue();
    assertThat(c.fits(2, 3)).isFalse();
    assertThat(c.fits(3, 3)).isFalse();
    assertThat(TWO.canReorder()).isTrue();
    assertThat(TWO.withInFlight(1).canReorder()).isFalse();
    assertThat(ExploreSpecs.SMALL.canReorder()).isFalse();
  }

  /**
   * The bundled properties under the bound: the two findings of docs/architecture.md fail (an
   * old SYN taken for a simultaneous open leaves the ends trading ACKs), and the half-open
   * connection of RFC 793 figure 10 resolves, as the RFC says it does. That one failed on an
   * artefact while a LISTEN end that turned active kept its passive open's ISS (RFC 9293 3.10.1
   * selects a new one): the ESTABLISHED end's ACK of the old SYN,ACK was acceptable to the new
   * SYN-SENT, which dropped it instead of sending the reset that ends the half-open connection.
   */
  @Test
  void theBundledPropertiesUnderTheBound() throws Exception {
    for (Verdict v : new Checker(graph).check(ExploreSpecs.bundledProperties(machine))) {
      String name = v.property().name();
      boolean finding = name.equals("no deadlock") || name.startsWith("a CLOSE by both");
      assertThat(v.holds()).as(name).isEqualTo(!finding);
    }
  }

  /** The planted deadlock (TIME-WAIT's 2 MSL timeout keeps it there) is found under the bound; the bundled spec's TIME-WAIT ends. */
  @Test
  void thePlantedDeadlockIsFound() throws Exception {
    Machine broken = ExploreSpecs.broken(ExploreSpecs.TIME_WAIT_STAYS);
    Verdict v = new Checker(Explorer.explore(broken, TWO)).check(ExploreSpecs.properties(broken, ExplorePlantedDeadlockTest.TIME_WAIT_ENDS).get(0));
    assertThat(v.holds()).isFalse();
    int last = v.run().length() - 1;
    assertThat(v.run().stateOf(0, last).equals("TIME_WAIT") || v.run().stateOf(1, last).equals("TIME_WAIT")).isTrue();
    assertThat(v.note()).contains("none satisfies the goal");
    Verdict bundled = new Checker(graph).check(ExploreSpecs.properties(machine, ExplorePlantedDeadlockTest.TIME_WAIT_ENDS).get(0));
    assertThat(bundled.holds()).isTrue();
  }

  /**
   * Breadth-first over full joint states (A, B, A->B, B->A), mirror images apart, the
   * passive-open flag kept everywhere (the explorer clears it where it is dead) and cleared only
   * when a state is recorded. Successors come from a composition with three segments a channel
   * and no bound on the network, expanded with details (which bypasses the memo of reactions);
   * the channel a step sends into is then rebuilt from the state before the step: each segment
   * sent joins it, in the order sent, while its channel holds fewer than the capacity and (with
   * {@code --in-flight N}) the network fewer than N; else it is lost.
   */
  static Set<List<Long>> bruteForce(Machine m, ExploreConfig bounded) {
    ExploreConfig open = new ExploreConfig(bounded.profileA(), bounded.profileB(), bounded.loss(), bounded.dup(), bounded.reorder(),
        Channel.MAX_CAPACITY, 0, bounded.maxSends(), bounded.rcvWnd(), bounded.maxStates());
    Composition c = new Composition(m, open);
    for (Table t : c.tables) {
      t.passiveReadOnlyInSynRecv = false;
    }
    int n = bounded.inFlight();
    End closed = new End();
    closed.state = c.tables[0].closed;
    List<Long> start = List.of(closed.pack(), closed.pack(), 0L, 0L);
    Set<List<Long>> seen = new HashSet<>(List.of(start));
    ArrayDeque<List<Long>> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      List<Long> s = queue.poll();
      List<List<Long>> next = new ArrayList<>();
      c.expand(s.get(0), s.get(1), s.get(2), s.get(3), (move, a, b, ab, ba, fx) -> {
        int x = c.move(move).end();
        long into = x == 0 ? ba : ab; // as the step left it: less a segment delivered
        long out = x == 0 ? s.get(2) : s.get(3); // as it was before the step
        for (int i = 0; fx != null && i < fx.sentCount; i++) {
          int inChannel = Channel.size(out);
          if (inChannel < bounded.capacity() && (n == 0 || inChannel + Channel.size(into) < n)) {
            out = Channel.add(out, fx.sent[i], Channel.MAX_CAPACITY, bounded.reorder());
          }
        }
        next.add(x == 0 ? List.of(a, b, out, into) : List.of(a, b, into, out));
      }, true);
      for (List<Long> t : next) {
        if (seen.add(t)) {
          queue.add(t);
        }
      }
    }
    int synRecv = c.tables[0].state("SYN_RECV");
    Set<List<Long>> cleared = new HashSet<>();
    for (List<Long> s : seen) {
      cleared.add(List.of(clearPassive(s.get(0), synRecv), clearPassive(s.get(1), synRecv), s.get(2), s.get(3)));
    }
    return cleared;
  }

  private static long clearPassive(long end, int synRecv) {
    return End.state(end) == synRecv ? end : end & ~(1L << 32);
  }

  /** The explorer's stored states, each with its mirror image: the states it stands for. */
  static Set<List<Long>> withMirrorImages(StateGraph g) {
    Set<List<Long>> found = new HashSet<>();
    for (int id = 0; id < g.stateCount(); id++) {
      long a = g.states.get(id, 0);
      long b = g.states.get(id, 1);
      long ab = g.states.get(id, 2);
      long ba = g.states.get(id, 3);
      found.add(List.of(a, b, ab, ba));
      if (g.symmetric()) {
        found.add(List.of(b, a, ba, ab));
      }
    }
    return found;
  }
}
