package io.tcpfsm.maven;

import com.palantir.javapoet.JavaFile;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.diag.Diagnostic;
import io.tcpfsm.emit.JavaEmitter;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's only contact with the generator: validates one spec and writes what the
 * generator emits for it. Everything else in the plugin (scanning, up-to-date state, parameters)
 * knows nothing of the generator's API.
 */
final class SpecGenerator {
  /** One diagnostic as the build log shows it. */
  record Line(boolean error, String text) {}

  private final Path spec;
  private final Validator.Result result;
  private final List<Line> lines;

  private SpecGenerator(Path spec, Validator.Result result, List<Line> lines) {
    this.spec = spec;
    this.result = result;
    this.lines = lines;
  }

  /**
   * Validates {@code spec}. Generated code names it by {@code name} (folder and file only, so the
   * bytes do not depend on where the checkout lives); diagnostics name its full path.
   */
  static SpecGenerator check(Path spec, String name) throws IOException {
    String text = Files.readString(spec, StandardCharsets.UTF_8);
    Validator.Result result = Validator.check(name, text);
    List<Line> lines = result.diagnostics().sorted().stream()
        .map(d -> new Line(d.isError(), new Diagnostic(d.code(), spec.toString(), d.pos(), d.message()).render()))
        .toList();
    return new SpecGenerator(spec, result, lines);
  }

  List<Line> diagnostics() {
    return lines;
  }

  boolean ok() {
    return result.ok();
  }

  long errorCount() {
    return result.diagnostics().errorCount();
  }

  /** Keeps only {@code profiles} (all when null or empty); names a profile the spec lacks. */
  SpecGenerator select(List<String> profiles) throws UnknownProfile {
    if (profiles == null || profiles.isEmpty()) {
      return this;
    }
    Map<String, ProfileTable> only = new LinkedHashMap<>();
    for (String p : profiles) {
      ProfileTable t = result.tables().get(p);
      if (t == null) {
        throw new UnknownProfile("spec " + result.machine().file() + " has no profile '" + p
            + "' (it has " + String.join(", ", result.tables().keySet()) + ")");
      }
      only.put(p, t);
    }
    return new SpecGenerator(spec, new Validator.Result(result.machine(), only, result.diagnostics()), lines);
  }

  /** Writes the machine's sources under {@code dir}; returns how many. */
  int writeMachine(String packageName, Path dir) throws IOException {
    List<JavaFile> files = JavaEmitter.machine(result, packageName);
    JavaEmitter.write(files, dir);
    return files.size();
  }

  /**
   * Writes the cell tests under {@code dir}, their expected values from each profile's answer key
   * beside the spec ({@code x.fsm} -> {@code x.<profile>.cells}); returns how many classes.
   */
  int writeTests(String packageName, Path dir) throws IOException, BadAnswerKey {
    List<JavaFile> files;
    try {
      files = JavaEmitter.tests(result, packageName, JavaEmitter.keysBeside(spec, List.copyOf(result.tables().keySet())));
    } catch (IllegalArgumentException e) {
      throw new BadAnswerKey(e.getMessage());
    }
    JavaEmitter.write(files, dir);
    return files.size();
  }

  /**
   * Writes the connection cell tests under {@code dir}: each cell driven through a real connection
   * by {@code driver} (a class of the test sources), or disabled with the reason; returns how many
   * classes.
   */
  int writeConnectionTests(String packageName, Path dir, String driver) throws IOException, BadAnswerKey {
    List<JavaFile> files;
    try {
      files = JavaEmitter.connectionTests(result, packageName, JavaEmitter.keysBeside(spec, List.copyOf(result.tables().keySet())), driver);
    } catch (IllegalArgumentException e) {
      throw new BadAnswerKey(e.getMessage());
    }
    JavaEmitter.write(files, dir);
    return files.size();
  }

  /** How many cell tests {@link #writeTests} writes. */
  long cellCount() {
    return result.tables().values().stream().mapToLong(ProfileTable::cellCount).sum();
  }

  /** A profile's answer key is missing, or does not list the profile's cells. */
  static final class BadAnswerKey extends Exception {
    private static final long serialVersionUID = 1L;

    BadAnswerKey(String message) {
      super(message);
    }
  }

  /** A configured profile that the spec does not have. */
  static final class UnknownProfile extends Exception {
    private static final long serialVersionUID = 1L;

    UnknownProfile(String message) {
      super(message);
    }
  }
}
