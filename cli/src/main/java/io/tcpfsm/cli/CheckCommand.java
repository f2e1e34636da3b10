package io.tcpfsm.cli;

import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.model.Machine;
import io.tcpfsm.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tcpfsm check}: validates a spec and summarises it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a spec: syntax, names, totality, determinism, reachability, citations. Prints "
          + "every problem as file:line:column: error: ..., then a summary.",
      "Exit 0 when the spec has no errors (warnings allowed), 1 when it has errors."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--profile", paramLabel = "P", description = "Check and summarise only this profile.")
  String profile;

  @Parameters(paramLabel = "FILE", description = "The spec file, e.g. spec/tcp.fsm.")
  Path file;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Validator.Result result = SpecFile.load(file);
    if (profile != null && result.machine() != null && !result.tables().containsKey(profile)) {
      err.println("tcpfsm: " + file + " has no profile '" + profile + "'; it has " + String.join(", ", result.machine().profileNames()));
      return Main.EXIT_PROBLEMS;
    }
    boolean ok = SpecFile.report(result, err);
    if (!ok) {
      return Main.EXIT_PROBLEMS;
    }
    summary(result, out);
    return 0;
  }

  private void summary(Validator.Result result, PrintWriter out) {
    Machine m = result.machine();
    List<String> profiles = profile == null ? m.profileNames() : List.of(profile);
    out.printf("%s: ok (machine %s)%n", file, m.name());
    out.printf("  states       %d%n", m.states().size());
    out.printf("  events       %d (%d calls, %d segments, %d timeouts)%n",
        m.events().size(), m.calls().size(), m.events().size() - m.calls().size() - m.timers().size(), m.timers().size());
    out.printf("  guards       %d%n", m.guards().size());
    out.printf("  timers       %d%n", m.timers().size());
    out.printf("  transitions  %d (%d base, %d defaults, %s)%n",
        m.allTransitions().size(), m.transitions().size(), m.defaults().size(), deltas(m));
    for (String p : profiles) {
      ProfileTable t = result.tables().get(p);
      out.printf("  profile %-8s %d cells (%d state x event pairs), all covered%n", p, t.cellCount(), t.groups().size());
    }
    out.flush();
  }

  private static String deltas(Machine m) {
    if (m.profiles().isEmpty()) {
      return "no profiles";
    }
    return String.join(", ", m.profiles().stream().map(p -> p.delta().size() + " in " + p.name()).toList());
  }
}
