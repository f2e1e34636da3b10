package io.tcpfsm.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.JavaFile;
import io.tcpfsm.analysis.CellsFile;
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
 * The generated tests: the golden class compared whole, one test per cell of the answer key, a
 * key that does not list the profile's cells refused, and, the point of them, they pass on the
 * generated machine and fail on a machine with one decision or one rule wrong, exactly in the
 * cells that decision or rule serves (which cells those are is read from the answer key).
 */
class TestEmitterTest {
  private static final String PKG = MachineEmitterTest.PKG;

  private static Validator.Result mini;
  private static Map<String, String> sources;

  @BeforeAll
  static void emitTheGoldenSpec() {
    mini = Specs.mini();
    List<JavaFile> files = new ArrayList<>(JavaEmitter.machine(mini, PKG));
    files.addAll(Specs.miniTests(mini, PKG));
    sources = InMemoryCompiler.sources(files);
  }

  @Test
  void testClassOfAStateWithAGuardIsTheGoldenFile() {
    assertThat(sources.get(PKG + ".Rfc9293SynSentTest")).isEqualTo(Specs.resource(Specs.GOLDEN + "Rfc9293SynSentTest.java.txt"));
  }

  @Test
  void realSpecHasOneTestMethodPerCell() {
    Validator.Result real = Specs.real();
    List<JavaFile> tests = Specs.realTests(real, "io.tcpfsm.machine");

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

  @Test
  void aProfileWithoutAnAnswerKeyIsRefusedWithTheCommandThatWritesIt() {
    Map<String, JavaEmitter.AnswerKey> keys = new LinkedHashMap<>(Specs.miniKeys());
    keys.remove("rfc793");

    assertThatThrownBy(() -> JavaEmitter.tests(mini, PKG, keys))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no answer key for profile rfc793")
        .hasMessageContaining("explain --all --profile rfc793")
        .hasMessageContaining("mini.rfc793.cells");
  }

  @Test
  void aKeyMissingACellIsRefusedNamingTheFileAndTheCell() {
    Map<String, JavaEmitter.AnswerKey> keys = new LinkedHashMap<>(Specs.miniKeys());
    JavaEmitter.AnswerKey key = keys.get("rfc9293");
    keys.put("rfc9293", new JavaEmitter.AnswerKey(key.source(),
        key.text().lines().filter(l -> !l.startsWith("SYN_SENT\tSYN+ACK\tack_acceptable\t")).map(l -> l + "\n").reduce("", String::concat)));

    assertThatThrownBy(() -> JavaEmitter.tests(mini, PKG, keys))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(key.source() + ": the answer key does not list the cells of profile rfc9293 (1 missing, e.g. SYN_SENT SYN+ACK {ack_acceptable=true}; 0 unknown");
  }

  @Test
  void aKeyListingACellTwiceIsRefusedNamingTheLine() {
    Map<String, JavaEmitter.AnswerKey> keys = new LinkedHashMap<>(Specs.miniKeys());
    JavaEmitter.AnswerKey key = keys.get("rfc793");
    keys.put("rfc793", new JavaEmitter.AnswerKey(key.source(), key.text() + "CLOSED\tOPEN\t-\tSYN_SENT\t-\tclosed_on_open\n"));

    assertThatThrownBy(() -> JavaEmitter.tests(mini, PKG, keys))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(key.source() + ":" + (key.text().split("\n").length + 1) + ": this cell is listed twice");
  }

  /** A key that lists the right cells with a wrong outcome is not refused: its tests fail, in that cell. */
  @Test
  void aKeyWithAWrongOutcomeFailsThatCellsTest() {
    Map<String, JavaEmitter.AnswerKey> keys = new LinkedHashMap<>(Specs.miniKeys());
    JavaEmitter.AnswerKey key = keys.get("rfc793");
    keys.put("rfc793", new JavaEmitter.AnswerKey(key.source(),
        key.text().replace("ESTABLISHED\tCLOSE\t-\tCLOSED\t", "ESTABLISHED\tCLOSE\t-\tESTABLISHED\t")));
    List<JavaFile> files = new ArrayList<>(JavaEmitter.machine(mini, PKG));
    files.addAll(JavaEmitter.tests(mini, PKG, keys));

    GeneratedTests.Run run = GeneratedTests.run(compileClean(InMemoryCompiler.sources(files)));

    assertThat(run.failed()).containsExactly("Rfc793EstablishedTest.established_close");
  }

  /**
   * One edit of one generated source. The tests that must fail are those of the answer keys'
   * cells whose rule is one of {@code rules}, in {@code profiles}, in {@code state} (null: any
   * state); every other test must pass.
   */
  record Mutation(String type, UnaryOperator<String> edit, List<String> profiles, String state, List<String> rules, int cells) {}

  static Stream<Arguments> mutations() {
    return Stream.of(
        Arguments.of("a decision's target changed", new Mutation("Rfc793Machine", edit(
            "yield to(MiniState.ESTABLISHED, MiniRule.SYN_SENT_ON_SYN_ACK_WHEN_ACK_ACCEPTABLE);",
            "yield to(MiniState.SYN_SENT, MiniRule.SYN_SENT_ON_SYN_ACK_WHEN_ACK_ACCEPTABLE);"),
            List.of("rfc793"), "SYN_SENT", List.of("syn_sent_on_syn_ack_when_ack_acceptable"), 1)),
        Arguments.of("a shared rule's target changed in one state only", new Mutation("Rfc9293Machine", edit(
            "case OPEN -> to(MiniState.ESTABLISHED, MiniRule.SYN_SENT_ESTABLISHED_ON_OPEN);",
            "case OPEN -> to(MiniState.SYN_SENT, MiniRule.SYN_SENT_ESTABLISHED_ON_OPEN);"),
            List.of("rfc9293"), "ESTABLISHED", List.of("syn_sent_established_on_open"), 1)),
        Arguments.of("the action of a rule serving nineteen cells dropped", new Mutation("MiniRule", edit(
            "            List.of(\n                    MiniAction.Simple.DROP)),\n\n    /**\n     * {@code on TIMEOUT_RETRANSMIT}",
            "            List.of()),\n\n    /**\n     * {@code on TIMEOUT_RETRANSMIT}"),
            List.of("rfc793", "rfc9293"), null, List.of("default_on_segment"), 19)),
        Arguments.of("two actions of a rule swapped", new Mutation("MiniRule", edit(
            "MiniAction.Simple.RETRANSMIT,\n                    new MiniAction.Timer(MiniAction.Timer.Op.RESTART, MiniTimer.RETRANSMIT))",
            "new MiniAction.Timer(MiniAction.Timer.Op.RESTART, MiniTimer.RETRANSMIT),\n                    MiniAction.Simple.RETRANSMIT)"),
            List.of("rfc793", "rfc9293"), null, List.of("syn_sent_on_timeout_retransmit"), 2)),
        Arguments.of("the action inside an if changed", new Mutation("MiniRule", edit(
            "new MiniAction.Set(MiniVariable.SND_UNA, MiniValue.SEG_ACK)",
            "new MiniAction.Set(MiniVariable.SND_UNA, MiniValue.SND_NXT)"),
            List.of("rfc793", "rfc9293"), null, List.of("established_ack"), 2)),
        Arguments.of("a rule's name changed", new Mutation("MiniRule", edit(
            "SYN_SENT_ON_CLOSE(\"syn_sent_on_close\"", "SYN_SENT_ON_CLOSE(\"syn_sent_close\""),
            List.of("rfc793", "rfc9293"), null, List.of("syn_sent_on_close"), 2)),
        Arguments.of("two yields swapped", new Mutation("Rfc793Machine", edit(
            "yield to(MiniState.ESTABLISHED, MiniRule.SYN_SENT_ON_SYN_ACK_WHEN_ACK_ACCEPTABLE);\n                    }\n"
                + "                    // RFC 9293 3.10.7.3: \"If a reset was sent, discard the segment and return.\"\n"
                + "                    yield to(MiniState.SYN_SENT, MiniRule.SYN_SENT_ON_SYN_ACK_WHEN_NOT_ACK_ACCEPTABLE);",
            "yield to(MiniState.SYN_SENT, MiniRule.SYN_SENT_ON_SYN_ACK_WHEN_NOT_ACK_ACCEPTABLE);\n                    }\n"
                + "                    yield to(MiniState.ESTABLISHED, MiniRule.SYN_SENT_ON_SYN_ACK_WHEN_ACK_ACCEPTABLE);"),
            List.of("rfc793"), "SYN_SENT", List.of("syn_sent_on_syn_ack_when_ack_acceptable", "syn_sent_on_syn_ack_when_not_ack_acceptable"), 2)),
        Arguments.of("the delta's cell given the base's rule", new Mutation("Rfc9293Machine", edit(
            "case SYN -> to(MiniState.ESTABLISHED, MiniRule.RFC9293_ESTABLISHED_ON_SYN);",
            "case SYN -> to(MiniState.ESTABLISHED, MiniRule.DEFAULT_ON_SEGMENT);"),
            List.of("rfc9293"), "ESTABLISHED", List.of("rfc9293_established_on_syn"), 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void generatedTestsFailExactlyInTheCellsOfAWrongDecision(String name, Mutation mutation) {
    String type = PKG + "." + mutation.type();
    Map<String, String> mutated = new LinkedHashMap<>(sources);
    assertThat(sources).containsKey(type);
    mutated.put(type, mutation.edit().apply(sources.get(type)));

    GeneratedTests.Run run = GeneratedTests.run(compileClean(mutated));

    Set<String> expected = testsOfKeyedCells(mutation);
    assertThat(expected).hasSize(mutation.cells());
    assertThat(run.failed()).as(name).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(run.found()).isEqualTo(Specs.cellCount(mini));
    assertThat(run.succeeded()).isEqualTo(run.found() - mutation.cells());
  }

  /** {@code TestClass.method} of every cell the answer keys give to one of the mutation's rules. */
  private static Set<String> testsOfKeyedCells(Mutation mutation) {
    Set<String> tests = new TreeSet<>();
    for (String profile : mutation.profiles()) {
      JavaEmitter.AnswerKey key = Specs.miniKeys().get(profile);
      for (CellsFile.Row row : CellsFile.parse(key.source(), key.text())) {
        if (mutation.rules().contains(row.rule()) && (mutation.state() == null || mutation.state().equals(row.state()))) {
          tests.add(Names.testClass(mini.machine(), profile, row.state()) + "." + Names.testMethod(row.state(), row.event(), row.guards()));
        }
      }
    }
    return tests;
  }

  static UnaryOperator<String> edit(String from, String to) {
    return source -> {
      assertThat(source).as("the text the mutation edits").containsOnlyOnce(from);
      return source.replace(from, to);
    };
  }

  static InMemoryCompiler.Output compileClean(Map<String, String> sources) {
    InMemoryCompiler.Output output = InMemoryCompiler.compile(sources);
    assertThat(output.diagnostics()).as(output.report()).isEmpty();
    return output;
  }
}
