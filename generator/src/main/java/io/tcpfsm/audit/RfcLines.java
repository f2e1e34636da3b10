package io.tcpfsm.audit;

import io.tcpfsm.rfc.RfcLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A bundled RFC as lines, each with the page it is printed on (0 for RFCs without pages), with
 * each page's running header and "[Page N]" footer removed, the way {@code RfcDocument} reads
 * pages. The clause splitter needs lines (indentation and headings) and pages, which the
 * section index, holding whitespace-collapsed text, no longer has.
 */
final class RfcLines {
  private static final Pattern FOOTER = Pattern.compile("\\[Page (\\d+)\\]\\s*$");

  /** One line of text and its page. */
  record Line(String text, int page) {
    int indent() {
      int i = 0;
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
      return i;
    }

    boolean blank() {
      return text.isBlank();
    }
  }

  private RfcLines() {}

  /** The lines of bundled RFC {@code rfc}. */
  static List<Line> of(int rfc) {
    try (InputStream in = RfcLibrary.class.getResourceAsStream("rfc" + rfc + ".txt")) {
      if (in == null) {
        throw new IllegalArgumentException("RFC " + rfc + " is not bundled");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled RFC " + rfc, e);
    }
  }

  static List<Line> parse(String text) {
    String[] pages = text.split("\f", -1);
    boolean paginated = pages.length > 1;
    List<Line> out = new ArrayList<>();
    for (String page : pages) {
      String[] lines = page.split("\r?\n", -1);
      int pageNo = 0;
      for (String l : lines) {
        var m = FOOTER.matcher(l);
        if (m.find()) {
          pageNo = Integer.parseInt(m.group(1));
        }
      }
      // The running header is a page's first run of non-blank lines (date, title, and in RFC
      // 793 the chapter, "SEGMENT ARRIVES"): read as text it would look like a heading.
      boolean header = paginated;
      boolean headerSeen = false;
      for (String l : lines) {
        if (header && l.isBlank() && headerSeen) {
          header = false;
        }
        if (paginated && (FOOTER.matcher(l).find() || (header && !l.isBlank()))) {
          headerSeen |= header;
          continue;
        }
        out.add(new Line(l.stripTrailing(), pageNo));
      }
    }
    return out;
  }
}
