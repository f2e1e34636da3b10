package io.tcpfsm.validate;

import io.tcpfsm.analysis.Matcher;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.diag.Code;
import io.tcpfsm.diag.Diagnostics;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.SourcePos;
import java.util.Map;

/** What every rule sees: the model, each profile's table, and where to report. */
record Context(Machine machine, Map<String, ProfileTable> tables, Matcher matcher, Diagnostics out) {
  void report(Code code, SourcePos pos, String message) {
    out.report(code, pos, message);
  }

  /**
   * Whether {@code s} repeats the name of a state declared before it. The repeat is reported once,
   * as a duplicate; the table holds only the first declaration, so other rules skip the repeat.
   */
  boolean isRedeclaration(io.tcpfsm.model.State s) {
    return machine.state(s.name()).orElse(null) != s;
  }

  /**
   * Whether some transition leads to a state that is not declared. The graph is then not the
   * one the author meant, so the graph rules (reachability, ways out) say nothing rather than
   * pile follow-on errors onto the unknown name. So do they when a state × event tests more
   * guards than can be enumerated (TooManyGuards): its cells, and so its targets, are not known.
   */
  boolean hasUnknownTarget() {
    return machine.allTransitions().stream().anyMatch(t -> t.target() != null && machine.state(t.target().name()).isEmpty())
        || tables.values().stream().anyMatch(t -> t.groups().stream().anyMatch(g -> g.cells().isEmpty()));
  }

  /** " in profile rfc793" when {@code profiles} is a strict subset of all profiles, else "". */
  String profileQualifier(java.util.Collection<String> profiles) {
    if (profiles.size() == tables.size() || machine.profiles().isEmpty()) {
      return "";
    }
    return (profiles.size() == 1 ? " in profile " : " in profiles ") + String.join(", ", profiles);
  }
}
