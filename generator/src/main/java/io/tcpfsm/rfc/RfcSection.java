package io.tcpfsm.rfc;

/**
 * One numbered section of an RFC: its number, title, the pages it spans (0 when the text has no
 * pages) and its text with page headers and footers removed and whitespace collapsed.
 */
public record RfcSection(String number, String title, int firstPage, int lastPage, String text) {
  public boolean containsPage(int page) {
    return page >= firstPage && page <= lastPage;
  }

  /** Whether the section says {@code quote}, ignoring line breaks and runs of spaces. */
  public boolean says(String quote) {
    return text.contains(RfcDocument.normalize(quote));
  }
}
