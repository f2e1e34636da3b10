package io.tcpfsm.model;

import java.util.List;

/** A connection state: its Linux spelling, its RFC 793 spellings, and its role in the machine. */
public record State(
    String name, List<Named> aliases, boolean initial, boolean isFinal, String description, SourcePos pos) {
  public State {
    aliases = List.copyOf(aliases);
  }

  /** The RFC spelling if one is declared (SYN-RECEIVED for SYN_RECV), otherwise the name. */
  public String rfcName() {
    return aliases.isEmpty() ? name : aliases.get(0).name();
  }
}
