package io.tcpfsm.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.model.Event;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Transition;
import io.tcpfsm.analysis.Matcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties of the generated machine as a graph: ways out, and the textbook paths. */
class MachinePathsTest {
  private static final int ALL_GUARDS = TcpGuard.all();

  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293", "linux"})
  void fromEveryReachableStateSomeSequenceReachesClosed(String profile) {
    TcpMachine machine = Spec.MACHINES.get(profile);
    Set<TcpState> reachable = reachableFrom(machine, TcpState.CLOSED);
    assertThat(reachable).as("states reachable in " + profile).contains(TcpState.ESTABLISHED, TcpState.TIME_WAIT);
    for (TcpState s : reachable) {
      assertThat(reachableFrom(machine, s)).as(profile + ": CLOSED from " + s).contains(TcpState.CLOSED);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rfc793", "rfc9293", "linux"})
  void rfc793NeverReachesLastAckButRfc9293Does(String profile) {
    Set<TcpState> reachable = reachableFrom(Spec.MACHINES.get(profile), TcpState.CLOSED);
    if (profile.equals("rfc793")) {
      assertThat(reachable).doesNotContain(TcpState.LAST_ACK).hasSize(TcpState.values().length - 1);
    } else {
      assertThat(reachable).containsExactlyInAnyOrder(TcpState.values());
    }
  }

  /**
   * The heavy paths of the textbook diagram (TLPI figure 61-4), as the spec's tags mark them,
   * walk from CLOSED back to CLOSED through the generated machine, taking every tagged
   * transition once.
   */
  @ParameterizedTest(name = "{0} path in {1}")
  @CsvSource({
    "client, rfc793,  CLOSED SYN_SENT ESTABLISHED FIN_WAIT1 FIN_WAIT2 TIME_WAIT CLOSED",
    "client, rfc9293, CLOSED SYN_SENT ESTABLISHED FIN_WAIT1 FIN_WAIT2 TIME_WAIT CLOSED",
    "server, rfc9293, CLOSED LISTEN SYN_RECV ESTABLISHED CLOSE_WAIT LAST_ACK CLOSED",
    "client, linux,   CLOSED SYN_SENT ESTABLISHED FIN_WAIT1 FIN_WAIT2 TIME_WAIT CLOSED",
    "server, linux,   CLOSED LISTEN SYN_RECV ESTABLISHED CLOSE_WAIT LAST_ACK CLOSED",
  })
  void taggedTextbookPathIsWalkable(String tag, String profile, String expectedStates) {
    Machine m = Spec.machine();
    Matcher matcher = new Matcher(m);
    List<Transition> tagged = m.transitions().stream().filter(t -> t.tags().contains(tag)).toList();
    TcpMachine machine = Spec.MACHINES.get(profile);
    TcpState state = TcpState.CLOSED;
    List<String> visited = new ArrayList<>(List.of(state.name()));
    List<Transition> used = new ArrayList<>();
    do {
      final TcpState from = state;
      Transition t = tagged.stream()
          .filter(x -> matcher.appliesTo(x, m.state(from.name()).orElseThrow()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no '" + tag + "' transition leaves " + from));
      Event event = m.events().stream().filter(e -> matcher.appliesTo(t, e)).findFirst().orElseThrow();
      TcpStep step = stepByTagged(machine, state, TcpEvent.valueOf(event.name().replace('+', '_')), t);
      assertThat(step.rule().source()).as("the tagged transition applies in " + state).isEqualTo("spec/tcp.fsm:" + t.pos().line());
      assertThat(step.rule().specName()).isEqualTo(t.name());
      used.add(t);
      state = step.target();
      visited.add(state.name());
    } while (state != TcpState.CLOSED && visited.size() < 20);
    assertThat(String.join(" ", visited)).isEqualTo(expectedStates.trim());
    assertThat(used).containsExactlyInAnyOrderElementsOf(tagged);
  }

  /**
   * The step under the first guard mask for which the transition's guard holds and the profile
   * takes that transition. A profile delta may claim valuations that cannot occur together
   * (rfc9293's "not ack_acceptable" in LAST-ACK also covers "fin_acked"), so the first mask that
   * satisfies the guard is not always one the tagged transition keeps; if no mask is, the step
   * of the first satisfying one is returned and the caller's assertion names the difference.
   */
  private static TcpStep stepByTagged(TcpMachine machine, TcpState state, TcpEvent event, Transition t) {
    TcpStep first = null;
    for (int g = 0; g <= ALL_GUARDS; g++) {
      if (t.guard() == null || t.guard().test(Spec.holds(g))) {
        TcpStep step = machine.step(state, event, g);
        if (step.rule().source().equals("spec/tcp.fsm:" + t.pos().line())) {
          return step;
        }
        if (first == null) {
          first = step;
        }
      }
    }
    if (first == null) {
      throw new AssertionError("guard of line " + t.pos().line() + " is unsatisfiable");
    }
    return first;
  }

  private static Set<TcpState> reachableFrom(TcpMachine machine, TcpState start) {
    Set<TcpState> seen = EnumSet.of(start);
    Deque<TcpState> work = new ArrayDeque<>(List.of(start));
    while (!work.isEmpty()) {
      TcpState s = work.poll();
      for (TcpEvent e : TcpEvent.values()) {
        for (int g = 0; g <= ALL_GUARDS; g++) {
          TcpState next = machine.step(s, e, g).target();
          if (seen.add(next)) {
            work.add(next);
          }
        }
      }
    }
    return seen;
  }
}
