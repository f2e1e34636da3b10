package io.tcpfsm.emit;

import io.tcpfsm.RepoRoot;
import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The specs the emitter tests emit from: the bundled spec/tcp.fsm and the golden mini.fsm. */
final class Specs {
  static final String GOLDEN = "golden/";

  private Specs() {}

  /** spec/tcp.fsm, validated; it must have no errors. */
  static Validator.Result real() {
    try {
      return valid("tcp.fsm", Files.readString(RepoRoot.get().resolve("spec").resolve("tcp.fsm")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** golden/mini.fsm, validated; it must have no diagnostics at all. */
  static Validator.Result mini() {
    Validator.Result result = valid("mini.fsm", resource(GOLDEN + "mini.fsm"));
    assertThat(result.diagnostics().sorted()).as("mini.fsm diagnostics").isEmpty();
    return result;
  }

  static Validator.Result valid(String file, String text) {
    Validator.Result result = Validator.check(file, text);
    assertThat(result.ok()).as("%s validates: %s", file, result.diagnostics().sorted()).isTrue();
    return result;
  }

  /** The number of cells of every profile: one generated test each. */
  static int cellCount(Validator.Result spec) {
    return spec.tables().values().stream().mapToInt(ProfileTable::cellCount).sum();
  }

  /** The source of the emitted top-level type {@code simpleName}. */
  static String source(List<JavaFile> files, String simpleName) {
    return files.stream()
        .filter(f -> f.typeSpec().name().equals(simpleName))
        .map(JavaFile::toString)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no emitted type " + simpleName));
  }

  /** A test resource of this package, as text. */
  static String resource(String name) {
    try (InputStream in = Specs.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource io/tcpfsm/emit/%s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
