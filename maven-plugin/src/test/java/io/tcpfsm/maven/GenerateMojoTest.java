package io.tcpfsm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal as a build runs it: generated sources and roots, or a failed build with diagnostics. */
class GenerateMojoTest {
  @TempDir Path dir;
  Path specs;

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

  /** The answer key of tiny.fsm (and of its renamed copies), written by hand: state, event, guards, target, actions, rule. */
  private static final String KEY = """
      # profile default
      CLOSED\tOPEN_ACTIVE\t-\tOPEN\t-\tclosed_on_open_active
      CLOSED\tCLOSE\t-\tCLOSED\tsignal "error: connection does not exist"\tclosed_on_close
      OPEN\tOPEN_ACTIVE\t-\tOPEN\tsignal "error: connection already exists"\topen_on_open_active
      OPEN\tCLOSE\t-\tCLOSED\t-\topen_on_close
      """;

  /** Keeps what the goal logs. */
  static final class Captured extends SystemStreamLog {
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> infos = new ArrayList<>();

    @Override
    public void error(CharSequence content) {
      errors.add(content.toString());
    }

    @Override
    public void warn(CharSequence content) {
      warnings.add(content.toString());
    }

    @Override
    public void info(CharSequence content) {
      infos.add(content.toString());
    }
  }

  @BeforeEach
  void specFolder() throws Exception {
    specs = Files.createDirectories(dir.resolve("tcpfsm"));
  }

  private GenerateMojo mojo(boolean tests, MavenProject project, Captured log) throws Exception {
    if (tests) {
      writeKeys();
    }
    GenerateMojo mojo = new GenerateMojo();
    set(mojo, "project", project);
    set(mojo, "buildDirectory", dir.resolve("target").toFile());
    set(mojo, "specDirectory", specs.toFile());
    set(mojo, "packageName", "com.example.tiny");
    set(mojo, "machine", true);
    set(mojo, "tests", tests);
    set(mojo, "outputDirectory", dir.resolve("out/main").toFile());
    set(mojo, "testOutputDirectory", dir.resolve("out/test").toFile());
    mojo.setLog(log);
    return mojo;
  }

  /** Each spec's answer key beside it, as a user commits it (tests are generated from keys). */
  private void writeKeys() throws java.io.IOException {
    try (var files = Files.walk(specs)) {
      for (Path spec : files.filter(f -> f.toString().endsWith(".fsm")).toList()) {
        Path key = spec.resolveSibling(spec.getFileName().toString().replace(".fsm", ".default.cells"));
        if (!Files.exists(key)) {
          Files.writeString(key, KEY);
        }
      }
    }
  }

  private GenerateMojo mojo(boolean tests, Captured log) throws Exception {
    return mojo(tests, new MavenProject(), log);
  }

  private static void set(Object target, String field, Object value) throws Exception {
    Field f = target.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }

  private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

  @Test
  void validSpecGeneratesTheMachineAndTestsInOneExecutionAndAddsTheirRoots() throws Exception {
    Files.writeString(specs.resolve("tiny.fsm"), SPEC);
    MavenProject project = new MavenProject();
    Captured log = new Captured();

    mojo(true, project, log).execute();

    assertThat(log.errors).isEmpty();
    Path pkg = dir.resolve("out/main/com/example/tiny");
    assertThat(pkg.resolve("TinyState.java")).exists();
    assertThat(Files.readString(pkg.resolve("TinyRule.java"))).contains("tcpfsm/tiny.fsm:");
    assertThat(dir.resolve("out/test/com/example/tiny/TinyOpenTest.java")).exists();
    assertThat(project.getCompileSourceRoots()).contains(dir.resolve("out/main").toString());
    assertThat(project.getTestCompileSourceRoots()).contains(dir.resolve("out/test").toString());
    assertThat(project.getResources()).anyMatch(r -> r.getDirectory().equals(specs.toString()) && r.getExcludes().contains("**/*"));
    assertThat(log.infos).anyMatch(l -> l.contains("4 cell tests"));
  }

  @Test
  void warningsArePrintedOnceForMachineAndTests() throws Exception {
    Files.writeString(specs.resolve("tiny.fsm"), SPEC.replace("events {", "guards { unused \"never tested\" }\nevents {"));
    Captured log = new Captured();

    mojo(true, log).execute();

    assertThat(log.warnings).hasSize(1).allMatch(w -> w.contains("unused"));
  }

  @Test
  void secondRunWithNoChangeGeneratesNothingAndTouchesNoFile() throws Exception {
    Files.writeString(specs.resolve("tiny.fsm"), SPEC);
    mojo(true, new Captured()).execute();
    Path machine = dir.resolve("out/main/com/example/tiny/TinyState.java");
    Files.setLastModifiedTime(machine, LONG_AGO);
    MavenProject project = new MavenProject();
    Captured log = new Captured();

    mojo(true, project, log).execute();

    assertThat(log.infos).containsExactly("tcpfsm: 1 spec(s) up to date, nothing to generate");
    assertThat(Files.getLastModifiedTime(machine)).isEqualTo(LONG_AGO);
    assertThat(project.getCompileSourceRoots()).contains(dir.resolve("out/main").toString());
    assertThat(project.getTestCompileSourceRoots()).contains(dir.resolve("out/test").toString());
  }

  @Test
  void aChangedSpecOrCellsFileRegeneratesButUnchangedOutputsAreNotRewritten() throws Exception {
    Files.writeString(specs.resolve("tiny.fsm"), SPEC);
    mojo(false, new Captured()).execute();
    Path machine = dir.resolve("out/main/com/example/tiny/TinyState.java");
    Files.setLastModifiedTime(machine, LONG_AGO);

    Files.writeString(specs.resolve("tiny.rfc9293.cells"), "answer key");
    Captured log = new Captured();
    mojo(false, log).execute();
    assertThat(log.infos).anyMatch(l -> l.contains("tiny.fsm: ") && l.contains("machine sources"));
    assertThat(Files.getLastModifiedTime(machine)).as("same bytes, not rewritten").isEqualTo(LONG_AGO);

    Files.writeString(specs.resolve("tiny.fsm"), SPEC.replace("\"no connection\"", "\"nothing\""));
    mojo(false, new Captured()).execute();
    assertThat(Files.getLastModifiedTime(machine)).isNotEqualTo(LONG_AGO);
  }

  @Test
  void deletedGeneratedFileIsRegenerated() throws Exception {
    Files.writeString(specs.resolve("tiny.fsm"), SPEC);
    mojo(false, new Captured()).execute();
    Path machine = dir.resolve("out/main/com/example/tiny/TinyState.java");
    Files.delete(machine);

    mojo(false, new Captured()).execute();

    assertThat(machine).exists();
  }

  @Test
  void theOutputsOfADeletedSpecAreRemoved() throws Exception {
    Files.writeString(specs.resolve("tiny.fsm"), SPEC);
    Files.createDirectories(specs.resolve("other"));
    Files.writeString(specs.resolve("other/small.fsm"), SPEC.replace("machine tiny", "machine small"));
    mojo(true, new Captured()).execute();
    assertThat(dir.resolve("out/main/com/example/tiny/other/SmallState.java")).exists();
    Path handWritten = Files.writeString(dir.resolve("out/main/com/example/tiny/Keep.java"), "class Keep {}");

    Files.delete(specs.resolve("other/small.fsm"));
    Captured log = new Captured();
    mojo(true, log).execute();

    assertThat(dir.resolve("out/main/com/example/tiny/other")).doesNotExist();
    assertThat(dir.resolve("out/test/com/example/tiny/other")).doesNotExist();
    assertThat(dir.resolve("out/main/com/example/tiny/TinyState.java")).exists();
    assertThat(handWritten).exists();
    assertThat(log.infos).anyMatch(l -> l.startsWith("tcpfsm: other/small.fsm is gone: removed its ") && l.endsWith(" generated files"));
  }

  @Test
  void specsInSubfoldersGenerateIntoSubPackages() throws Exception {
    Path sub = Files.createDirectories(specs.resolve("a/b"));
    Files.writeString(sub.resolve("tiny.fsm"), SPEC);

    mojo(true, new Captured()).execute();

    Path machine = dir.resolve("out/main/com/example/tiny/a/b/TinyState.java");
    assertThat(machine).exists();
    assertThat(Files.readString(machine)).contains("package com.example.tiny.a.b;");
    assertThat(dir.resolve("out/test/com/example/tiny/a/b/TinyOpenTest.java")).exists();
  }

  @Test
  void aSpecFolderThatCannotBeAPackageIsNamed() throws Exception {
    Files.writeString(Files.createDirectories(specs.resolve("my-specs")).resolve("tiny.fsm"), SPEC);

    assertThatThrownBy(() -> mojo(false, new Captured()).execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("spec folder 'my-specs'")
        .hasMessageContaining("its segment 'my-specs' is not a Java identifier");
  }

  @Test
  void specWithErrorsFailsTheBuildWithCheckDiagnostics() throws Exception {
    Path spec = specs.resolve("tiny.fsm");
    Files.writeString(spec, SPEC.replace("-> OPEN {", "-> OPNE {"));
    Captured log = new Captured();

    assertThatThrownBy(() -> mojo(false, log).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("1 spec with errors");
    assertThat(log.errors).containsExactly(spec + ":10:29: error: unknown target state 'OPNE'; did you mean OPEN? [E003]");
    assertThat(dir.resolve("out/main")).doesNotExist();

    Captured again = new Captured();
    assertThatThrownBy(() -> mojo(false, again).execute()).isInstanceOf(MojoFailureException.class);
    assertThat(again.errors).as("a failed spec is never up to date").hasSize(1);
  }

  @Test
  void emptyOrMissingSpecFolderIsAWarning() throws Exception {
    Captured log = new Captured();
    mojo(false, log).execute();
    assertThat(log.warnings).containsExactly("tcpfsm: no *.fsm spec in " + specs + "; nothing to generate");

    specs = dir.resolve("none");
    Captured missing = new Captured();
    mojo(false, missing).execute();
    assertThat(missing.warnings).containsExactly("tcpfsm: no *.fsm spec in " + specs + " (no such folder); nothing to generate");
  }

  @Test
  void badPackageNameFailsUpFrontNamingTheSegment() throws Exception {
    Files.writeString(specs.resolve("tiny.fsm"), SPEC);
    GenerateMojo digit = mojo(false, new Captured());
    set(digit, "packageName", "com.example.2tcp");
    assertThatThrownBy(digit::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("tcpfsm: packageName 'com.example.2tcp' is not a Java package name: its segment '2tcp' is not a Java identifier"
            + " (letters, digits, _ and $, not starting with a digit)");
    GenerateMojo keyword = mojo(false, new Captured());
    set(keyword, "packageName", "com.class.tcp");
    assertThatThrownBy(keyword::execute).hasMessageContaining("its segment 'class' is a Java keyword");
    GenerateMojo dots = mojo(false, new Captured());
    set(dots, "packageName", "com..tcp");
    assertThatThrownBy(dots::execute).hasMessageContaining("empty segment");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void skipDoesNothing() throws Exception {
    Files.writeString(specs.resolve("tiny.fsm"), SPEC.replace("-> OPEN {", "-> OPNE {"));
    MavenProject project = new MavenProject();
    GenerateMojo mojo = mojo(true, project, new Captured());
    set(mojo, "skip", true);

    mojo.execute();

    assertThat(dir.resolve("out")).doesNotExist();
    assertThat(project.getCompileSourceRoots()).isEmpty();
  }

  private static MavenProject withPlugins(Plugin... plugins) {
    MavenProject project = new MavenProject();
    project.setBuild(new Build());
    for (Plugin p : plugins) {
      project.getBuild().addPlugin(p);
    }
    return project;
  }

  private static Plugin plugin(String artifactId, String version, String... config) {
    Plugin p = new Plugin();
    p.setGroupId("org.apache.maven.plugins");
    p.setArtifactId(artifactId);
    p.setVersion(version);
    Xpp3Dom dom = new Xpp3Dom("configuration");
    for (int i = 0; i < config.length; i += 2) {
      Xpp3Dom c = new Xpp3Dom(config[i]);
      c.setValue(config[i + 1]);
      dom.addChild(c);
    }
    p.setConfiguration(dom);
    return p;
  }

  @Test
  void mavenDefaultCompilerFailsTheBuildSayingJava17() throws Exception {
    Files.writeString(specs.resolve("tiny.fsm"), SPEC);
    MavenProject project = withPlugins(plugin("maven-compiler-plugin", "3.1"));

    assertThatThrownBy(() -> mojo(false, project, new Captured()).execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("the generated code needs Java 17, but this project sets no compiler release or target")
        .hasMessageContaining("<maven.compiler.release>17</maven.compiler.release>");

    MavenProject java11 = withPlugins(plugin("maven-compiler-plugin", "3.13.0", "release", "11"));
    assertThatThrownBy(() -> mojo(false, java11, new Captured()).execute())
        .hasMessageContaining("this project compiles for Java 11");
    MavenProject oldCompiler = withPlugins(plugin("maven-compiler-plugin", "3.1"));
    oldCompiler.getProperties().setProperty("maven.compiler.release", "17");
    assertThatThrownBy(() -> mojo(false, oldCompiler, new Captured()).execute())
        .hasMessageContaining("maven-compiler-plugin 3.1 has no <release> option");

    MavenProject property = withPlugins(plugin("maven-compiler-plugin", "3.13.0"));
    property.getProperties().setProperty("maven.compiler.release", "17");
    mojo(false, property, new Captured()).execute();
    mojo(false, withPlugins(plugin("maven-compiler-plugin", "3.1", "target", "17")), new Captured()).execute();
    assertThat(dir.resolve("out/main/com/example/tiny/TinyState.java")).exists();
  }

  @Test
  void surefireThatRunsNoJUnit5TestFailsTheBuildWhenTestsAreGenerated() throws Exception {
    Files.writeString(specs.resolve("tiny.fsm"), SPEC);
    Plugin compiler = plugin("maven-compiler-plugin", "3.13.0", "release", "17");

    assertThatThrownBy(() -> mojo(true, withPlugins(compiler, plugin("maven-surefire-plugin", "2.12.4")), new Captured()).execute())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("maven-surefire-plugin 2.12.4 does not run them (it reports \"Tests run: 0\" and passes)");
    mojo(false, withPlugins(compiler, plugin("maven-surefire-plugin", "2.12.4")), new Captured()).execute();
    mojo(true, withPlugins(compiler, plugin("maven-surefire-plugin", "3.5.4")), new Captured()).execute();
    assertThat(dir.resolve("out/test/com/example/tiny/TinyOpenTest.java")).exists();
  }
}
