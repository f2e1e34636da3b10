package io.tcpfsm.diag;

/** Errors stop the build; warnings are reported and do not. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
