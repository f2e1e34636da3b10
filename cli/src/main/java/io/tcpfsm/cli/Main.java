package io.tcpfsm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tcpfsm} command. Exit codes: 0 ok, 1 the input has problems, 2 usage error.
 */
@Command(
    name = "tcpfsm",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A formal model of the TCP connection state machine (RFC 793, RFC 9293), and tools around it.",
    subcommands = {
      CommandLine.HelpCommand.class,
      CheckCommand.class,
      ExplainCommand.class,
      GenerateCommand.class,
      DecodeCommand.class,
    })
public final class Main implements Runnable {
  /** The input (a spec, a capture) has problems. */
  public static final int EXIT_PROBLEMS = 1;

  /** Bad command-line usage. */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; used by tests too. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // Input problems (an unreadable file) end in one line and exit 1; anything else is a bug
    // in tcpfsm, said as such, still without a stack trace.
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          String what = ex instanceof SpecFile.Unreadable || ex instanceof java.io.IOException
              ? ex.getMessage()
              : "internal error (" + ex.getClass().getSimpleName() + "): " + ex.getMessage();
          commandLine.getErr().println("tcpfsm: " + what);
          return EXIT_PROBLEMS;
        });
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Reports the version from the jar's manifest or the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"tcpfsm " + (v == null ? "development build" : v)};
    }
  }
}
