package io.tcpfsm.diag;

import io.tcpfsm.RepoRoot;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every diagnostic code has its page, docs/rules/E003-unknown-state.md, listed in
 * docs/rules/README.md; no page outlives its code; and each page's example output is what the
 * corpus spec it names expects, so a reworded message fails here until its page follows.
 */
class RuleDocsTest {
  private static final Path RULES = Path.of("docs", "rules");
  private static final Path CORPUS = Path.of("generator", "src", "test", "resources", "io", "tcpfsm", "validate", "corpus");

  /** A rendered diagnostic in a page: {@code unknown_target_state.fsm:29:21: error: ... [E003]}. */
  private static final Pattern OUTPUT = Pattern.compile("^([\\w.-]+\\.fsm):(\\d+):(\\d+): (error|warning): .* \\[([EW]\\d{3})\\]$");

  /** A corpus marker: {@code # EXPECT: 29:21 error: ... [E003]}, the same line without the file. */
  private static final Pattern MARKER = Pattern.compile("^\\s*#\\s*EXPECT:\\s*(\\d+):(\\d+):?\\s+(.*\\S)\\s*$");

  /** {@code E003-unknown-state.md}. */
  static String pageName(Code code) {
    return code.id() + "-" + code.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".md";
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Code.class)
  void everyCodeHasAPageNamingIt(Code code) throws IOException {
    Path page = RepoRoot.get().resolve(RULES).resolve(pageName(code));
    assertThat(page).as("page for %s", code).exists();
    String text = Files.readString(page);
    assertThat(text).as(pageName(code)).startsWith("# " + code.id() + " ");
    assertThat(text).as(pageName(code)).contains("[" + code.id() + "]");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Code.class)
  void everyCodeIsListedInTheIndexWithItsSeverityAndSummary(Code code) throws IOException {
    String row = indexRow(code);
    assertThat(row).as("docs/rules/README.md has no row linking %s", pageName(code)).isNotNull();
    assertThat(row).as("row of %s", code).contains(code.id(), code.severity().label(), code.summary());
  }

  @Test
  void everyPageHasACode() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (Code c : Code.values()) {
      expected.add(pageName(c));
    }
    Set<String> actual = new TreeSet<>();
    try (Stream<Path> files = Files.list(RepoRoot.get().resolve(RULES))) {
      files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).forEach(actual::add);
    }
    actual.removeAll(expected);
    assertThat(actual).as("pages in docs/rules with no Code (stale or misnamed)").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Code.class)
  void exampleOutputIsWhatTheCorpusExpects(Code code) throws IOException {
    Path page = RepoRoot.get().resolve(RULES).resolve(pageName(code));
    assertThat(page).as("page for %s", code).exists();
    List<String> shown = new ArrayList<>();
    for (String line : Files.readAllLines(page)) {
      Matcher m = OUTPUT.matcher(line);
      if (m.matches()) {
        Path spec = RepoRoot.get().resolve(CORPUS).resolve(m.group(1));
        assertThat(spec).as("%s cites a corpus spec that does not exist", pageName(code)).exists();
        assertThat(expectations(spec)).as("%s: not an # EXPECT of %s", pageName(code), m.group(1)).contains(line);
        shown.add(m.group(5));
      }
    }
    assertThat(shown).as("%s shows an example output line with its code", pageName(code)).contains(code.id());
  }

  /** The index row that links {@code code}'s page, or null. */
  private static String indexRow(Code code) throws IOException {
    String link = "(" + pageName(code) + ")";
    for (String line : Files.readAllLines(RepoRoot.get().resolve(RULES).resolve("README.md"))) {
      if (line.startsWith("|") && line.contains(link)) {
        return line;
      }
    }
    return null;
  }

  /** Every rendered line a corpus spec expects, {@code file:line:column: rest}. */
  private static List<String> expectations(Path spec) throws IOException {
    String file = spec.getFileName().toString();
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(spec)) {
      Matcher m = MARKER.matcher(line);
      if (m.matches()) {
        out.add(file + ":" + m.group(1) + ":" + m.group(2) + ": " + m.group(3));
      }
    }
    return out;
  }
}
