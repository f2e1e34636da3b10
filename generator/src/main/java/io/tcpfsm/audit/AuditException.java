package io.tcpfsm.audit;

import java.util.List;

/**
 * The audit's reviewed data disagrees with the RFC or the spec (a requirement left unclassified,
 * a rule that does not exist, a quote the RFC does not have). Each problem names the data file
 * and line; the command prints them and exits 1.
 */
public final class AuditException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public AuditException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
