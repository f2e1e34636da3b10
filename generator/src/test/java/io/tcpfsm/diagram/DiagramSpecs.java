package io.tcpfsm.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.RepoRoot;
import io.tcpfsm.model.Machine;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The machines the diagram tests draw: the bundled spec/tcp.fsm and the door (not TCP). */
final class DiagramSpecs {
  private DiagramSpecs() {}

  /** spec/tcp.fsm, named as the CLI names it. */
  static Machine tcp() {
    try {
      return valid("spec/tcp.fsm", Files.readString(RepoRoot.get().resolve("spec").resolve("tcp.fsm")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The emitter tests' door/door.fsm: calls only, four states, nothing of TCP. */
  static Machine door() {
    return valid("door.fsm", resource("/io/tcpfsm/emit/door/door.fsm"));
  }

  static Machine valid(String file, String text) {
    Validator.Result result = Validator.check(file, text);
    assertThat(result.ok()).as("%s validates: %s", file, result.diagnostics().sorted()).isTrue();
    return result.machine();
  }

  static String resource(String name) {
    try (InputStream in = DiagramSpecs.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
