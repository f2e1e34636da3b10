package io.tcpfsm.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.model.State;
import io.tcpfsm.validate.Validator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A profile's machine class: the golden one compared whole, a profile without the delta keeping
 * the base's cell, and a dispatch in declaration order.
 */
class MachineEmitterTest {
  static final String PKG = "io.tcpfsm.golden";

  @Test
  void machineOfTheProfileWithADeltaIsTheGoldenFile() {
    String emitted = Specs.source(JavaEmitter.machine(Specs.mini(), PKG), "Rfc9293Machine");

    assertThat(emitted).isEqualTo(Specs.resource(Specs.GOLDEN + "Rfc9293Machine.java.txt"));
  }

  @Test
  void profileWithoutTheDeltaKeepsTheDefaultInItsCell() {
    String rfc793 = Specs.source(JavaEmitter.machine(Specs.mini(), PKG), "Rfc793Machine");
    String rfc9293 = Specs.resource(Specs.GOLDEN + "Rfc9293Machine.java.txt");

    assertThat(rfc793).contains("            case NONE, SYN, ACK, SYN_ACK -> ESTABLISHED_SEGMENT;\n").doesNotContain("ESTABLISHED_SYN");
    assertThat(rfc9293).contains("            case NONE, ACK, SYN_ACK -> ESTABLISHED_SEGMENT;\n            case SYN -> ESTABLISHED_SYN;\n");
  }

  @Test
  void stepDispatchesOnTheStatesInDeclarationOrder() {
    Validator.Result spec = Specs.real();
    String emitted = Specs.source(JavaEmitter.machine(spec, PKG), "Rfc9293Machine");

    Matcher cases = Pattern.compile("\n            case (\\w+) -> \\w+\\(event, guards\\);").matcher(emitted);
    List<String> dispatched = cases.results().map(r -> r.group(1)).toList();
    assertThat(dispatched).containsExactlyElementsOf(spec.machine().states().stream().map(State::name).toList());
  }
}
