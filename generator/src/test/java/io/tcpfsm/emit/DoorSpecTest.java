package io.tcpfsm.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import io.tcpfsm.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A machine that is not TCP, door/door.fsm (calls only, no segment flags, no documents, no
 * citations): it validates, its Java compiles with every lint an error and speaks no TCP, and its
 * cell tests pass against door/door.default.cells, an answer key written by hand.
 */
class DoorSpecTest {
  private static final String PKG = "io.tcpfsm.door";

  private static Validator.Result door;
  private static List<JavaFile> machine;
  private static List<JavaFile> tests;

  @BeforeAll
  static void emit() {
    door = Validator.check("door.fsm", Specs.resource("door/door.fsm"));
    machine = door.ok() ? JavaEmitter.machine(door, PKG) : List.of();
    tests = door.ok()
        ? JavaEmitter.tests(door, PKG, Map.of("default", new JavaEmitter.AnswerKey("door/door.default.cells", Specs.resource("door/door.default.cells"))))
        : List.of();
  }

  @Test
  void doorValidatesWithoutAnyDiagnostic() {
    assertThat(door.diagnostics().sorted()).isEmpty();
    assertThat(door.machine().declaresDocuments()).isFalse();
    assertThat(door.machine().flags()).isEmpty();
  }

  @Test
  void doorGetsOneDefaultMachineAndNoTypeItDoesNotUse() {
    assertThat(machine).extracting(f -> f.typeSpec().name()).containsExactly(
        "DoorState", "DoorEvent", "DoorTimer", "DoorGuard", "DoorAction", "DoorRule", "DoorStep", "DoorMachine", "DoorProfile",
        "DefaultMachine");
  }

  @ParameterizedTest(name = "no \"{0}\"")
  @ValueSource(strings = {"Tcp", "Segment", "SEQ", "Send", "DELETE_TCB", "RFC", "Flags", "fromHeader"})
  void generatedSourcesSpeakNoTcp(String word) {
    List<JavaFile> all = new ArrayList<>(machine);
    all.addAll(tests);
    InMemoryCompiler.sources(all).forEach((type, source) -> assertThat(source).as(type).doesNotContain(word));
  }

  @Test
  void doorCompilesCleanlyAndItsCellTestsPassOnePerKeyedCell() {
    List<JavaFile> all = new ArrayList<>(machine);
    all.addAll(tests);
    InMemoryCompiler.Output output = InMemoryCompiler.compile(all);
    assertThat(output.diagnostics()).as(output.report()).isEmpty();

    GeneratedTests.Run run = GeneratedTests.run(output);

    assertThat(run.failed()).isEmpty();
    assertThat(run.found()).isEqualTo(26).isEqualTo(Specs.cellCount(door));
    assertThat(run.succeeded()).isEqualTo(run.found());
  }

  /** The smallest machine: no guards, no timers, no actions, no citations. It compiles too. */
  @Test
  void aMachineWithoutGuardsTimersOrActionsCompilesCleanly() {
    Validator.Result light = Specs.valid("switch.fsm", """
        # a light switch
        machine switch
        states { OFF initial ON }
        events { call TOGGLE }
        in OFF on TOGGLE -> ON { }
        in ON on TOGGLE -> OFF { }
        """);

    InMemoryCompiler.Output output = InMemoryCompiler.compile(JavaEmitter.machine(light, "io.tcpfsm.light"));

    assertThat(output.diagnostics()).as(output.report()).isEmpty();
    assertThat(output.classes()).containsKeys("io.tcpfsm.light.DefaultMachine", "io.tcpfsm.light.SwitchAction");
  }
}
