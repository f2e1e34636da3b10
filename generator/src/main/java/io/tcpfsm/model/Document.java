package io.tcpfsm.model;

import java.util.OptionalInt;

/**
 * A document the spec cites, declared in its {@code documents} block. An RFC ({@code RFC9293})
 * is checked against its bundled text; a named source ({@code source linux "..."}) is cited by
 * name only. {@code description} is null for an RFC.
 */
public record Document(String name, boolean rfc, String description, SourcePos pos) {
  /** The RFC number of {@code RFC9293}-style names; empty for anything else. */
  public static OptionalInt rfcNumber(String name) {
    if (name.matches("RFC[0-9]{1,5}")) {
      return OptionalInt.of(Integer.parseInt(name.substring(3)));
    }
    return OptionalInt.empty();
  }
}
