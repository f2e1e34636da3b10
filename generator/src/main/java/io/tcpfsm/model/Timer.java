package io.tcpfsm.model;

/** A timer; its expiry is the event {@code TIMEOUT_<name>}. */
public record Timer(String name, String description, SourcePos pos) {
  public static final String TIMEOUT_PREFIX = "TIMEOUT_";

  public String timeoutEvent() {
    return TIMEOUT_PREFIX + name;
  }
}
