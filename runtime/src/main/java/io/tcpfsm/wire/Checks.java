package io.tcpfsm.wire;

/** Argument checks for the value types (IAE with the offending value), like JavaPoet's Util. */
final class Checks {
  private Checks() {}

  static void checkArgument(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }
}
