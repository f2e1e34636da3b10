package io.tcpfsm.model;

/**
 * The RFC clause a transition implements: RFC number, section, and optionally the page (for
 * paginated RFCs such as 793) and a sentence quoted from that section.
 */
public record Citation(int rfc, String section, int page, String quote, SourcePos pos) {
  public static final int NO_PAGE = 0;

  public boolean hasPage() {
    return page != NO_PAGE;
  }

  /** {@code RFC 9293 3.10.7.4} or {@code RFC 793 3.9 p.72}. */
  public String render() {
    return "RFC " + rfc + " " + section + (hasPage() ? " p." + page : "");
  }

  @Override
  public String toString() {
    return render();
  }
}
