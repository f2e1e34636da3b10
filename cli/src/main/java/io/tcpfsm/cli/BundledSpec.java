package io.tcpfsm.cli;

import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled TCP spec: spec/tcp.fsm of the checkout the launcher runs from (so edits are seen
 * at once), or the copy packed into the jar when run elsewhere.
 */
final class BundledSpec {
  static final String NAME = "spec/tcp.fsm";

  private BundledSpec() {}

  static Validator.Result load() throws SpecFile.Unreadable {
    String home = System.getProperty("tcpfsm.home");
    if (home != null) {
      Path file = Path.of(home, NAME);
      if (Files.isRegularFile(file)) {
        return SpecFile.load(file, NAME);
      }
    }
    try (InputStream in = BundledSpec.class.getResourceAsStream("/tcpfsm/tcp.fsm")) {
      if (in == null) {
        throw new SpecFile.Unreadable(NAME + ": not found; give the spec with --spec FILE");
      }
      return Validator.check(NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SpecFile.Unreadable(NAME + ": cannot read: " + e.getMessage());
    }
  }
}
