package io.tcpfsm.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The diagnostics a corpus spec expects, written inline as {@code # EXPECT: 12:5 error: ... [E003]}
 * (after error-prone's {@code // BUG: Diagnostic contains:}). Each marker gives the position and
 * the rest of the rendered line, so it may sit anywhere; by convention it sits above the line it
 * names.
 */
final class ExpectedDiagnostics {
  private static final Pattern MARKER = Pattern.compile("^\\s*#\\s*EXPECT:\\s*(\\d+):(\\d+):?\\s+(.*\\S)\\s*$");
  private static final Pattern MALFORMED = Pattern.compile("^\\s*#\\s*EXPECT\\b.*");

  private ExpectedDiagnostics() {}

  /** Every expected rendered line, {@code file:line:column: rest}, in file order. */
  static List<String> parse(String file, String text) {
    List<String> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARKER.matcher(lines[i]);
      if (m.matches()) {
        out.add(file + ":" + m.group(1) + ":" + m.group(2) + ": " + m.group(3));
      } else if (MALFORMED.matcher(lines[i]).matches()) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": malformed EXPECT marker: " + lines[i].trim());
      }
    }
    return out;
  }
}
