package io.tcpfsm.model;

import java.util.OptionalInt;

/**
 * The clause a transition implements: a document ({@code RFC9293}, or a declared source such as
 * {@code linux}), the section, the page (paginated RFCs such as 793) and a quoted sentence.
 * {@code section}, {@code page} and {@code quote} are null when the spec leaves them out.
 */
public record Citation(String document, String section, Integer page, String quote, SourcePos pos) {
  public boolean hasPage() {
    return page != null;
  }

  /** The RFC number when the document is an RFC. */
  public OptionalInt rfc() {
    return Document.rfcNumber(document);
  }

  /** {@code RFC 9293 3.10.7.4}, {@code RFC 793 3.9 p.72}, or a source's name. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    OptionalInt rfc = rfc();
    sb.append(rfc.isPresent() ? "RFC " + rfc.getAsInt() : document);
    if (section != null) {
      sb.append(' ').append(section);
    }
    if (page != null) {
      sb.append(" p.").append(page);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
