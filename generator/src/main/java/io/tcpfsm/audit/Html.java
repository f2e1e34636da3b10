package io.tcpfsm.audit;

/** A small builder of XHTML-compatible markup: every text and attribute escaped, every tag closed. */
final class Html {
  private final StringBuilder sb = new StringBuilder();

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            out.append(' '); // not allowed in XML 1.0
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** An id or class fragment made of [A-Za-z0-9_-] only. */
  static String slug(String s) {
    return s.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  Html open(String tag, String... attrs) {
    sb.append('<').append(tag);
    for (int i = 0; i + 1 < attrs.length; i += 2) {
      if (attrs[i + 1] != null) {
        sb.append(' ').append(attrs[i]).append("=\"").append(esc(attrs[i + 1])).append('"');
      }
    }
    sb.append('>');
    return this;
  }

  Html close(String tag) {
    sb.append("</").append(tag).append(">\n");
    return this;
  }

  /** {@code <tag attrs>text</tag>}, the text escaped. */
  Html el(String tag, String text, String... attrs) {
    open(tag, attrs);
    sb.append(esc(text));
    sb.append("</").append(tag).append('>');
    return this;
  }

  Html text(String s) {
    sb.append(esc(s));
    return this;
  }

  /** Markup already built (another builder's, or an SVG checked to be well-formed). */
  Html raw(String s) {
    sb.append(s);
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
