package io.tcpfsm.machine;

import io.tcpfsm.model.Machine;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** The bundled spec, as the build generated the machine from it, and the generated machines. */
final class Spec {
  /** The generated machines by the spec's profile names: what the properties test. */
  static final Map<String, TcpMachine> MACHINES = machines();

  private static Validator.Result result;

  private Spec() {}

  private static Map<String, TcpMachine> machines() {
    Map<String, TcpMachine> out = new LinkedHashMap<>();
    for (TcpProfile p : TcpProfile.values()) {
      out.put(p.specName(), p);
    }
    return out;
  }

  static synchronized Validator.Result result() {
    if (result == null) {
      Path file = root().resolve("spec/tcp.fsm");
      try {
        // Named as the Maven plugin names it, so sources compare with the machine's.
        result = Validator.check("spec/tcp.fsm", Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!result.ok()) {
        throw new IllegalStateException("spec/tcp.fsm does not validate: " + result.diagnostics().sorted());
      }
    }
    return result;
  }

  static Machine machine() {
    return result().machine();
  }

  /** The model's view of a generated guard mask. */
  static Predicate<String> holds(int guards) {
    return name -> TcpGuard.valueOf(name.toUpperCase(java.util.Locale.ROOT)).in(guards);
  }

  private static Path root() {
    String prop = System.getProperty("tcpfsm.root");
    if (prop != null && Files.exists(Path.of(prop, "spec", "tcp.fsm"))) {
      return Path.of(prop);
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("spec/tcp.fsm"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find spec/tcp.fsm above " + Path.of("").toAbsolutePath());
    }
    return p;
  }
}
