package io.tcpfsm;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in, for tests that read spec/, docs/ or the corpus. */
public final class RepoRoot {
  private RepoRoot() {}

  /** System property {@code tcpfsm.root} (set by the build), else the first directory up with spec/tcp.fsm. */
  public static Path get() {
    String configured = System.getProperty("tcpfsm.root");
    if (configured != null && !configured.contains("${") && Files.exists(Path.of(configured, "spec", "tcp.fsm"))) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("spec").resolve("tcp.fsm"))) {
        return dir;
      }
    }
    throw new IllegalStateException("spec/tcp.fsm not found above " + Path.of("").toAbsolutePath());
  }
}
