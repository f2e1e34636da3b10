package io.tcpfsm.emit;

import io.tcpfsm.RepoRoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.JavaFile;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Everything emitted for the bundled spec/tcp.fsm compiles with every lint as an error, the
 * machine gives the RFCs' answers for known cells, its generated tests pass (one per cell), and
 * emitting twice gives the same bytes.
 */
class JavaEmitterTest {
  private static final String PKG = "io.tcpfsm.machine";

  private static Validator.Result spec;
  private static List<JavaFile> machine;
  private static List<JavaFile> tests;
  private static InMemoryCompiler.Output compiled;
  private static ClassLoader loader;

  @BeforeAll
  static void emitAndCompileTheRealSpec() {
    spec = Specs.real();
    machine = JavaEmitter.machine(spec, PKG);
    tests = Specs.realTests(spec, PKG);
    List<JavaFile> all = new ArrayList<>(machine);
    all.addAll(tests);
    compiled = InMemoryCompiler.compile(all);
    loader = compiled.loader();
  }

  @Test
  void realSpecMachineAndTestsCompileWithoutDiagnostics() {
    assertThat(compiled.diagnostics()).as(compiled.report()).isEmpty();
    assertThat(compiled.classes()).containsKeys(PKG + ".Rfc793Machine", PKG + ".Rfc9293Machine", PKG + ".Rfc9293CloseWaitTest");
  }

  @Test
  void machineSourcesAreTheSharedTypesThenOneMachinePerProfile() {
    assertThat(machine).extracting(f -> f.typeSpec().name()).containsExactly(
        "TcpState", "TcpFlags", "TcpEvent", "TcpTimer", "TcpGuard", "TcpVariable", "TcpValue", "TcpCondition", "TcpAction", "TcpRule", "TcpStep",
        "TcpMachine", "TcpProfile", "Rfc793Machine", "Rfc9293Machine", "LinuxMachine");
    assertThat(tests).hasSize(spec.tables().size() * spec.machine().states().size());
  }

  /** Known cells, each with the head of the transition that decides it (the spec line the step cites). */
  @ParameterizedTest(name = "{0}: {1} on {2} {3} -> {4}")
  @CsvSource(delimiter = '|', textBlock = """
      Rfc9293Machine | CLOSE_WAIT  | CLOSE             |                              | LAST_ACK    | in CLOSE_WAIT on CLOSE -> LAST_ACK
      Rfc793Machine  | CLOSE_WAIT  | CLOSE             |                              | CLOSING     | in CLOSE_WAIT on CLOSE -> CLOSING
      Rfc793Machine  | SYN_SENT    | SYN_ACK           | ACK_ACCEPTABLE               | ESTABLISHED | in SYN_SENT on segment[SYN, ACK, !FIN, !RST] when ack_acceptable
      Rfc793Machine  | SYN_SENT    | SYN_ACK           |                              | SYN_SENT    | in SYN_SENT on segment[ACK, !RST] when not ack_acceptable
      Rfc793Machine  | ESTABLISHED | RST               | SEQ_ACCEPTABLE               | CLOSED      | in ESTABLISHED, FIN_WAIT1, FIN_WAIT2, CLOSE_WAIT on segment[RST] when seq_acceptable
      Rfc9293Machine | ESTABLISHED | RST               | SEQ_ACCEPTABLE               | ESTABLISHED | in SYN_RECV, ESTABLISHED, FIN_WAIT1, FIN_WAIT2, CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT on segment[RST] when seq_acceptable and not rst_seq_exact
      Rfc9293Machine | ESTABLISHED | RST               | SEQ_ACCEPTABLE RST_SEQ_EXACT | CLOSED      | in ESTABLISHED, FIN_WAIT1, FIN_WAIT2, CLOSE_WAIT on segment[RST] when seq_acceptable
      Rfc9293Machine | TIME_WAIT   | TIMEOUT_TIME_WAIT |                              | CLOSED      | in TIME_WAIT on TIMEOUT_TIME_WAIT -> CLOSED
      """)
  void stepGivesTheRfcTargetOfKnownCells(String machineClass, String state, String event, String guards, String target, String head)
      throws Exception {
    Outcome outcome = step(machineClass, state, event, guards == null ? new String[0] : guards.split(" "));

    assertThat(outcome.target()).isEqualTo(target);
    assertThat(outcome.source()).isEqualTo("tcp.fsm:" + specLineOf(head));
  }

  @Test
  void stepInListenOnSynSendsSynAck() throws Exception {
    Outcome outcome = step("Rfc9293Machine", "LISTEN", "SYN");

    assertThat(outcome.target()).isEqualTo("SYN_RECV");
    assertThat(outcome.actions()).containsExactly(
        "set RCV.NXT = SEG.SEQ+1",
        "set IRS = SEG.SEQ",
        "set SND.WND = SEG.WND",
        "set SND.WL1 = SEG.SEQ",
        "set SND.WL2 = SEG.ACK",
        "queue",
        "send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>",
        "set SND.NXT = ISS+1",
        "set SND.UNA = ISS",
        "timer start RETRANSMIT");
  }

  @Test
  void generatedTestsOfTheRealSpecAllPassOnePerCell() {
    GeneratedTests.Run run = GeneratedTests.run(compiled);

    assertThat(run.failed()).isEmpty();
    assertThat(run.found()).isEqualTo(Specs.cellCount(spec));
    assertThat(run.succeeded()).isEqualTo(run.found());
  }

  @Test
  void emittingTwiceFromTwoParsesGivesTheSameBytes() {
    Validator.Result again = Specs.real();

    assertThat(again).isNotSameAs(spec);
    assertThat(InMemoryCompiler.sources(JavaEmitter.machine(again, PKG))).containsExactlyEntriesOf(InMemoryCompiler.sources(machine));
    assertThat(InMemoryCompiler.sources(Specs.realTests(again, PKG))).containsExactlyEntriesOf(InMemoryCompiler.sources(tests));
  }

  @Test
  void specWithErrorsIsRefused() {
    Validator.Result invalid = Validator.check("bad.fsm", Specs.resource(Specs.GOLDEN + "mini.fsm").replace("-> ESTABLISHED", "-> NOWHERE"));

    assertThat(invalid.ok()).isFalse();
    assertThatThrownBy(() -> JavaEmitter.machine(invalid, PKG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the spec has errors; emit only from a spec that validates");
    assertThatThrownBy(() -> JavaEmitter.tests(invalid, PKG, Specs.miniKeys())).isInstanceOf(IllegalArgumentException.class);
  }

  /** A spec may name things in lower case and with '-': the Java names change, the rendered actions do not. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "RETRANSMIT, rexmt",
    "RETRANSMIT, RE-XMT",
    "OPEN, open-active",
    "ack_acceptable, ack-ok"
  })
  void namesAsTheSpecWritesThemCompileAndPassTheirTests(String name, String renamed) {
    Validator.Result renamedSpec = Specs.valid("mini.fsm", Specs.resource(Specs.GOLDEN + "mini.fsm").replace(name, renamed));
    List<JavaFile> files = new ArrayList<>(JavaEmitter.machine(renamedSpec, "io.tcpfsm.renamed"));
    files.addAll(JavaEmitter.tests(renamedSpec, "io.tcpfsm.renamed", renamedKeys(name, renamed)));

    InMemoryCompiler.Output output = InMemoryCompiler.compile(files);
    assertThat(output.diagnostics()).as(output.report()).isEmpty();
    GeneratedTests.Run run = GeneratedTests.run(output);
    assertThat(run.failed()).isEmpty();
    assertThat(run.succeeded()).isEqualTo(Specs.cellCount(renamedSpec));
  }

  /**
   * The golden keys with {@code name} renamed as the spec was: as written in the state, event,
   * guard, target and action columns, and as rule names spell it (lower case, '_' for '-') in
   * the rule column.
   */
  private static Map<String, JavaEmitter.AnswerKey> renamedKeys(String name, String renamed) {
    Map<String, JavaEmitter.AnswerKey> keys = new LinkedHashMap<>();
    Specs.miniKeys().forEach((profile, key) -> {
      StringBuilder text = new StringBuilder();
      for (String line : key.text().split("\n", -1)) {
        if (line.startsWith("#") || line.isBlank()) {
          text.append(line).append('\n');
          continue;
        }
        String[] f = line.split("\t", -1);
        for (int i = 0; i < 5; i++) {
          f[i] = f[i].replace(name, renamed);
        }
        f[5] = f[5].replace(ruleWord(name), ruleWord(renamed));
        text.append(String.join("\t", f)).append('\n');
      }
      keys.put(profile, new JavaEmitter.AnswerKey(key.source() + " (renamed)", text.toString()));
    });
    return keys;
  }

  private static String ruleWord(String name) {
    return name.replace('-', '_').toLowerCase(Locale.ROOT);
  }

  /** The 1-based line of spec/tcp.fsm where a transition with this head starts (its head may take two lines). */
  private static int specLineOf(String head) throws IOException {
    List<String> lines = Files.readAllLines(RepoRoot.get().resolve("spec").resolve("tcp.fsm"));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String twoLines = i + 1 < lines.size() ? line + " " + lines.get(i + 1).strip() : line;
      if (line.startsWith(head) || twoLines.startsWith(head)) {
        return i + 1;
      }
    }
    throw new AssertionError("no transition '" + head + "' in spec/tcp.fsm");
  }

  /** What a generated {@code step} returned: the target's name and the actions rendered. */
  private record Outcome(String target, List<String> actions, String source) {}

  private static Outcome step(String machineClass, String state, String event, String... guards) throws ReflectiveOperationException {
    Class<?> stateType = loader.loadClass(PKG + ".TcpState");
    Class<?> eventType = loader.loadClass(PKG + ".TcpEvent");
    Class<?> guardType = loader.loadClass(PKG + ".TcpGuard");
    int bits = 0;
    for (String g : guards) {
      bits |= (int) guardType.getMethod("bit").invoke(guardType.getField(g).get(null));
    }
    Method step = loader.loadClass(PKG + "." + machineClass).getMethod("step", stateType, eventType, int.class);
    Object result = step.invoke(null, stateType.getField(state).get(null), eventType.getField(event).get(null), bits);

    Method render = loader.loadClass(PKG + ".TcpAction").getMethod("render");
    List<String> actions = new ArrayList<>();
    for (Object action : (List<?>) result.getClass().getMethod("actions").invoke(result)) {
      actions.add((String) render.invoke(action));
    }
    Object rule = result.getClass().getMethod("rule").invoke(result);
    return new Outcome(
        result.getClass().getMethod("target").invoke(result).toString(),
        actions,
        (String) loader.loadClass(PKG + ".TcpRule").getMethod("source").invoke(rule));
  }
}
