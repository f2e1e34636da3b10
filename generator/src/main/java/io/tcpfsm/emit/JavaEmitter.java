package io.tcpfsm.emit;

import com.palantir.javapoet.JavaFile;
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
 * and the exhaustive transition tests. Regenerating from the same spec gives the same bytes.
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

  /** The transition tests: one JUnit 5 test per cell of every profile, a class per state. */
  public static List<JavaFile> tests(Validator.Result spec, String pkg) {
    requireValid(spec);
    Machine m = spec.machine();
    Types t = Types.of(m, pkg);
    List<JavaFile> files = new ArrayList<>();
    for (ProfileTable table : spec.tables().values()) {
      files.addAll(new TestEmitter(m, t, table).emit());
    }
    return files;
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
