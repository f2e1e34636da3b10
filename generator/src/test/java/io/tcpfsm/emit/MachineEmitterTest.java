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
 * the base's cell, a dispatch in declaration order, and rules named once however many states
 * share them.
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

    assertThat(rfc793)
        .contains("                case NONE, SYN, SYN_ACK -> to(MiniState.ESTABLISHED, MiniRule.DEFAULT_ON_SEGMENT);\n")
        .doesNotContain("RFC9293_ESTABLISHED_ON_SYN");
    assertThat(rfc9293)
        .contains("                case NONE, SYN_ACK -> to(MiniState.ESTABLISHED, MiniRule.DEFAULT_ON_SEGMENT);\n")
        .contains("                case SYN -> to(MiniState.ESTABLISHED, MiniRule.RFC9293_ESTABLISHED_ON_SYN);\n");
  }

  @Test
  void stepDispatchesOnTheStatesInDeclarationOrder() {
    Validator.Result spec = Specs.real();
    String emitted = Specs.source(JavaEmitter.machine(spec, PKG), "Rfc9293Machine");

    Matcher cases = Pattern.compile("\n            case (\\w+) -> \\w+\\.decide\\(event, guards\\);").matcher(emitted);
    List<String> dispatched = cases.results().map(r -> r.group(1)).toList();
    assertThat(dispatched).containsExactlyElementsOf(spec.machine().states().stream().map(State::name).toList());
  }

  @Test
  void aRuleSharedByTwoStatesIsOneConstantOfTheRuleEnum() {
    String rules = Specs.source(JavaEmitter.machine(Specs.mini(), PKG), "MiniRule");
    String machine = Specs.source(JavaEmitter.machine(Specs.mini(), PKG), "Rfc9293Machine");

    assertThat(rules).containsOnlyOnce("    SYN_SENT_ESTABLISHED_ON_OPEN(\"syn_sent_established_on_open\"");
    assertThat(machine)
        .contains("case OPEN -> to(MiniState.SYN_SENT, MiniRule.SYN_SENT_ESTABLISHED_ON_OPEN);")
        .contains("case OPEN -> to(MiniState.ESTABLISHED, MiniRule.SYN_SENT_ESTABLISHED_ON_OPEN);");
  }

  @Test
  void aRuleNamedInItsHeadKeepsThatName() {
    String rules = Specs.source(JavaEmitter.machine(Specs.mini(), PKG), "MiniRule");

    assertThat(rules).contains("    ESTABLISHED_ACK(\"established_ack\", \"in ESTABLISHED on ACK\",");
  }
}
