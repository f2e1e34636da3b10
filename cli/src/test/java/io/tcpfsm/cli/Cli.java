package io.tcpfsm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what it prints. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }

  /** The checkout's root (surefire sets tcpfsm.root; otherwise walk up to spec/tcp.fsm). */
  static Path root() {
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

  static String spec() {
    return root().resolve("spec/tcp.fsm").toString();
  }
}
