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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The specs the emitter tests emit from, the bundled spec/tcp.fsm and the golden mini.fsm, and
 * their committed answer keys (spec/tcp.P.cells, golden/mini.P.cells).
 */
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

  /** spec/tcp.fsm's answer keys, spec/tcp.P.cells, as the Maven plugin reads them. */
  static Map<String, JavaEmitter.AnswerKey> realKeys() {
    try {
      return JavaEmitter.keysBeside(RepoRoot.get().resolve("spec").resolve("tcp.fsm"), real().machine().profileNames());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cell tests of spec/tcp.fsm, expecting what its committed answer keys say. */
  static List<JavaFile> realTests(Validator.Result spec, String pkg) {
    return JavaEmitter.tests(spec, pkg, realKeys());
  }

  /** golden/mini.P.cells: the golden spec's answer keys, by profile. */
  static Map<String, JavaEmitter.AnswerKey> miniKeys() {
    Map<String, JavaEmitter.AnswerKey> keys = new LinkedHashMap<>();
    for (String profile : List.of("rfc793", "rfc9293")) {
      String name = GOLDEN + "mini." + profile + ".cells";
      keys.put(profile, new JavaEmitter.AnswerKey(name, resource(name)));
    }
    return keys;
  }

  /** The cell tests of a mini spec (the golden one, or one renamed), expecting golden/mini.P.cells. */
  static List<JavaFile> miniTests(Validator.Result spec, String pkg) {
    return JavaEmitter.tests(spec, pkg, miniKeys());
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
