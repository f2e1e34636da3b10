package io.tcpfsm.audit;

/**
 * One of RFC 9293's numbered requirements, as Appendix B lists it and the body states it.
 *
 * @param id {@code MUST-13}, {@code SHLD-4}, {@code MAY-2}
 * @param level the Appendix B column it is marked in: MUST, SHOULD, MAY, SHOULD NOT, MUST NOT
 * @param category the Appendix B group ("Closing Connections")
 * @param feature the Appendix B feature text (rows that share an id joined with "; ")
 * @param section the section whose text carries the tag, or "Appendix B" when only the table does
 * @param sentence the sentence of the body that carries the tag (the feature, when none does)
 */
public record Requirement(String id, String level, String category, String feature, String section, String sentence) {
  /** {@code MUST}, {@code SHLD} or {@code MAY}. */
  public String kind() {
    return id.substring(0, id.indexOf('-'));
  }

  public int number() {
    return Integer.parseInt(id.substring(id.indexOf('-') + 1));
  }
}
