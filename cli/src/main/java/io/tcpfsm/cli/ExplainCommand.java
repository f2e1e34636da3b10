package io.tcpfsm.cli;

import io.tcpfsm.analysis.CellsFile;
import io.tcpfsm.analysis.Explainer;
import io.tcpfsm.analysis.Explanation;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Guard;
import io.tcpfsm.model.State;
import io.tcpfsm.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tcpfsm explain}: what the model does in one state on one event. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Show what the model does in a state on an event, and which RFC clause says so. Prints "
          + "the target state, the ordered actions, the citation and the spec line.",
      "States take either spelling (SYN_RECV, SYN-RECEIVED), in any case, with '-' or '_' "
          + "(syn-received). Segment events are named by their flags joined with '+' (SYN+ACK, "
          + "FIN+ACK, RST, ACK); calls: OPEN_PASSIVE, OPEN_ACTIVE, SEND, RECEIVE, CLOSE, ABORT, "
          + "STATUS; timeouts: TIMEOUT_RETRANSMIT, TIMEOUT_TIME_WAIT, TIMEOUT_USER. Any case and '-', "
          + "'_' or '+' between words are accepted where one name matches (SYN-ACK, syn_ack, "
          + "open-active).",
      "Exit 1 if the outcome depends on guards not given (they are named), or on a bad name "
          + "(with a suggestion).",
      "With --all, prints every cell of the profile, one per line (state, event, guards, "
          + "target, actions, rule, tab-separated): the answer key spec/tcp.PROFILE.cells."
    })
final class ExplainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--profile", paramLabel = "P", description = "The profile (rfc793, rfc9293, linux); required when the spec has several.")
  String profile;

  @Option(names = "--state", paramLabel = "S", description = "The state, e.g. CLOSE_WAIT or CLOSE-WAIT.")
  String state;

  @Option(names = "--event", paramLabel = "E", description = "The event, e.g. CLOSE, SYN+ACK, TIMEOUT_TIME_WAIT.")
  String event;

  @Option(names = "--all", description = "Print every cell of the profile instead of one.")
  boolean all;

  @Option(names = "--guard", paramLabel = "NAME=true|false", description = "A guard's value; repeat for several.")
  Map<String, Boolean> guards = new LinkedHashMap<>();

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(names = "--spec", paramLabel = "FILE", description = "The spec (default: the bundled spec/tcp.fsm).")
  Path specFile;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Validator.Result result = SpecFile.loadValid(specFile, err);
    if (result == null) {
      return Main.EXIT_PROBLEMS;
    }
    List<String> profiles = result.machine().profileNames();
    if (profile == null && profiles.size() > 1) {
      err.println("tcpfsm: explain: --profile is required; this spec has " + String.join(", ", profiles));
      return Main.EXIT_USAGE;
    }
    String p = profile == null ? profiles.get(0) : profile;
    if (!result.tables().containsKey(p)) {
      err.println("tcpfsm: explain: no profile '" + p + "'; this spec has " + String.join(", ", profiles));
      return Main.EXIT_PROBLEMS;
    }
    if (all) {
      if (state != null || event != null || !guards.isEmpty() || json) {
        err.println("tcpfsm: explain: --all prints every cell; it takes no --state, --event, --guard or --json");
        return Main.EXIT_USAGE;
      }
      out.print(CellsFile.write(result.tables().get(p)));
      out.flush();
      return 0;
    }
    if (state == null || event == null) {
      err.println("tcpfsm: explain: give --state and --event (or --all)");
      return Main.EXIT_USAGE;
    }
    Explanation answer = new Explainer(result.tables().get(p)).explain(state, event, guards);
    if (answer instanceof Explanation.Invalid invalid) {
      err.println("tcpfsm: explain: " + invalid.reason());
      return Main.EXIT_PROBLEMS;
    }
    if (answer instanceof Explanation.NeedsGuards needs) {
      err.println("tcpfsm: explain: the outcome in " + state + " on " + event + " depends on guards not given:");
      for (Guard g : needs.missing()) {
        err.println("  --guard " + g.name() + "=true|false   " + g.meaning());
      }
      return Main.EXIT_PROBLEMS;
    }
    Explanation.Outcome o = (Explanation.Outcome) answer;
    String source = result.machine().file() + ":" + o.transition().pos().line();
    out.println(json ? Json.write(asJson(o, source)) : text(o, source));
    out.flush();
    return 0;
  }

  private static Map<String, Object> asJson(Explanation.Outcome o, String source) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("profile", o.profile());
    m.put("state", o.state().name());
    m.put("event", o.event().name());
    m.put("guards", new LinkedHashMap<String, Object>(o.guards()));
    m.put("target", o.target().name());
    m.put("rule", o.transition().name());
    m.put("actions", o.transition().actions().stream().map(ActionJson::of).toList());
    m.put("citation", o.citation() == null ? null : o.citation().render());
    if (o.citation() != null && o.citation().quote() != null) {
      m.put("quote", o.citation().quote());
    }
    m.put("citations", o.transition().citations().stream().map(Citation::render).toList());
    if (o.transition().note() != null) {
      m.put("note", o.transition().note());
    }
    m.put("source", source);
    return m;
  }

  private static String text(Explanation.Outcome o, String source) {
    StringBuilder sb = new StringBuilder();
    sb.append("profile ").append(o.profile()).append(": ").append(spelled(o.state())).append(" on ").append(o.event().name());
    if (!o.guards().isEmpty()) {
      sb.append(" when ");
      sb.append(String.join(" and ", o.guards().entrySet().stream().map(e -> (e.getValue() ? "" : "not ") + e.getKey()).toList()));
    }
    sb.append('\n');
    sb.append("  -> ").append(spelled(o.target())).append(o.target() == o.state() ? " (stays)" : "").append('\n');
    sb.append("  rule:   ").append(o.transition().name()).append('\n');
    List<Action> actions = o.transition().actions();
    if (actions.isEmpty()) {
      sb.append("  actions: none\n");
    } else {
      sb.append("  actions:\n");
      for (int i = 0; i < actions.size(); i++) {
        sb.append("    ").append(i + 1).append(". ").append(actions.get(i).render()).append('\n');
      }
    }
    List<Citation> citations = new java.util.ArrayList<>(o.transition().citations());
    citations.remove(o.citation());
    citations.add(0, o.citation());
    for (Citation c : citations) {
      sb.append(c == o.citation() ? "  cites:  " : "          ").append(c.render());
      if (c.quote() != null) {
        sb.append(": \"").append(c.quote()).append('"');
      }
      sb.append('\n');
    }
    if (o.transition().note() != null) {
      sb.append("  note:   ").append(o.transition().note()).append('\n');
    }
    sb.append("  source: ").append(source);
    return sb.toString();
  }

  private static String spelled(State s) {
    return s.rfcName().equals(s.name()) ? s.name() : s.name() + " (" + s.rfcName() + ")";
  }
}
