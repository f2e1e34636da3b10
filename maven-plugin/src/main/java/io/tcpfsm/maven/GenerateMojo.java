package io.tcpfsm.maven;

import com.palantir.javapoet.JavaFile;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.diag.Diagnostic;
import io.tcpfsm.emit.JavaEmitter;
import io.tcpfsm.validate.Validator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Validates every {@code *.fsm} spec in {@code specDirectory} and generates the Java machine
 * (and, with {@code tests}, its exhaustive transition tests) into the build. A spec with errors
 * fails the build with the same {@code file:line:column: error: ...} lines as {@code tcpfsm check}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** Where the specs are. */
  @Parameter(defaultValue = "${project.basedir}/src/main/tcpfsm", required = true)
  private File specDirectory;

  /** The Java package of everything generated. */
  @Parameter(defaultValue = "io.tcpfsm.machine", required = true)
  private String packageName;

  /** Whether to generate the machine (added to the main sources). */
  @Parameter(defaultValue = "true")
  private boolean machine;

  /** Whether to generate the transition tests (added to the test sources). */
  @Parameter(defaultValue = "false")
  private boolean tests;

  /** Only these profiles (default: every profile of each spec). */
  @Parameter
  private List<String> profiles;

  @Parameter(defaultValue = "${project.build.directory}/generated-sources/tcpfsm", required = true)
  private File outputDirectory;

  @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/tcpfsm", required = true)
  private File testOutputDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    List<Path> specs = specs();
    if (specs.isEmpty()) {
      throw new MojoFailureException("no *.fsm spec in " + specDirectory);
    }
    int errors = 0;
    for (Path spec : specs) {
      errors += generate(spec);
    }
    if (errors > 0) {
      throw new MojoFailureException("tcpfsm: " + errors + " error" + (errors == 1 ? "" : "s") + " in " + specDirectory + " (see above)");
    }
    if (machine) {
      project.addCompileSourceRoot(outputDirectory.getPath());
    }
    if (tests) {
      project.addTestCompileSourceRoot(testOutputDirectory.getPath());
    }
  }

  private List<Path> specs() throws MojoExecutionException {
    if (!specDirectory.isDirectory()) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(specDirectory.toPath())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".fsm")).sorted().toList();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list " + specDirectory + ": " + e.getMessage(), e);
    }
  }

  /** Validates and emits one spec; returns its number of errors. */
  private int generate(Path spec) throws MojoExecutionException {
    String text;
    try {
      text = Files.readString(spec, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + spec + ": " + e.getMessage(), e);
    }
    // Generated code names the spec by folder and file only, so the bytes do not depend on
    // where the checkout lives; diagnostics name the full path, for the IDE and the reader.
    String name = spec.getParent().getFileName() + "/" + spec.getFileName();
    Validator.Result result = Validator.check(name, text);
    for (Diagnostic d : result.diagnostics().sorted()) {
      String line = new Diagnostic(d.code(), spec.toString(), d.pos(), d.message()).render();
      if (d.isError()) {
        getLog().error(line);
      } else {
        getLog().warn(line);
      }
    }
    if (!result.ok()) {
      return (int) result.diagnostics().errorCount();
    }
    Validator.Result selected = select(result);
    try {
      if (machine) {
        List<JavaFile> files = JavaEmitter.machine(selected, packageName);
        JavaEmitter.write(files, outputDirectory.toPath());
        getLog().info("tcpfsm: " + name + ": " + files.size() + " machine sources in " + outputDirectory);
      }
      if (tests) {
        List<JavaFile> files;
        try {
          files = JavaEmitter.tests(selected, packageName, JavaEmitter.keysBeside(spec, List.copyOf(selected.tables().keySet())));
        } catch (IllegalArgumentException e) {
          getLog().error(e.getMessage());
          return 1;
        }
        JavaEmitter.write(files, testOutputDirectory.toPath());
        long cells = selected.tables().values().stream().mapToLong(ProfileTable::cellCount).sum();
        getLog().info("tcpfsm: " + name + ": " + files.size() + " test classes, " + cells + " cell tests in " + testOutputDirectory);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write generated sources: " + e.getMessage(), e);
    }
    return 0;
  }

  private Validator.Result select(Validator.Result result) throws MojoExecutionException {
    if (profiles == null || profiles.isEmpty()) {
      return result;
    }
    Map<String, ProfileTable> only = new LinkedHashMap<>();
    for (String p : profiles) {
      ProfileTable t = result.tables().get(p);
      if (t == null) {
        throw new MojoExecutionException("spec " + result.machine().file() + " has no profile '" + p + "'");
      }
      only.put(p, t);
    }
    return new Validator.Result(result.machine(), only, result.diagnostics());
  }
}
