package io.tcpfsm.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code tcpfsm} command. Exit codes, the same for every command: 0 ok, 1 the input has
 * problems (or a tool the command needs, Graphviz, is missing), 2 usage error, 3 internal error
 * (a bug in tcpfsm).
 */
@Command(
    name = "tcpfsm",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A formal model of the TCP connection state machine (RFC 793, RFC 9293), and tools around it.",
    exitCodeListHeading = "%nExit codes (every command):%n",
    exitCodeList = {
      "0:ok",
      "1:the input has problems (a spec with errors, an unreadable or corrupt file, ...) or a tool it needs is missing",
      "2:usage error (an unknown option, a missing or invalid argument)",
      "3:internal error: a bug in tcpfsm; rerun with --stacktrace and report it"
    })
public final class Main implements Runnable {
  /** The input (a spec, a capture) has problems. */
  public static final int EXIT_PROBLEMS = 1;

  /** Bad command-line usage. */
  public static final int EXIT_USAGE = 2;

  /** An unexpected exception: a bug in tcpfsm. */
  public static final int EXIT_INTERNAL = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "On an internal error, print the stack trace (for a bug report).")
  boolean stacktrace;

  /**
   * The process's standard output as bytes, when tcpfsm runs as a command ({@link #main}); null
   * in-process (tests), where output goes to the command line's writer. Decode writes its lines here.
   */
  static OutputStream stdout;

  public static void main(String[] args) {
    stdout = new FileOutputStream(FileDescriptor.out);
    // picocli's own standard error writer, as CommandLine.getErr makes it.
    PrintWriter stderr = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.err, Charset.defaultCharset())), true);
    int code;
    try {
      Integer quick = DecodeCommand.quick(args, stdout, stderr);
      if (quick == null) {
        quick = TraceCommand.quick(args, stdout, stderr);
      }
      code = quick != null ? quick : run(args);
    } catch (OutOfMemoryError e) {
      // The launcher's heap is small on purpose (decode streams in a few MB); say how to grow it.
      System.err.println("tcpfsm: out of memory (the launcher gives Java 32 MB; set TCPFSM_JAVA_OPTS=-Xmx1g for more)");
      code = EXIT_INTERNAL;
    }
    System.exit(code);
  }

  /** Runs the command line and returns its exit code; used by tests too. */
  public static int run(String... args) {
    return commandLine(args.length > 0 && (args[0].equals("decode") || args[0].equals("trace")) ? args[0] : null).execute(args);
  }

  /** The commands, in the order usage lists them. */
  private static Object[] commands() {
    return new Object[] {
      new CommandLine.HelpCommand(), new CheckCommand(), new ExplainCommand(), new GenerateCommand(), new AuditCommand(), new DiagramCommand(), new DecodeCommand(), new SimulateCommand(), new TraceCommand(), new ExploreCommand(), new ProbeCommand(), new CompletionCommand(),
    };
  }

  static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The command line with every command, or with just {@code only} when the arguments start with
   * its name: picocli reads the annotations of every command it holds, a third of a second for all
   * of them, while decoding a capture should start at once. What {@code only} does and prints is
   * the same either way ({@code MainTest} checks it for decode).
   */
  static CommandLine commandLine(String only) {
    CommandLine cl = new CommandLine(new Main());
    for (Object command : commands()) {
      if (only == null || only.equals(command.getClass().getAnnotation(Command.class).name())) {
        cl.addSubcommand(command);
      }
    }
    // Input problems (an unreadable file) end in one line and exit 1; anything else is a bug
    // in tcpfsm: one line and exit 3, the stack trace only when asked for.
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine.getErr(), stacktraceAsked(parseResult)));
    return cl;
  }

  /** What a command's exception becomes: its line on {@code err}, and the exit code. */
  static int failed(Exception ex, PrintWriter err, boolean stacktrace) {
    if (ex instanceof SpecFile.Unreadable || ex instanceof IOException) {
      err.println("tcpfsm: " + ex.getMessage());
      err.flush();
      return EXIT_PROBLEMS;
    }
    err.println("tcpfsm: internal error: " + ex.getClass().getName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
        + (stacktrace ? "" : " (rerun with --stacktrace for details)"));
    if (stacktrace) {
      ex.printStackTrace(err);
    }
    err.flush();
    return EXIT_INTERNAL;
  }

  /** Whether --stacktrace was given, before or after the command's name. */
  private static boolean stacktraceAsked(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--stacktrace")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The version the build wrote into version.properties, else the jar manifest's. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tcpfsm " + version()};
    }

    static String version() {
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          Properties p = new Properties();
          p.load(in);
          String v = p.getProperty("version");
          if (v != null && !v.isBlank() && !v.contains("${")) {
            return v;
          }
        }
      } catch (IOException e) {
        // fall through to the manifest
      }
      String v = Main.class.getPackage().getImplementationVersion();
      return v == null ? "(version unknown: built without Maven)" : v;
    }
  }
}
