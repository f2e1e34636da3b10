package io.tcpfsm.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.RepoRoot;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Citation;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The defects found by reading RFC 793 section 3.9 and RFC 9293 section 3.10 clause by clause
 * against spec/tcp.fsm (docs/spec-review.md), one test each. Every test asks the model what it
 * does and asserts what the RFC says: the expected values are read off the RFC text quoted in
 * the test's comment, never off the model.
 */
class RfcDefectsTest {
  private static Validator.Result spec;

  @BeforeAll
  static void load() throws Exception {
    spec = Validator.check("spec/tcp.fsm", Files.readString(RepoRoot.get().resolve("spec/tcp.fsm")));
    assertThat(spec.ok()).as("spec/tcp.fsm validates: %s", spec.diagnostics().sorted()).isTrue();
  }

  // ---- page citations -----------------------------------------------------------------------

  /*
   * RFC 793 p.75 (not p.74):
   *   "CLOSE-WAIT STATE ... This should not occur, since a FIN has been received from the
   *    remote side.  Ignore the segment text."
   */
  @Test
  @DisplayName("RFC 793 p.75: text in CLOSE-WAIT is ignored, and the rule cites p.75 where that sentence is")
  void closeWaitTextIsIgnoredAndCitesPage75() {
    Explanation.Outcome o = outcome("rfc793", "CLOSE_WAIT", "ACK", "seq_acceptable", true, "ack_acceptable", true, "has_data", true);
    assertThat(o.target().name()).isEqualTo("CLOSE_WAIT");
    assertThat(actions(o)).isEmpty();
    assertThat(o.citation().rfc()).isEqualTo(793);
    assertThat(o.citation().page()).isEqualTo(75).isEqualTo(rfc793PageOf("Ignore the segment text."));
  }

  /*
   * Every quoted RFC 793 sentence lies on the page its citation names (RFC 793 is paginated;
   * "[Page N]" closes page N). The validator checks only that the page lies in the section.
   */
  @Test
  @DisplayName("RFC 793 3.9: every quoted RFC 793 citation names the page its quote is on")
  void everyQuotedRfc793CitationNamesItsPage() {
    for (var t : spec.machine().allTransitions()) {
      for (Citation c : t.citations()) {
        if (c.rfc() == 793 && c.hasPage() && c.quote() != null) {
          int page = rfc793PageOf(c.quote());
          if (page > 0) {
            assertThat(c.page()).as("%s at %s: \"%s\"", c.render(), c.pos(), c.quote()).isEqualTo(page);
          }
        }
      }
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** The model's outcome; guards as name, value pairs. */
  static Explanation.Outcome outcome(String profile, String state, String event, Object... guards) {
    Map<String, Boolean> given = new LinkedHashMap<>();
    for (int i = 0; i < guards.length; i += 2) {
      given.put((String) guards[i], (Boolean) guards[i + 1]);
    }
    Explanation e = new Explainer(spec.tables().get(profile)).explain(state, event, given);
    assertThat(e).as("%s: %s on %s %s", profile, state, event, given).isInstanceOf(Explanation.Outcome.class);
    return (Explanation.Outcome) e;
  }

  /** The actions as the spec writes them ("send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"). */
  static List<String> actions(Explanation.Outcome o) {
    return o.transition().actions().stream().map(Action::render).toList();
  }

  /**
   * The page of the bundled RFC 793 text on which {@code quote} stands (white space
   * normalised), 0 when it is not on one page.
   */
  static int rfc793PageOf(String quote) {
    String want = normalise(quote);
    int found = 0;
    for (String page : rfc793Pages()) {
      if (normalise(page).contains(want)) {
        Matcher m = Pattern.compile("\\[Page (\\d+)\\]").matcher(page);
        if (m.find()) {
          if (found != 0) {
            return 0; // on several pages: ambiguous
          }
          found = Integer.parseInt(m.group(1));
        }
      }
    }
    return found;
  }

  private static List<String> rfc793Pages() {
    try (InputStream in = RfcDefectsTest.class.getResourceAsStream("/io/tcpfsm/rfc/rfc793.txt")) {
      assertThat(in).as("bundled RFC 793 text").isNotNull();
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\f"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String normalise(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
