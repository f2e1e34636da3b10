package io.tcpfsm.emit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared types of the golden spec golden/mini.fsm, compared whole with golden/*.java.txt. */
class TypesEmitterTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "MiniState", "MiniFlags", "MiniEvent", "MiniTimer", "MiniGuard", "MiniVariable", "MiniValue", "MiniCondition",
    "MiniAction", "MiniRule", "MiniStep", "MiniMachine", "MiniProfile"})
  void sharedTypeIsTheGoldenFile(String type) {
    String emitted = Specs.source(JavaEmitter.machine(Specs.mini(), MachineEmitterTest.PKG), type);

    assertThat(emitted).isEqualTo(Specs.resource(Specs.GOLDEN + type + ".java.txt"));
  }
}
