package io.tcpfsm.audit;

import io.tcpfsm.rfc.RfcDocument;
import io.tcpfsm.rfc.RfcLibrary;
import io.tcpfsm.rfc.RfcSection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words quoted from a bundled RFC in the audit's notes: {@code RFC793 3.9 p.61 | words}. Checked
 * as the validator checks a spec's citations: the section exists, the page lies in it, the
 * section says the words.
 */
public record Quote(int rfc, String section, Integer page, String words) {
  private static final Pattern FORM = Pattern.compile("RFC\\s?(\\d+)\\s+(\\d+(?:\\.\\d+)*)(?:\\s+p\\.(\\d+))?\\s*\\|\\s*(.+)");

  /** Parses {@code RFC793 3.9 p.61 | words}; the problem in words when it is not that form. */
  static Quote parse(String text) throws IllegalArgumentException {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("a quote is written RFC<number> <section> [p.<page>] | <words>, not '" + text.trim() + "'");
    }
    return new Quote(Integer.parseInt(m.group(1)), m.group(2), m.group(3) == null ? null : Integer.valueOf(m.group(3)), m.group(4).trim());
  }

  /** Why the RFC does not say this, or empty when it does. */
  Optional<String> problem() {
    Optional<RfcDocument> doc = RfcLibrary.get(rfc);
    if (doc.isEmpty()) {
      return Optional.of("RFC " + rfc + " is not bundled (" + RfcLibrary.bundled() + ")");
    }
    Optional<RfcSection> s = doc.get().section(section);
    if (s.isEmpty()) {
      return Optional.of("RFC " + rfc + " has no section " + section);
    }
    if (page != null && !s.get().containsPage(page)) {
      return Optional.of("page " + page + " is outside RFC " + rfc + " section " + section + " (pages " + s.get().firstPage() + "-" + s.get().lastPage() + ")");
    }
    if (!s.get().says(words)) {
      return Optional.of("RFC " + rfc + " section " + section + " does not say \"" + words + "\"");
    }
    return Optional.empty();
  }

  /** {@code RFC 793 3.9 p.61}. */
  public String where() {
    return "RFC " + rfc + " " + section + (page == null ? "" : " p." + page);
  }
}
