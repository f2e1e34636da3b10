package io.tcpfsm.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;
import picocli.CommandLine;

/** Runs the command line in-process and keeps what it printed. Time zone UTC, as TZ=UTC tcpdump. */
record CliRun(int exit, String out, String err) {
  static CliRun run(String... args) {
    return run(Main.commandLine(), args);
  }

  /** Runs with {@code stdin} as standard input. */
  static CliRun runWithStdin(byte[] stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin));
    try {
      return run(args);
    } finally {
      System.setIn(saved);
    }
  }

  /** Runs {@code cl}, a command line made by {@link Main#commandLine} (perhaps with a command added). */
  static CliRun run(CommandLine cl, String... args) {
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    try {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute(args);
      return new CliRun(exit, out.toString(), err.toString());
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  /** The lines of standard output (none if it is empty). */
  List<String> lines() {
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
  }

  /** The last line of standard error: decode's summary. */
  String summary() {
    String[] lines = err.split("\n");
    return lines[lines.length - 1];
  }

  /** The checkout's root (surefire sets tcpfsm.root; otherwise walk up to spec/tcp.fsm). */
  static Path root() {
    String prop = System.getProperty("tcpfsm.root");
    if (prop != null && java.nio.file.Files.exists(Path.of(prop, "spec", "tcp.fsm"))) {
      return Path.of(prop);
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !java.nio.file.Files.exists(p.resolve("spec/tcp.fsm"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find spec/tcp.fsm above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  /** The bundled spec's path. */
  static String spec() {
    return root().resolve("spec/tcp.fsm").toString();
  }

  /** A real capture from the checkout's captures/ folder (captures/README.md says where each comes from). */
  static Path capture(String name) {
    return root().resolve("captures").resolve(name);
  }
}
