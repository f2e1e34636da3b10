package io.tcpfsm.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Validates every {@code *.fsm} spec under {@code specDirectory} (subfolders map to
 * sub-packages) and generates the Java machine into the main sources and, with {@code tests},
 * its JUnit 5 cell tests into the test sources, in one execution. A spec with errors fails the
 * build with the same {@code file:line:column: error: ...} lines as {@code tcpfsm check}.
 *
 * <p>Generation is incremental: a spec is regenerated only when it, a {@code *.cells} file
 * beside it, the plugin or the configuration changed; the files of a deleted spec are removed.
 * The generated code needs Java 17, and the tests a surefire that runs JUnit 5 (2.22.0 or later);
 * the goal fails with a sentence saying so when the build offers less.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true)
  private MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  private MojoExecution mojoExecution;

  @Parameter(defaultValue = "${plugin}", readonly = true)
  private PluginDescriptor plugin;

  /** Where the build keeps the up-to-date state ({@code tcpfsm/<execution id>.state}). */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  private File buildDirectory;

  /** Where the specs are; {@code a/b/x.fsm} there generates into {@code packageName.a.b}. */
  @Parameter(property = "tcpfsm.specDirectory", defaultValue = "${project.basedir}/src/main/tcpfsm", required = true)
  private File specDirectory;

  /** The Java package of everything generated from the specs at the top of {@code specDirectory}. */
  @Parameter(property = "tcpfsm.packageName", defaultValue = "io.tcpfsm.machine", required = true)
  private String packageName;

  /** Whether to generate the machine (into {@code outputDirectory}, added to the main sources). */
  @Parameter(property = "tcpfsm.machine", defaultValue = "true")
  private boolean machine;

  /**
   * Whether to generate the JUnit 5 cell tests (into {@code testOutputDirectory}, added to the
   * test sources); they need junit-jupiter as a test dependency.
   */
  @Parameter(property = "tcpfsm.tests", defaultValue = "false")
  private boolean tests;

  /** Only these profiles (default: every profile of each spec); {@code -Dtcpfsm.profiles=a,b}. */
  /**
   * With {@code tests}: the fully qualified name of a hand-written connection driver in the test
   * sources; when set, every cell also gets a test that drives a real connection through it (see
   * {@code JavaEmitter.connectionTests}). Empty: no such tests.
   */
  @Parameter(property = "tcpfsm.connectionDriver", defaultValue = "")
  private String connectionDriver;

  @Parameter(property = "tcpfsm.profiles")
  private List<String> profiles;

  /** Where the machine's sources go. */
  @Parameter(property = "tcpfsm.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/tcpfsm", required = true)
  private File outputDirectory;

  /** Where the cell tests go. */
  @Parameter(property = "tcpfsm.testOutputDirectory", defaultValue = "${project.build.directory}/generated-test-sources/tcpfsm", required = true)
  private File testOutputDirectory;

  /** Skips the goal: nothing is validated, generated or added to the build. */
  @Parameter(property = "tcpfsm.skip", defaultValue = "false")
  private boolean skip;

  /** Regenerates every spec even when it is up to date. */
  @Parameter(property = "tcpfsm.force", defaultValue = "false")
  private boolean force;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("tcpfsm: skipped (skip / -Dtcpfsm.skip)");
      return;
    }
    checkConfiguration();
    Path specDir = specDirectory.toPath();
    List<SpecScanner.Spec> specs;
    try {
      specs = SpecScanner.scan(specDir, packageName);
    } catch (SpecScanner.BadFolder e) {
      throw new MojoExecutionException("tcpfsm: " + e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("tcpfsm: cannot list " + specDirectory + ": " + e.getMessage(), e);
    }
    Map<String, Path> roots = Map.of("main", outputDirectory.toPath(), "test", testOutputDirectory.toPath());
    Path stateFile = stateFile();
    BuildState before = BuildState.read(stateFile);
    BuildState after = new BuildState(toolFingerprint(), configFingerprint(), new TreeMap<>());
    boolean sameSetup = !force && before.tool.equals(after.tool) && before.config.equals(after.config);

    int errors = 0;
    int generated = 0;
    int removed = 0;
    try {
      for (SpecScanner.Spec spec : specs) {
        String inputs = inputHash(spec);
        BuildState.Entry old = before.specs.get(spec.relative());
        if (sameSetup && old != null && old.inputs().equals(inputs) && Outputs.allExist(old.outputs(), roots)) {
          after.specs.put(spec.relative(), old);
          continue;
        }
        Optional<List<String>> outputs = generate(spec);
        if (outputs.isEmpty()) {
          errors++;
          after.specs.put(spec.relative(), new BuildState.Entry(BuildState.FAILED, old == null ? List.of() : old.outputs()));
          continue;
        }
        generated++;
        after.specs.put(spec.relative(), new BuildState.Entry(inputs, outputs.get()));
        if (old != null) {
          Set<String> gone = new LinkedHashSet<>(old.outputs());
          gone.removeAll(outputs.get());
          removed += Outputs.delete(gone, roots);
        }
      }
      for (Map.Entry<String, BuildState.Entry> e : before.specs.entrySet()) {
        if (!after.specs.containsKey(e.getKey())) {
          int n = Outputs.delete(e.getValue().outputs(), roots);
          removed += n;
          getLog().info("tcpfsm: " + e.getKey() + " is gone: removed its " + n + " generated file" + (n == 1 ? "" : "s"));
        }
      }
      after.write(stateFile);
    } catch (IOException e) {
      throw new MojoExecutionException("tcpfsm: cannot write generated sources: " + e.getMessage(), e);
    }

    if (errors > 0) {
      throw new MojoFailureException("tcpfsm: " + errors + " spec" + (errors == 1 ? "" : "s") + " with errors in " + specDirectory + " (see above)");
    }
    if (specs.isEmpty()) {
      getLog().warn("tcpfsm: no *.fsm spec in " + specDirectory + (specDirectory.isDirectory() ? "" : " (no such folder)") + "; nothing to generate");
    } else if (generated == 0) {
      getLog().info("tcpfsm: " + specs.size() + " spec(s) up to date, nothing to generate");
    }
    if (removed > 0 && generated == 0) {
      getLog().info("tcpfsm: removed " + removed + " stale generated file" + (removed == 1 ? "" : "s"));
    }
    addRoots();
  }

  /** The configuration and the surrounding build, checked before anything is read or written. */
  private void checkConfiguration() throws MojoExecutionException {
    Optional<String> pkg = PackageName.problem(packageName);
    if (pkg.isPresent()) {
      throw new MojoExecutionException("tcpfsm: " + pkg.get());
    }
    if (!machine && !tests) {
      getLog().warn("tcpfsm: machine and tests are both false; nothing will be generated");
    }
    Properties user = session == null ? null : session.getUserProperties();
    if (machine || tests) {
      Optional<String> javac = BuildCheck.compilerProblem(project, user);
      if (javac.isPresent()) {
        throw new MojoExecutionException("tcpfsm: " + javac.get());
      }
    }
    if (tests) {
      Optional<String> surefire = BuildCheck.surefireProblem(project);
      if (surefire.isPresent()) {
        throw new MojoExecutionException("tcpfsm: " + surefire.get());
      }
    }
  }

  /** Validates and emits one spec; its output names, or empty after errors. */
  private Optional<List<String>> generate(SpecScanner.Spec spec) throws MojoExecutionException, IOException {
    // Generated code names the spec by folder and file only, so the bytes do not depend on
    // where the checkout lives; diagnostics name the full path, for the IDE and the reader.
    String name = spec.file().getParent().getFileName() + "/" + spec.file().getFileName();
    SpecGenerator gen = SpecGenerator.check(spec.file(), name);
    for (SpecGenerator.Line line : gen.diagnostics()) {
      if (line.error()) {
        getLog().error(line.text());
      } else {
        getLog().warn(line.text());
      }
    }
    if (!gen.ok()) {
      return Optional.empty();
    }
    try {
      gen = gen.select(profiles);
    } catch (SpecGenerator.UnknownProfile e) {
      throw new MojoExecutionException("tcpfsm: " + e.getMessage());
    }
    Path staging = stateFile().resolveSibling(executionId() + ".staging");
    Outputs.deleteTree(staging);
    List<String> outputs = new ArrayList<>();
    try {
      if (machine) {
        int n = gen.writeMachine(spec.packageName(), staging.resolve("main"));
        outputs.addAll(Outputs.sync(staging.resolve("main"), "main", outputDirectory.toPath()));
        getLog().info("tcpfsm: " + spec.relative() + ": " + n + " machine sources in " + outputDirectory);
      }
      if (tests) {
        int n;
        try {
          n = gen.writeTests(spec.packageName(), staging.resolve("test"));
          if (connectionDriver != null && !connectionDriver.isBlank()) {
            n += gen.writeConnectionTests(spec.packageName(), staging.resolve("test"), connectionDriver);
          }
        } catch (SpecGenerator.BadAnswerKey e) {
          getLog().error(e.getMessage());
          return Optional.empty();
        }
        outputs.addAll(Outputs.sync(staging.resolve("test"), "test", testOutputDirectory.toPath()));
        getLog().info("tcpfsm: " + spec.relative() + ": " + n + " test classes, " + gen.cellCount() + " cell tests in " + testOutputDirectory);
      }
    } finally {
      Outputs.deleteTree(staging);
    }
    return Optional.of(outputs);
  }

  private void addRoots() {
    if (machine) {
      project.addCompileSourceRoot(outputDirectory.getPath());
      if (specDirectory.isDirectory()) {
        addSpecResource();
      }
    }
    if (tests) {
      project.addTestCompileSourceRoot(testOutputDirectory.getPath());
    }
  }

  /**
   * Shows the specs to IDEs as part of the project: the spec folder is added as a resource
   * folder that copies nothing ({@code excludes **}), so the jar is unchanged.
   */
  private void addSpecResource() {
    String dir = specDirectory.getPath();
    for (Resource r : project.getResources()) {
      if (dir.equals(r.getDirectory())) {
        return;
      }
    }
    Resource r = new Resource();
    r.setDirectory(dir);
    r.addExclude("**/*");
    project.addResource(r);
  }

  private Path stateFile() {
    File base = buildDirectory != null ? buildDirectory : outputDirectory.getParentFile().getParentFile();
    return base.toPath().resolve("tcpfsm").resolve(executionId() + ".state");
  }

  private String executionId() {
    return mojoExecution == null || mojoExecution.getExecutionId() == null ? "default" : mojoExecution.getExecutionId();
  }

  private static String inputHash(SpecScanner.Spec spec) throws MojoExecutionException {
    Hashes h = new Hashes().add(spec.packageName());
    try {
      for (Path input : spec.inputs()) {
        h.add(input.getFileName().toString()).addFile(input);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("tcpfsm: cannot read " + spec.file() + ": " + e.getMessage(), e);
    }
    return h.hex();
  }

  /** The plugin's version and the contents of the jars (or class folders) of the plugin and generator. */
  private String toolFingerprint() throws MojoExecutionException {
    Hashes h = new Hashes().add(plugin == null ? "unknown" : plugin.getVersion());
    Set<Path> elements = new LinkedHashSet<>();
    for (Class<?> c : List.of(GenerateMojo.class, io.tcpfsm.emit.JavaEmitter.class, com.palantir.javapoet.JavaFile.class)) {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        try {
          elements.add(Path.of(source.getLocation().toURI()));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
          elements.add(Path.of(source.getLocation().getPath()));
        }
      }
    }
    try {
      for (Path p : elements) {
        h.addClassPathElement(p);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("tcpfsm: cannot read the plugin's own jar: " + e.getMessage(), e);
    }
    return h.hex();
  }

  private String configFingerprint() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("packageName", packageName);
    config.put("machine", String.valueOf(machine));
    config.put("tests", String.valueOf(tests));
    config.put("profiles", String.valueOf(profiles));
    config.put("connectionDriver", String.valueOf(connectionDriver));
    config.put("outputDirectory", outputDirectory.getAbsolutePath());
    config.put("testOutputDirectory", testOutputDirectory.getAbsolutePath());
    return new Hashes().add(config.toString()).hex();
  }
}
