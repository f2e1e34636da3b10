package io.tcpfsm.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.interp.Interpreter;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.State;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every input, not a sample: for every profile, state, event and guard mask, the generated
 * machine's step and the interpreter of the model agree on the target, the rule and the actions.
 */
class MachineEqualsInterpreterEverywhereTest {
  @ParameterizedTest(name = "{0}")
  @EnumSource(TcpProfile.class)
  void generatedMachineIsTheInterpreterOnEveryInput(TcpProfile profile) {
    Interpreter model = new Interpreter(Spec.machine(), profile.specName());
    List<String> differences = new ArrayList<>();
    long compared = 0;
    for (TcpState state : TcpState.values()) {
      State modelState = Spec.machine().state(state.name()).orElseThrow();
      for (TcpEvent event : TcpEvent.values()) {
        Event modelEvent = Spec.machine().event(event.label()).orElseThrow();
        for (int guards = 0; guards <= TcpGuard.all(); guards++) {
          TcpStep actual = profile.step(state, event, guards);
          Interpreter.Outcome expected = model.step(modelState, modelEvent, Spec.holds(guards));
          String got = actual.target().name() + " " + actual.rule().specName() + " "
              + actual.actions().stream().map(TcpAction::render).toList();
          String want = expected.target().name() + " " + expected.transition().name() + " "
              + expected.actions().stream().map(Action::render).toList();
          if (!got.equals(want) && differences.size() < 20) {
            differences.add(state + " on " + event.label() + " guards 0x" + Integer.toHexString(guards) + ": machine " + got + ", model " + want);
          }
          compared++;
        }
      }
    }
    assertThat(differences).as(profile.specName()).isEmpty();
    assertThat(compared).isEqualTo((long) TcpState.values().length * TcpEvent.values().length * (TcpGuard.all() + 1));
  }
}
