package io.tcpfsm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal as a build runs it: generated sources and roots, or a failed build with diagnostics. */
class GenerateMojoTest {
  @TempDir Path dir;

  private static final String SPEC = """
      machine tiny "a tiny machine"
      states {
        CLOSED initial "no connection"
        OPEN "open"
      }
      events {
        call OPEN_ACTIVE "open"
        call CLOSE "close"
      }
      in CLOSED on OPEN_ACTIVE -> OPEN { cite RFC9293 3.10.1 }
      in OPEN on CLOSE -> CLOSED { cite RFC9293 3.10.4 }
      in CLOSED on CLOSE { signal "error: connection does not exist" cite RFC9293 3.10.4 }
      in OPEN on OPEN_ACTIVE { signal "error: connection already exists" cite RFC9293 3.10.1 }
      defaults { target stay cite RFC793 3.9 p.53 }
      """;

  /** tiny.fsm's answer key, written by hand: state, event, guards, target, actions, rule. */
  private static final String KEY = """
      # profile default of machine tiny
      CLOSED\tOPEN_ACTIVE\t-\tOPEN\t-\tclosed_on_open_active
      CLOSED\tCLOSE\t-\tCLOSED\tsignal "error: connection does not exist"\tclosed_on_close
      OPEN\tOPEN_ACTIVE\t-\tOPEN\tsignal "error: connection already exists"\topen_on_open_active
      OPEN\tCLOSE\t-\tCLOSED\t-\topen_on_close
      """;

  /** Keeps what the goal logs. */
  static final class Captured extends SystemStreamLog {
    final List<String> errors = new ArrayList<>();
    final List<String> infos = new ArrayList<>();

    @Override
    public void error(CharSequence content) {
      errors.add(content.toString());
    }

    @Override
    public void info(CharSequence content) {
      infos.add(content.toString());
    }
  }

  private GenerateMojo mojo(Path specs, boolean tests, MavenProject project, Captured log) throws Exception {
    GenerateMojo mojo = new GenerateMojo();
    set(mojo, "project", project);
    set(mojo, "specDirectory", specs.toFile());
    set(mojo, "packageName", "com.example.tiny");
    set(mojo, "machine", true);
    set(mojo, "tests", tests);
    set(mojo, "outputDirectory", dir.resolve("out/main").toFile());
    set(mojo, "testOutputDirectory", dir.resolve("out/test").toFile());
    mojo.setLog(log);
    return mojo;
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  @Test
  void validSpecGeneratesTheMachineAndTestsAndAddsTheirRoots() throws Exception {
    Path specs = Files.createDirectories(dir.resolve("tcpfsm"));
    Files.writeString(specs.resolve("tiny.fsm"), SPEC);
    Files.writeString(specs.resolve("tiny.default.cells"), KEY);
    MavenProject project = new MavenProject();
    Captured log = new Captured();

    mojo(specs, true, project, log).execute();

    assertThat(log.errors).isEmpty();
    Path pkg = dir.resolve("out/main/com/example/tiny");
    assertThat(pkg.resolve("TinyMachine.java")).exists();
    assertThat(pkg.resolve("DefaultMachine.java")).exists();
    // Generated code names the spec by folder and file, so it does not depend on the checkout's place.
    assertThat(Files.readString(pkg.resolve("TinyRule.java")))
        .contains("CLOSED_ON_OPEN_ACTIVE(\"closed_on_open_active\", \"in CLOSED on OPEN_ACTIVE -> OPEN\", 10,")
        .contains("return \"tcpfsm/tiny.fsm:\" + line;");
    assertThat(dir.resolve("out/test/com/example/tiny/TinyOpenTest.java")).exists();
    assertThat(project.getCompileSourceRoots()).contains(dir.resolve("out/main").toString());
    assertThat(project.getTestCompileSourceRoots()).contains(dir.resolve("out/test").toString());
    assertThat(log.infos).anyMatch(l -> l.contains("4 cell tests"));
  }

  @Test
  void testsWithoutAnAnswerKeyFailTheBuildSayingHowToWriteIt() throws Exception {
    Path specs = Files.createDirectories(dir.resolve("tcpfsm"));
    Files.writeString(specs.resolve("tiny.fsm"), SPEC);
    Captured log = new Captured();

    assertThatThrownBy(() -> mojo(specs, true, new MavenProject(), log).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("1 error");
    assertThat(log.errors).singleElement().asString()
        .contains("no answer key for profile default").contains("explain --all --profile default").contains("tiny.default.cells");
  }

  @Test
  void specWithErrorsFailsTheBuildWithCheckDiagnostics() throws Exception {
    Path specs = Files.createDirectories(dir.resolve("tcpfsm"));
    Path spec = specs.resolve("tiny.fsm");
    Files.writeString(spec, SPEC.replace("-> OPEN {", "-> OPNE {"));
    Captured log = new Captured();

    assertThatThrownBy(() -> mojo(specs, false, new MavenProject(), log).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("1 error");
    assertThat(log.errors).containsExactly(spec + ":10:29: error: unknown target state 'OPNE'; did you mean OPEN? [E003]");
    assertThat(dir.resolve("out/main")).doesNotExist();
  }

  @Test
  void directoryWithoutSpecsFails() {
    File empty = dir.resolve("none").toFile();
    assertThatThrownBy(() -> mojo(empty.toPath(), false, new MavenProject(), new Captured()).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("no *.fsm spec in");
  }
}
