package io.tcpfsm.audit;

import io.tcpfsm.RepoRoot;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The bundled spec's text, copies of it with a rule removed or changed, and their validation. */
final class AuditSpecs {
  private AuditSpecs() {}

  static String text() {
    try {
      return Files.readString(RepoRoot.get().resolve("spec/tcp.fsm"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Validator.Result bundled() {
    return Validator.check("spec/tcp.fsm", text());
  }

  /** The spec without the transition whose head contains {@code head} (up to its closing brace). */
  static String without(String head) {
    String t = text();
    int start = t.indexOf(head);
    if (start < 0) {
      throw new IllegalArgumentException("no transition " + head);
    }
    start = t.lastIndexOf("\nin ", start) + 1;
    int end = t.indexOf("\n}\n", start) + 3;
    return t.substring(0, start) + t.substring(end);
  }

  static Validator.Result check(String text) {
    return Validator.check("copy.fsm", text);
  }
}
