package io.tcpfsm.audit;

/** How quoted words are compared with RFC text: as the validator compares them. */
final class Quotes {
  private Quotes() {}

  /**
   * Collapses whitespace and joins words broken at a hyphen across a line ("FIN-" / "WAIT-2"),
   * as {@code RfcDocument} does, so a quote matches wherever the RFC broke its lines.
   */
  static String normalize(String s) {
    return s.replaceAll("-\\s+", "-").replaceAll("\\s+", " ").trim();
  }
}
