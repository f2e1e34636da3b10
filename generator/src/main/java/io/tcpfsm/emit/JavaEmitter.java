package io.tcpfsm.emit;

import com.palantir.javapoet.JavaFile;
import io.tcpfsm.analysis.CellsFile;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.model.Machine;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Java products of a validated spec: the machine (shared types and one class per profile)
 * and the cell tests. Regenerating from the same spec gives the same bytes.
 */
public final class JavaEmitter {
  private JavaEmitter() {}

  /** The machine's sources: shared types, then one machine class per profile. */
  public static List<JavaFile> machine(Validator.Result spec, String pkg) {
    requireValid(spec);
    Machine m = spec.machine();
    Types t = Types.of(m, pkg);
    List<JavaFile> files = new ArrayList<>(new TypesEmitter(m, t).emit());
    for (Map.Entry<String, ProfileTable> e : spec.tables().entrySet()) {
      files.add(new MachineEmitter(m, t, e.getValue()).emit());
    }
    return files;
  }

  /** A profile's answer key: where it was read from (for messages) and its text. */
  public record AnswerKey(String source, String text) {}

  /**
   * The cell tests: one JUnit 5 test per cell of every profile, a class per state, expecting
   * what each profile's answer key ({@link CellsFile}) says.
   *
   * @param keys each profile's answer key, by profile name
   * @throws IllegalArgumentException if a profile has no key, or its key does not list exactly
   *     the profile's cells (the message names the file and what differs)
   */
  public static List<JavaFile> tests(Validator.Result spec, String pkg, Map<String, AnswerKey> keys) {
    requireValid(spec);
    Machine m = spec.machine();
    Types t = Types.of(m, pkg);
    List<JavaFile> files = new ArrayList<>();
    for (ProfileTable table : spec.tables().values()) {
      AnswerKey key = keys.get(table.profile());
      if (key == null) {
        throw new IllegalArgumentException("no answer key for profile " + table.profile() + ": write one beside the spec with: tcpfsm explain --all --profile "
            + table.profile() + " " + m.file() + " > " + CellsFile.fileName(m.file(), table.profile()) + ", and review it");
      }
      files.addAll(new TestEmitter(m, t, table, key.source(), CellsFile.parse(key.source(), key.text())).emit());
    }
    return files;
  }

  /**
   * The connection cell tests: for every cell of every profile, a test that drives a real
   * connection of the runtime into the cell through {@code driver}, a hand-written class of the
   * build with {@code static start(String profile, String event)} and the instance methods
   * {@code path} and {@code cell} (state, event, guards, target, actions, rule: one answer-key row
   * each), or that is disabled with the reason no real connection reaches the cell.
   *
   * @param driver the driver's fully qualified class name
   * @throws IllegalArgumentException as {@link #tests}
   */
  public static List<JavaFile> connectionTests(Validator.Result spec, String pkg, Map<String, AnswerKey> keys, String driver) {
    requireValid(spec);
    Machine m = spec.machine();
    Types t = Types.of(m, pkg);
    List<JavaFile> files = new ArrayList<>();
    for (ProfileTable table : spec.tables().values()) {
      AnswerKey key = keys.get(table.profile());
      if (key == null) {
        throw new IllegalArgumentException("no answer key for profile " + table.profile());
      }
      List<CellsFile.Row> rows = CellsFile.parse(key.source(), key.text());
      new TestEmitter(m, t, table, key.source(), rows); // the same check that the key lists the profile's cells
      files.addAll(new ConnectionTestEmitter(m, pkg, table, rows, com.palantir.javapoet.ClassName.bestGuess(driver)).emit());
    }
    return files;
  }

  /** Reads each profile's answer key beside {@code spec} ({@code tcp.fsm} -> {@code tcp.rfc9293.cells}), where it exists. */
  public static Map<String, AnswerKey> keysBeside(Path spec, List<String> profiles) throws IOException {
    Map<String, AnswerKey> keys = new java.util.LinkedHashMap<>();
    for (String p : profiles) {
      Path key = spec.resolveSibling(CellsFile.fileName(spec.getFileName().toString(), p));
      if (java.nio.file.Files.isRegularFile(key)) {
        keys.put(p, new AnswerKey(key.toString(), java.nio.file.Files.readString(key)));
      }
    }
    return keys;
  }

  /** Writes {@code files} under {@code dir} in their package folders. */
  public static void write(List<JavaFile> files, Path dir) throws IOException {
    for (JavaFile f : files) {
      f.writeTo(dir);
    }
  }

  private static void requireValid(Validator.Result spec) {
    if (!spec.ok()) {
      throw new IllegalArgumentException("the spec has errors; emit only from a spec that validates");
    }
  }
}
