package io.tcpfsm.model;

/** What an action does to a timer. */
public enum TimerOp {
  START,
  CANCEL,
  RESTART;

  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
