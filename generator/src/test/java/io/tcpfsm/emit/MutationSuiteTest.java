package io.tcpfsm.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import io.tcpfsm.RepoRoot;
import io.tcpfsm.analysis.CellsFile;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.GuardExpr;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Named;
import io.tcpfsm.model.Profile;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's checks notice a wrong model and a wrong emitter. A bug in the parser or the model
 * (simulated by rewriting the parsed {@link Machine}) changes the cells, so the table no longer
 * writes the committed answer keys spec/tcp.P.cells; a bug in the emitter (simulated by editing
 * a generated machine source) fails the cell tests generated from those keys.
 */
class MutationSuiteTest {
  private static Validator.Result spec;
  private static Map<String, String> keys;

  @BeforeAll
  static void readTheSpecAndItsKeys() throws IOException {
    spec = Validator.check("spec/tcp.fsm", Files.readString(RepoRoot.get().resolve("spec").resolve("tcp.fsm")));
    assertThat(spec.ok()).isTrue();
    keys = new LinkedHashMap<>();
    for (String profile : spec.machine().profileNames()) {
      keys.put(profile, Files.readString(RepoRoot.get().resolve("spec").resolve(CellsFile.fileName("tcp.fsm", profile))));
    }
  }

  /** The profiles whose answer key the model's tables no longer write. */
  private static List<String> profilesNoticing(Machine m) {
    List<String> noticed = new ArrayList<>();
    for (String profile : m.profileNames()) {
      if (!CellsFile.write(ProfileTable.of(m, profile)).equals(keys.get(profile))) {
        noticed.add(profile);
      }
    }
    return noticed;
  }

  /** Rebuilding the machine unchanged writes the keys: what the mutations change is theirs alone. */
  @Test
  void unmutatedRebuildWritesTheCommittedKeys() {
    assertThat(profilesNoticing(rebuild(spec.machine(), UnaryOperator.identity()))).isEmpty();
  }

  static Stream<Arguments> modelMutations() {
    return Stream.of(
        Arguments.of("the parser drops 'with text' from every send", (UnaryOperator<Transition>) t ->
            with(t, mapActions(t.actions(), a -> a instanceof Action.Send s && s.withText()
                ? new Action.Send(s.seq(), s.ack(), s.ctl(), false, s.pos()) : a))),
        Arguments.of("the first set action is dropped", once((t, hit) -> {
          List<Action> actions = new ArrayList<>(t.actions());
          for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) instanceof Action.Set) {
              actions.remove(i);
              return with(t, actions);
            }
          }
          hit.set(false);
          return t;
        })),
        Arguments.of("two different actions of the first rule with several are swapped", once((t, hit) -> {
          List<Action> actions = new ArrayList<>(t.actions());
          if (actions.size() < 2 || actions.get(0).render().equals(actions.get(1).render())) {
            hit.set(false);
            return t;
          }
          actions.set(0, t.actions().get(1));
          actions.set(1, t.actions().get(0));
          return with(t, actions);
        })),
        Arguments.of("the first target is changed", once((t, hit) -> {
          if (t.target() == null) {
            hit.set(false);
            return t;
          }
          String other = spec.machine().states().stream().map(State::name)
              .filter(s -> !s.equals(spec.machine().state(t.target().name()).orElseThrow().name())).findFirst().orElseThrow();
          return new Transition(t.rule(), t.ruleNamed(), t.origin(), t.states(), t.events(), t.guard(), new Named(other, t.target().pos()),
              t.actions(), t.citations(), t.tags(), t.note(), t.pos());
        })),
        Arguments.of("the first guard is negated", once((t, hit) -> {
          if (t.guard() == null) {
            hit.set(false);
            return t;
          }
          return new Transition(t.rule(), t.ruleNamed(), t.origin(), t.states(), t.events(), new GuardExpr.Not(t.guard()), t.target(),
              t.actions(), t.citations(), t.tags(), t.note(), t.pos());
        })));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelMutations")
  void modelMutationChangesTheCellsTheKeysList(String mutation, UnaryOperator<Transition> edit) {
    Machine mutated = rebuild(spec.machine(), edit);

    assertThat(profilesNoticing(mutated)).as("profiles whose committed key shows: " + mutation).isNotEmpty();
  }

  /** An emitter that gets one decision's target wrong: the generated cell tests of that state fail. */
  @Test
  void emitterMutationFailsTheGeneratedCellTests() {
    String pkg = "io.tcpfsm.machine";
    Map<String, String> sources = InMemoryCompiler.sources(JavaEmitter.machine(spec, pkg));
    List<JavaFile> tests = Specs.realTests(spec, pkg);
    String machine = pkg + ".Rfc9293Machine";
    String from = "case CLOSE -> to(TcpState.LAST_ACK, TcpRule.CLOSE_WAIT_CLOSE);";
    assertThat(sources.get(machine)).containsOnlyOnce(from);
    Map<String, String> mutated = new LinkedHashMap<>(sources);
    mutated.put(machine, sources.get(machine).replace(from, "case CLOSE -> to(TcpState.CLOSING, TcpRule.CLOSE_WAIT_CLOSE);"));
    // The tests of CLOSE_WAIT in both profiles: the rfc793 ones must still pass.
    for (JavaFile f : tests) {
      if (f.typeSpec().name().endsWith("CloseWaitTest")) {
        mutated.put(f.packageName() + "." + f.typeSpec().name(), f.toString());
      }
    }

    InMemoryCompiler.Output output = InMemoryCompiler.compile(mutated);
    assertThat(output.diagnostics()).as(output.report()).isEmpty();
    GeneratedTests.Run run = GeneratedTests.run(output);

    assertThat(run.failed()).containsExactly("Rfc9293CloseWaitTest.closeWait_close");
    assertThat(run.found()).isEqualTo(countCells("CLOSE_WAIT"));
  }

  private static long countCells(String state) {
    return spec.tables().values().stream().flatMap(t -> t.groups().stream())
        .filter(g -> g.state().name().equals(state)).mapToLong(g -> g.cells().size()).sum();
  }

  /** An edit of the first transition (in file order) it applies to; it clears {@code hit} to pass one by. */
  private interface Once {
    Transition apply(Transition t, AtomicBoolean hit);
  }

  private static UnaryOperator<Transition> once(Once edit) {
    AtomicBoolean done = new AtomicBoolean();
    return t -> {
      if (done.get()) {
        return t;
      }
      AtomicBoolean hit = new AtomicBoolean(true);
      Transition out = edit.apply(t, hit);
      done.set(hit.get());
      return out;
    };
  }

  private static Transition with(Transition t, List<Action> actions) {
    return new Transition(t.rule(), t.ruleNamed(), t.origin(), t.states(), t.events(), t.guard(), t.target(),
        actions, t.citations(), t.tags(), t.note(), t.pos());
  }

  private static List<Action> mapActions(List<Action> actions, UnaryOperator<Action> f) {
    List<Action> out = new ArrayList<>();
    for (Action a : actions) {
      out.add(a instanceof Action.If i ? new Action.If(i.condition(), mapActions(i.then(), f), i.pos()) : f.apply(a));
    }
    return out;
  }

  /** The same machine with {@code edit} applied to every transition, in file order (base, defaults, profiles). */
  static Machine rebuild(Machine m, UnaryOperator<Transition> edit) {
    Map<Transition, Transition> edited = new LinkedHashMap<>();
    for (Transition t : m.allTransitions()) {
      edited.put(t, edit.apply(t));
    }
    Machine.Builder b = Machine.builder(m.file()).name(m.name(), m.description());
    m.states().forEach(b::addState);
    m.flags().forEach(b::addFlag);
    m.calls().forEach(b::addCall);
    m.timers().forEach(b::addTimer);
    m.guards().forEach(b::addGuard);
    m.documents().forEach(b::addDocument);
    if (m.declaresDocuments()) {
      b.declaresDocuments();
    }
    if (m.targetStayCitations() != null) {
      b.targetStay(m.targetStayCitations(), m.targetStayPos());
    }
    m.transitions().forEach(t -> b.addTransition(edited.get(t)));
    m.defaults().forEach(t -> b.addDefault(edited.get(t)));
    for (Profile p : m.profiles()) {
      b.addProfile(new Profile(p.name(), p.description(), p.delta().stream().map(edited::get).toList(), p.unreachable(), p.pos()));
    }
    return b.build();
  }
}
