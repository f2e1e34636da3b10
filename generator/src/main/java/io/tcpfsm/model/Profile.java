package io.tcpfsm.model;

import java.util.List;

/**
 * A named variant of the machine (rfc793, rfc9293): the base transitions plus this small delta.
 * A delta transition replaces the base for the cells it covers.
 */
public record Profile(
    String name, String description, List<Transition> delta, List<Unreachable> unreachable, SourcePos pos) {
  public Profile {
    delta = List.copyOf(delta);
    unreachable = List.copyOf(unreachable);
  }

  /** A state this profile knowingly never reaches, and why. */
  public record Unreachable(Named state, String reason) {}

  public boolean declaresUnreachable(String state) {
    return unreachable.stream().anyMatch(u -> u.state().name().equals(state));
  }
}
