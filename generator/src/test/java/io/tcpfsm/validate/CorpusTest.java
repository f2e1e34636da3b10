package io.tcpfsm.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.diag.Code;
import io.tcpfsm.diag.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the validator over every spec of the corpus and compares what it prints with the
 * {@code # EXPECT:} markers in the spec: a missing diagnostic and an unexpected one both fail.
 */
class CorpusTest {
  private static final Pattern CODE = Pattern.compile("\\[([EW]\\d{3})\\]$");

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(corpusDir())) {
      return files.filter(p -> p.toString().endsWith(".fsm")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void validatorReportsExactlyTheExpectedDiagnostics(Path spec) throws IOException {
    String file = spec.getFileName().toString();
    String text = Files.readString(spec);
    Set<String> expected = new LinkedHashSet<>(ExpectedDiagnostics.parse(file, text));
    Set<String> actual = new LinkedHashSet<>();
    for (Diagnostic d : Validator.check(file, text).diagnostics().sorted()) {
      actual.add(d.render());
    }

    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> unexpected = new ArrayList<>(actual);
    unexpected.removeAll(expected);
    assertThat(missing.isEmpty() && unexpected.isEmpty())
        .as("%s%nmissing (expected, not reported):%n%s%nunexpected (reported, not expected):%n%s",
            file, lines(missing), lines(unexpected))
        .isTrue();
  }

  @Test
  void corpusIsLargeAndHasValidSpecsToo() throws IOException {
    List<Path> specs = corpus().toList();
    assertThat(specs).hasSizeGreaterThanOrEqualTo(35);
    long clean = 0;
    for (Path p : specs) {
      if (ExpectedDiagnostics.parse(p.toString(), Files.readString(p)).isEmpty()) {
        clean++;
      }
    }
    assertThat(clean).as("specs that expect no diagnostics").isGreaterThanOrEqualTo(2);
  }

  /** A new code must come with a corpus spec that produces it. */
  @Test
  void everyCodeIsExercisedByTheCorpus() throws IOException {
    Set<Code> seen = EnumSet.noneOf(Code.class);
    for (Path p : corpus().toList()) {
      for (String line : ExpectedDiagnostics.parse(p.toString(), Files.readString(p))) {
        Matcher m = CODE.matcher(line);
        assertThat(m.find()).as("marker without a code: %s", line).isTrue();
        for (Code c : Code.values()) {
          if (c.id().equals(m.group(1))) {
            seen.add(c);
          }
        }
      }
    }
    assertThat(EnumSet.complementOf(EnumSet.copyOf(seen))).as("codes no corpus spec expects").isEmpty();
  }

  @Test
  void everySpecSaysWhatItTests() throws IOException {
    for (Path p : corpus().toList()) {
      assertThat(Files.readString(p)).as(p.getFileName().toString()).startsWith("#");
    }
  }

  private static String lines(List<String> items) {
    return items.isEmpty() ? "  (none)" : "  " + String.join(System.lineSeparator() + "  ", items);
  }

  private static Path corpusDir() {
    try {
      return Path.of(CorpusTest.class.getResource("corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
