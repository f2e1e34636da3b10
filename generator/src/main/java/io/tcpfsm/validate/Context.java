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

  /** " in profile rfc793" when {@code profiles} is a strict subset of all profiles, else "". */
  String profileQualifier(java.util.Collection<String> profiles) {
    if (profiles.size() == tables.size() || machine.profiles().isEmpty()) {
      return "";
    }
    return (profiles.size() == 1 ? " in profile " : " in profiles ") + String.join(", ", profiles);
  }
}
