package io.tcpfsm.rfc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one RFC, indexed by section so citations can be checked against it. Paginated
 * RFCs (793) split pages with form feeds and end each with a "[Page N]" footer; RFCs published
 * in the v3 format (9293) have no pages, and then every page number is 0.
 */
public final class RfcDocument {
  // A section heading starts in column 0: "3.10.7.4.  Other States" or "3.9.  Event Processing".
  private static final Pattern HEADING = Pattern.compile("^(\\d+(?:\\.\\d+)*)\\.?\\s{1,}(\\S.*)$");
  // RFC 793 centres its chapter headings ("      3.  FUNCTIONAL SPECIFICATION") and its
  // unnumbered back matter ("      GLOSSARY"); both end the section before them.
  private static final Pattern CENTRED_CHAPTER = Pattern.compile("^\\s{8,}(\\d+)\\.\\s+([A-Z][A-Z ]*[A-Z])\\s*$");
  private static final Pattern CENTRED_BACK_MATTER = Pattern.compile("^\\s{20,}([A-Z]{4,})\\s*$");
  // Older RFCs (1122, 1337, 2525) indent their sub-section headings by depth:
  // "         4.2.2.20  Event Processing: RFC-793 Section 3.9". Read only in documents that
  // have no numbered sub-section heading in column 0, where an indented one could be a list.
  private static final Pattern INDENTED_HEADING = Pattern.compile("^\\s{1,16}(\\d+(?:\\.\\d+)+)\\.?\\s{2,}([A-Z].*)$");
  private static final Pattern DOTTED_COLUMN_0 = Pattern.compile("^\\d+(?:\\.\\d+)+\\.?\\s+\\S.*$");
  private static final Pattern FOOTER = Pattern.compile("\\[Page (\\d+)\\]\\s*$");

  private final int number;
  private final boolean paginated;
  private final int pageCount;
  private final Map<String, RfcSection> sections;

  private RfcDocument(int number, boolean paginated, int pageCount, Map<String, RfcSection> sections) {
    this.number = number;
    this.paginated = paginated;
    this.pageCount = pageCount;
    this.sections = sections;
  }

  /** Indexes the plain text of RFC {@code number}. */
  public static RfcDocument parse(int number, String text) {
    String[] pages = text.split("\f", -1);
    boolean paginated = pages.length > 1;
    List<String> lines = new ArrayList<>();
    List<Integer> pageOfLine = new ArrayList<>();
    int maxPage = 0;
    for (String page : pages) {
      String[] pageLines = page.split("\r?\n", -1);
      int pageNo = 0;
      for (String l : pageLines) {
        Matcher m = FOOTER.matcher(l);
        if (m.find()) {
          pageNo = Integer.parseInt(m.group(1));
        }
      }
      maxPage = Math.max(maxPage, pageNo);
      boolean header = paginated;
      boolean headerSeen = false;
      for (String l : pageLines) {
        // Drop each page's running header (its first run of non-blank lines: date, title and
        // sometimes the chapter) and footer, so sections neither end on an empty page nor
        // hold header words in the middle of a sentence that crosses a page break.
        if (header && l.isBlank() && headerSeen) {
          header = false;
        }
        if (paginated && (FOOTER.matcher(l).find() || (header && !l.isBlank()))) {
          headerSeen |= header;
          continue;
        }
        lines.add(l);
        pageOfLine.add(pageNo);
      }
    }
    return new RfcDocument(number, paginated, maxPage, index(lines, pageOfLine));
  }

  private static Map<String, RfcSection> index(List<String> lines, List<Integer> pageOfLine) {
    List<int[]> headings = new ArrayList<>();
    List<String[]> names = new ArrayList<>();
    boolean indented = lines.stream().noneMatch(l -> DOTTED_COLUMN_0.matcher(l).matches() && !l.contains("...."));
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = HEADING.matcher(lines.get(i));
      if (indented && !m.matches()) {
        m = INDENTED_HEADING.matcher(lines.get(i));
      }
      Matcher chapter = CENTRED_CHAPTER.matcher(lines.get(i));
      // Table-of-contents lines end in dotted leaders and a page number; they are not headings.
      if (lines.get(i).contains("....")) {
        continue;
      }
      if (m.matches()) {
        headings.add(new int[] {i});
        names.add(new String[] {m.group(1), m.group(2).trim()});
      } else if (chapter.matches()) {
        headings.add(new int[] {i});
        names.add(new String[] {chapter.group(1), chapter.group(2)});
      } else if (CENTRED_BACK_MATTER.matcher(lines.get(i)).matches()) {
        headings.add(new int[] {i});
        names.add(new String[] {"", lines.get(i).trim()}); // a boundary, not a citable section
      }
    }
    Map<String, RfcSection> out = new LinkedHashMap<>();
    for (int h = 0; h < headings.size(); h++) {
      String num = names.get(h)[0];
      if (num.isEmpty()) {
        continue;
      }
      int start = headings.get(h)[0];
      int end = lines.size();
      for (int k = h + 1; k < headings.size(); k++) {
        if (!names.get(k)[0].startsWith(num + ".")) {
          end = headings.get(k)[0];
          break;
        }
      }
      int first = pageOfLine.get(start);
      int last = first;
      for (int i = start; i < end; i++) {
        if (!lines.get(i).isBlank()) {
          last = Math.max(last, pageOfLine.get(i));
        }
      }
      String text = normalize(String.join("\n", lines.subList(start, end)));
      out.putIfAbsent(num, new RfcSection(num, names.get(h)[1], first, last, text));
    }
    return out;
  }

  /** Collapses every run of whitespace to one space, so quotes match across line breaks. */
  static String normalize(String s) {
    // Text and quotes are normalised alike. A hyphen at a line end is usually part of a word
    // ("FIN-" / "WAIT-2"), so whitespace after any hyphen is dropped on both sides.
    return s.replaceAll("-\\s+", "-").replaceAll("\\s+", " ").trim();
  }

  public int number() {
    return number;
  }

  public boolean paginated() {
    return paginated;
  }

  public int pageCount() {
    return pageCount;
  }

  public Optional<RfcSection> section(String number) {
    return Optional.ofNullable(sections.get(number));
  }

  public Map<String, RfcSection> sections() {
    return java.util.Collections.unmodifiableMap(sections);
  }
}
