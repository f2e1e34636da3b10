package io.tcpfsm.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tcpfsm completion}: picocli's generated bash/zsh completion script for every command and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a bash/zsh completion script for tcpfsm (its commands and options).",
      "Load it in the current shell:   source <(./tcpfsm completion)",
      "or keep it:",
      "  ./tcpfsm completion > ~/.local/share/bash-completion/completions/tcpfsm",
      "zsh needs `autoload -U +X bashcompinit && bashcompinit` first."
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("tcpfsm", spec.root().commandLine()));
    out.flush();
    return 0;
  }
}
