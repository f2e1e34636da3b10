package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command's --help reads as paragraphs: picocli wraps each description paragraph at 80
 * columns, so a description written with its own line breaks (at 100 columns, say) comes out as
 * long lines each followed by a stub of a few words. The test finds such stubs: a line of the
 * description that is short, does not end a sentence, and is followed by more of the paragraph.
 */
class HelpLayoutTest {
  private static final List<String> COMMANDS = List.of("audit", "check", "completion", "decode", "diagram", "explain", "explore",
      "generate", "probe", "simulate", "trace");

  @Test
  void descriptionsWrapAsParagraphs() {
    List<String> stubs = new ArrayList<>();
    for (String c : COMMANDS) {
      CliRun r = CliRun.run(c, "--help");
      assertThat(r.exit()).as(c + " --help").isZero();
      List<String> description = description(r.out());
      for (int i = 0; i + 1 < description.size(); i++) {
        String line = description.get(i);
        String next = description.get(i + 1);
        boolean continues = !next.isEmpty() && Character.isLowerCase(next.charAt(0));
        if (line.length() < 60 && continues && !line.matches(".*[.:;]$")) {
          stubs.add(c + ": '" + line + "' then '" + next + "'");
        }
      }
      for (String line : r.out().split("\n")) {
        assertThat(line.length()).as(c + " --help line: " + line).isLessThanOrEqualTo(80);
      }
    }
    assertThat(stubs).as("description lines broken mid-paragraph").isEmpty();
  }

  /** The lines between the usage synopsis and the first option. */
  private static List<String> description(String help) {
    List<String> out = new ArrayList<>();
    boolean inUsage = true;
    for (String line : help.split("\n")) {
      if (inUsage) {
        inUsage = line.startsWith("Usage:") || line.startsWith(" ");
        if (inUsage) {
          continue;
        }
      }
      if (line.matches("^\\s+-.*") || line.startsWith("Commands:")) {
        break;
      }
      out.add(line);
    }
    return out;
  }
}
