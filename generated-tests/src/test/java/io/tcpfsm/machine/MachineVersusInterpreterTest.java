package io.tcpfsm.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.interp.Interpreter;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.State;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The generated machine and the interpreter of the model agree, step by step, on random event
 * sequences with random guard values, for every profile. A difference shrinks to a shortest
 * sequence that shows it.
 */
class MachineVersusInterpreterTest {
  /** One input: an event and the guards that hold. */
  record Input(TcpEvent event, int guards) {
    @Override
    public String toString() {
      return event.label() + " " + Integer.toBinaryString(guards);
    }
  }

  @Example
  void everyProfileOfTheSpecHasAGeneratedMachine() {
    assertThat(Spec.MACHINES.keySet()).containsExactlyInAnyOrderElementsOf(Spec.machine().profileNames());
  }

  @Property(tries = 2000)
  void generatedMachineAgreesWithTheInterpreter(
      @ForAll("profiles") String profile, @ForAll @Size(max = 60) List<@net.jqwik.api.From("inputs") Input> inputs) {
    Interpreter model = new Interpreter(Spec.machine(), profile);
    TcpMachine machine = Spec.MACHINES.get(profile);
    TcpState state = TcpState.CLOSED;
    State modelState = Spec.machine().state("CLOSED").orElseThrow();
    for (Input in : inputs) {
      Event event = Spec.machine().event(in.event().label()).orElseThrow();
      Interpreter.Outcome expected = model.step(modelState, event, Spec.holds(in.guards()));
      TcpStep actual = machine.step(state, in.event(), in.guards());
      String where = profile + ": " + state + " on " + in;
      assertThat(actual.target().name()).as(where).isEqualTo(expected.target().name());
      assertThat(actual.actions().stream().map(TcpAction::render).toList())
          .as(where)
          .isEqualTo(expected.actions().stream().map(Action::render).toList());
      assertThat(actual.rule().source()).as(where).isEqualTo("spec/tcp.fsm:" + expected.transition().pos().line());
      assertThat(actual.rule().specName()).as(where).isEqualTo(expected.transition().name());
      state = actual.target();
      modelState = expected.target();
    }
  }

  @Provide
  Arbitrary<String> profiles() {
    return Arbitraries.of(Spec.machine().profileNames());
  }

  @Provide
  Arbitrary<Input> inputs() {
    return Combinators.combine(Arbitraries.of(TcpEvent.class), Arbitraries.integers().between(0, TcpGuard.all()))
        .as(Input::new);
  }
}
