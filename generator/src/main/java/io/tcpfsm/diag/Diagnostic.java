package io.tcpfsm.diag;

import io.tcpfsm.model.SourcePos;

/** One problem found in a spec, where it is, and a plain sentence saying what is wrong. */
public record Diagnostic(Code code, String file, SourcePos pos, String message)
    implements Comparable<Diagnostic> {

  public Severity severity() {
    return code.severity();
  }

  public boolean isError() {
    return code.severity() == Severity.ERROR;
  }

  /** {@code tcp.fsm:12:5: error: unknown state 'ESTABLISHD' [E003]}, as javac prints. */
  public String render() {
    return file + ":" + pos.line() + ":" + pos.column() + ": " + code.severity().label() + ": " + message
        + " [" + code.id() + "]";
  }

  @Override
  public int compareTo(Diagnostic o) {
    int c = pos.compareTo(o.pos);
    return c != 0 ? c : message.compareTo(o.message);
  }

  @Override
  public String toString() {
    return render();
  }
}
