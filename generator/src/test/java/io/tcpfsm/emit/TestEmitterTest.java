package io.tcpfsm.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import io.tcpfsm.analysis.Cell;
import io.tcpfsm.analysis.CellGroup;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.validate.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated tests: the golden class compared whole, one test per cell, and, the point of
 * them, they pass on the generated machine and fail on a machine with one step wrong, exactly
 * in the cells that step serves.
 */
class TestEmitterTest {
  private static final String PKG = MachineEmitterTest.PKG;

  private static Validator.Result mini;
  private static Map<String, String> sources;

  @BeforeAll
  static void emitTheGoldenSpec() {
    mini = Specs.mini();
    List<JavaFile> files = new ArrayList<>(JavaEmitter.machine(mini, PKG));
    files.addAll(JavaEmitter.tests(mini, PKG));
    sources = InMemoryCompiler.sources(files);
  }

  @Test
  void testClassOfAStateWithAGuardIsTheGoldenFile() {
    assertThat(sources.get(PKG + ".Rfc9293SynSentTest")).isEqualTo(Specs.resource(Specs.GOLDEN + "Rfc9293SynSentTest.java.txt"));
  }

  @Test
  void realSpecHasOneTestMethodPerCell() {
    Validator.Result real = Specs.real();
    List<JavaFile> tests = JavaEmitter.tests(real, "io.tcpfsm.machine");

    long testMethods = tests.stream()
        .flatMap(f -> f.toString().lines())
        .filter(line -> line.strip().equals("@Test"))
        .count();
    assertThat(testMethods).isEqualTo(Specs.cellCount(real)).isGreaterThan(1000);
    assertThat(tests).hasSize(real.tables().size() * real.machine().states().size());
  }

  @Test
  void generatedTestsPassOnTheGeneratedMachineOnePerCell() {
    GeneratedTests.Run run = GeneratedTests.run(compileClean(sources));

    assertThat(run.failed()).isEmpty();
    assertThat(run.found()).isEqualTo(Specs.cellCount(mini)).isEqualTo(44);
    assertThat(run.succeeded()).isEqualTo(run.found());
  }

  /**
   * One edit of one profile's machine source; the tests that must fail are those of the cells (of that
   * profile) served by the step constants the edit touches, every other test must pass.
   */
  static Stream<Arguments> mutations() {
    return Stream.of(
        Arguments.of("a step's target changed", "rfc793", List.of("SYN_SENT_SYN_ACK_IF_ACK_ACCEPTABLE"), edit(
            "SYN_SENT_SYN_ACK_IF_ACK_ACCEPTABLE = new MiniStep(MiniState.ESTABLISHED,",
            "SYN_SENT_SYN_ACK_IF_ACK_ACCEPTABLE = new MiniStep(MiniState.SYN_SENT,"), 1),
        Arguments.of("the action of a step serving four cells dropped", "rfc9293", List.of("CLOSED_SEGMENT"), edit(
            "CLOSED_SEGMENT = new MiniStep(MiniState.CLOSED, List.of(\n            MiniAction.Simple.DROP)",
            "CLOSED_SEGMENT = new MiniStep(MiniState.CLOSED, List.of()"), 4),
        Arguments.of("two actions of a step swapped", "rfc9293", List.of("SYN_SENT_TIMEOUT_RETRANSMIT"), edit(
            "MiniAction.Simple.RETRANSMIT,\n            new MiniAction.Timer(MiniAction.Timer.Op.RESTART, MiniTimer.RETRANSMIT))",
            "new MiniAction.Timer(MiniAction.Timer.Op.RESTART, MiniTimer.RETRANSMIT),\n            MiniAction.Simple.RETRANSMIT)"), 1),
        Arguments.of("two yields swapped", "rfc793",
            List.of("SYN_SENT_SYN_ACK_IF_ACK_ACCEPTABLE", "SYN_SENT_SYN_ACK_IF_NOT_ACK_ACCEPTABLE"), edit(
                "yield SYN_SENT_SYN_ACK_IF_ACK_ACCEPTABLE;\n                }\n                yield SYN_SENT_SYN_ACK_IF_NOT_ACK_ACCEPTABLE;",
                "yield SYN_SENT_SYN_ACK_IF_NOT_ACK_ACCEPTABLE;\n                }\n                yield SYN_SENT_SYN_ACK_IF_ACK_ACCEPTABLE;"), 2),
        Arguments.of("the delta's cell given the base's step", "rfc9293", List.of("ESTABLISHED_SYN"), edit(
            "case SYN -> ESTABLISHED_SYN;", "case SYN -> ESTABLISHED_SEGMENT;"), 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void generatedTestsFailExactlyInTheCellsOfAWrongStep(
      String mutation, String profile, List<String> constants, UnaryOperator<String> edit, int cells) {
    String machine = PKG + "." + Names.machineClass(mini.machine(), profile);
    Map<String, String> mutated = new LinkedHashMap<>(sources);
    mutated.put(machine, edit.apply(sources.get(machine)));

    GeneratedTests.Run run = GeneratedTests.run(compileClean(mutated));

    Set<String> expected = testsOfCellsServedBy(profile, constants);
    assertThat(expected).hasSize(cells);
    assertThat(run.failed()).as(mutation).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(run.found()).isEqualTo(Specs.cellCount(mini));
    assertThat(run.succeeded()).isEqualTo(run.found() - cells);
  }

  /** {@code TestClass.method} of every cell of {@code profile} whose step is one of {@code constants}. */
  private static Set<String> testsOfCellsServedBy(String profile, List<String> constants) {
    ProfileTable table = mini.tables().get(profile);
    Set<String> tests = new TreeSet<>();
    for (CellGroup group : table.groups()) {
      for (Cell c : group.cells()) {
        if (constants.contains(Names.stepConstant(c.state().name(), c.transition()))) {
          tests.add(Names.testClass(mini.machine(), profile, c.state().name()) + "."
              + Names.testMethod(c.state().name(), c.event().name(), c.guards()));
        }
      }
    }
    return tests;
  }

  private static UnaryOperator<String> edit(String from, String to) {
    return source -> {
      assertThat(source).as("the text the mutation edits").containsOnlyOnce(from);
      return source.replace(from, to);
    };
  }

  private static InMemoryCompiler.Output compileClean(Map<String, String> sources) {
    InMemoryCompiler.Output output = InMemoryCompiler.compile(sources);
    assertThat(output.diagnostics()).as(output.report()).isEmpty();
    return output;
  }
}
