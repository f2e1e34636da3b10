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
        if (c.rfc().orElse(-1) == 793 && c.hasPage() && c.quote() != null) {
          int page = rfc793PageOf(c.quote());
          if (page > 0) {
            assertThat(c.page()).as("%s at %s: \"%s\"", c.render(), c.pos(), c.quote()).isEqualTo(page);
          }
        }
      }
    }
  }

  // ---- SYN-RECEIVED's ACK test ----------------------------------------------------------------

  /*
   * RFC 793 p.72: "SYN-RECEIVED STATE: If SND.UNA =< SEG.ACK =< SND.NXT then enter ESTABLISHED
   * state and continue processing. If the segment acknowledgment is not acceptable, form a
   * reset segment, <SEQ=SEG.ACK><CTL=RST> and send it."
   * RFC 9293 3.10.7.4: "If SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED state".
   * So SEG.ACK = SND.UNA enters ESTABLISHED under RFC 793 and draws a reset under RFC 9293.
   */
  @Test
  @DisplayName("RFC 793 p.72: in SYN-RECEIVED, SEG.ACK = SND.UNA is acceptable (SND.UNA =< SEG.ACK =< SND.NXT) and enters ESTABLISHED")
  void synReceivedAcceptsAckEqualToSndUnaUnderRfc793Only() {
    for (boolean data : new boolean[] {false, true}) {
      Explanation.Outcome o793 = outcome("rfc793", "SYN_RECV", "ACK", "seq_acceptable", true, "ack_acceptable", false, "ack_is_snd_una", true, "has_data", data);
      assertThat(o793.target().name()).isEqualTo("ESTABLISHED");
      assertThat(actions(o793)).doesNotContain("send <SEQ=SEG.ACK><CTL=RST>");
      assertThat(o793.citation().rfc()).isEqualTo(793);
      assertThat(o793.citation().page()).isEqualTo(rfc793PageOf("If SND.UNA =< SEG.ACK =< SND.NXT then enter ESTABLISHED state"));
    }
    Explanation.Outcome fin793 = outcome("rfc793", "SYN_RECV", "FIN+ACK", "seq_acceptable", true, "ack_acceptable", false, "ack_is_snd_una", true);
    assertThat(fin793.target().name()).isEqualTo("CLOSE_WAIT");

    Explanation.Outcome o9293 = outcome("rfc9293", "SYN_RECV", "ACK", "seq_acceptable", true, "ack_acceptable", false, "ack_is_snd_una", true, "rst_seq_exact", true);
    assertThat(o9293.target().name()).isEqualTo("SYN_RECV");
    assertThat(actions(o9293)).containsExactly("send <SEQ=SEG.ACK><CTL=RST>", "drop");
    // Outside RFC 793's range too (SEG.ACK < SND.UNA or > SND.NXT): the reset, in both.
    Explanation.Outcome bad793 = outcome("rfc793", "SYN_RECV", "ACK", "seq_acceptable", true, "ack_acceptable", false, "ack_is_snd_una", false);
    assertThat(actions(bad793)).containsExactly("send <SEQ=SEG.ACK><CTL=RST>", "drop");
  }

  // ---- text and FIN on one segment ----------------------------------------------------------

  private static final String ACK = "send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>";
  private static final String PAST_TEXT_AND_FIN = "set RCV.NXT = SEG.SEQ+SEG.LEN";

  /*
   * RFC 793 p.74, seventh step: "Once the TCP takes responsibility for the data it advances
   * RCV.NXT over the data accepted"; p.75, eighth step: "If the FIN bit is set, signal the user
   * "connection closing" ... advance RCV.NXT over the FIN, and send an acknowledgment for the
   * FIN." ... "ESTABLISHED STATE: Enter the CLOSE-WAIT state."
   * SEG.LEN counts the FIN, so RCV.NXT must end at SEG.SEQ+SEG.LEN before the ACK goes out.
   */
  @Test
  @DisplayName("RFC 793 p.74-75 / RFC 9293 3.10.7.4: a FIN with text in ESTABLISHED acknowledges text and FIN")
  void finWithTextInEstablishedAcknowledgesTextAndFin() {
    for (String profile : List.of("rfc793", "rfc9293")) {
      Explanation.Outcome o = outcome(profile, "ESTABLISHED", "FIN+ACK", "seq_acceptable", true, "ack_acceptable", true, "rst_seq_exact", true);
      assertThat(o.target().name()).isEqualTo("CLOSE_WAIT");
      assertThat(actions(o)).containsSubsequence("deliver", PAST_TEXT_AND_FIN, ACK).contains("signal \"connection closing\"").doesNotContain("set RCV.NXT = RCV.NXT+1");
    }
  }

  /*
   * RFC 793 p.75: "FIN-WAIT-1 STATE: If our FIN has been ACKed (perhaps in this segment), then
   * enter TIME-WAIT, start the time-wait timer, turn off the other timers; otherwise enter the
   * CLOSING state." "FIN-WAIT-2 STATE: Enter the TIME-WAIT state." The text (p.74) and the FIN
   * are both acknowledged.
   */
  @Test
  @DisplayName("RFC 793 p.74-75: a FIN with text in FIN-WAIT-1 and FIN-WAIT-2 acknowledges text and FIN")
  void finWithTextInFinWaitAcknowledgesTextAndFin() {
    Explanation.Outcome acked = outcome("rfc793", "FIN_WAIT1", "FIN+ACK", "seq_acceptable", true, "ack_acceptable", true, "fin_acked", true);
    assertThat(acked.target().name()).isEqualTo("TIME_WAIT");
    assertThat(actions(acked)).containsSubsequence("deliver", PAST_TEXT_AND_FIN, ACK).contains("timer start TIME_WAIT", "timer cancel RETRANSMIT", "timer cancel USER");
    Explanation.Outcome notAcked = outcome("rfc793", "FIN_WAIT1", "FIN+ACK", "seq_acceptable", true, "ack_acceptable", true, "fin_acked", false);
    assertThat(notAcked.target().name()).isEqualTo("CLOSING");
    assertThat(actions(notAcked)).containsSubsequence("deliver", PAST_TEXT_AND_FIN, ACK);
    Explanation.Outcome fw2 = outcome("rfc793", "FIN_WAIT2", "FIN+ACK", "seq_acceptable", true, "ack_acceptable", true);
    assertThat(fw2.target().name()).isEqualTo("TIME_WAIT");
    assertThat(actions(fw2)).containsSubsequence("deliver", PAST_TEXT_AND_FIN, ACK).contains("timer start TIME_WAIT");
  }

  /*
   * RFC 793 p.72: "SYN-RECEIVED STATE: If SND.UNA =< SEG.ACK =< SND.NXT then enter ESTABLISHED
   * state and continue processing." The seventh step (p.74) then accepts the text: "it
   * advances RCV.NXT over the data accepted ... Send an acknowledgment of the form:
   * <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"; with a FIN, the eighth (p.75) moves on to CLOSE-WAIT.
   */
  @Test
  @DisplayName("RFC 793 p.72-75: the ACK completing SYN-RECEIVED with text, or text and FIN, acknowledges them")
  void synReceivedCompletionAcknowledgesItsTextAndFin() {
    Explanation.Outcome data = outcome("rfc9293", "SYN_RECV", "ACK", "seq_acceptable", true, "ack_acceptable", true, "has_data", true, "rst_seq_exact", true);
    assertThat(data.target().name()).isEqualTo("ESTABLISHED");
    assertThat(actions(data)).containsSubsequence("deliver", "set RCV.NXT = SEG.SEQ+SEG.LEN", ACK);
    Explanation.Outcome fin = outcome("rfc9293", "SYN_RECV", "FIN+ACK", "seq_acceptable", true, "ack_acceptable", true, "rst_seq_exact", true);
    assertThat(fin.target().name()).isEqualTo("CLOSE_WAIT");
    assertThat(actions(fin)).containsSubsequence("deliver", PAST_TEXT_AND_FIN, ACK).contains("signal \"connection closing\"");
  }

  /*
   * RFC 793 p.68: "If SND.UNA > ISS (our SYN has been ACKed), change the connection state to
   * ESTABLISHED, form an ACK segment <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and send it. ... If
   * there are other controls or text in the segment then continue processing at the sixth step
   * below where the URG bit is checked, otherwise return." The seventh step (p.74) accepts the
   * text and advances RCV.NXT over it; the eighth (p.75) the FIN: ESTABLISHED -> CLOSE-WAIT.
   */
  @Test
  @DisplayName("RFC 793 p.68 / RFC 9293 3.10.7.3: text on SYN,ACK in SYN-SENT is processed from the sixth step on, not dropped")
  void synAckWithTextInSynSentDeliversAndAcknowledgesIt() {
    for (String profile : List.of("rfc793", "rfc9293")) {
      Explanation.Outcome o = outcome(profile, "SYN_SENT", "SYN+ACK", "ack_acceptable", true, "has_data", true);
      assertThat(o.target().name()).isEqualTo("ESTABLISHED");
      assertThat(actions(o)).containsSubsequence("set RCV.NXT = SEG.SEQ+1", "deliver", "set RCV.NXT = SEG.SEQ+SEG.LEN", ACK);
      Explanation.Outcome fin = outcome(profile, "SYN_SENT", "SYN+FIN+ACK", "ack_acceptable", true);
      assertThat(fin.target().name()).isEqualTo("CLOSE_WAIT");
      assertThat(actions(fin)).containsSubsequence("set RCV.NXT = SEG.SEQ+1", "deliver", PAST_TEXT_AND_FIN, ACK, "signal \"connection closing\"");
      Explanation.Outcome bare = outcome(profile, "SYN_SENT", "SYN+ACK", "ack_acceptable", true, "has_data", false);
      assertThat(bare.target().name()).isEqualTo("ESTABLISHED");
      assertThat(actions(bare)).contains("set RCV.NXT = SEG.SEQ+1", ACK).doesNotContain("deliver");
    }
  }

  // ---- RFC 5961 in every synchronized state ---------------------------------------------------

  /*
   * RFC 9293 3.10.7.4, fifth step: "TCP stacks that implement RFC 5961 MUST add an input check
   * that the ACK value is acceptable only if it is in the range of ((SND.UNA - MAX.SND.WND) =<
   * SEG.ACK =< SND.NXT). All incoming segments whose ACK value doesn't satisfy the above
   * condition MUST be discarded and an ACK sent back." That check precedes the per-state
   * processing, LAST-ACK's and TIME-WAIT's included. RFC 793 p.73 has no such test there.
   */
  @Test
  @DisplayName("RFC 9293 3.10.7.4 (RFC 5961 section 5): an unacceptable ACK in LAST-ACK or TIME-WAIT is discarded and answered with an ACK")
  void unacceptableAckInLastAckAndTimeWaitDrawsAnAckUnderRfc9293() {
    for (String state : List.of("LAST_ACK", "TIME_WAIT")) {
      for (String event : List.of("ACK", "FIN+ACK")) {
        Explanation.Outcome o = outcome("rfc9293", state, event, "seq_acceptable", true, "ack_acceptable", false, "fin_acked", false, "rst_seq_exact", true);
        assertThat(o.target().name()).as("%s %s", state, event).isEqualTo(state);
        assertThat(actions(o)).as("%s %s", state, event).containsExactly(ACK, "drop");
      }
    }
    // RFC 793 p.73: "LAST-ACK STATE: The only thing that can arrive in this state is an
    // acknowledgment of our FIN." No ACK is sent for one that is not.
    Explanation.Outcome o793 = outcome("rfc793", "LAST_ACK", "ACK", "seq_acceptable", true, "ack_acceptable", false, "fin_acked", false);
    assertThat(actions(o793)).doesNotContain(ACK);
  }

  // ---- signals, queues and timers -------------------------------------------------------------

  /*
   * RFC 793 p.73: "FIN-WAIT-1 STATE: In addition to the processing for the ESTABLISHED state,
   * if our FIN is now acknowledged then enter FIN-WAIT-2 and continue processing in that
   * state. FIN-WAIT-2 STATE: In addition to the processing for the ESTABLISHED state, if the
   * retransmission queue is empty, the user's CLOSE can be acknowledged ("ok") but do not
   * delete the TCB."
   */
  @Test
  @DisplayName("RFC 793 p.73 / RFC 9293 3.10.7.4: when our FIN is acknowledged the user's CLOSE is answered \"ok\"")
  void finAcknowledgedAnswersTheClose() {
    for (String profile : List.of("rfc793", "rfc9293")) {
      for (boolean data : new boolean[] {false, true}) {
        Explanation.Outcome o = outcome(profile, "FIN_WAIT1", "ACK", "seq_acceptable", true, "ack_acceptable", true, "fin_acked", true, "has_data", data);
        assertThat(o.target().name()).isEqualTo("FIN_WAIT2");
        assertThat(actions(o)).contains("signal \"ok\"").doesNotContain("delete tcb");
      }
      Explanation.Outcome fin = outcome(profile, "FIN_WAIT1", "FIN+ACK", "seq_acceptable", true, "ack_acceptable", true, "fin_acked", true, "rst_seq_exact", true);
      assertThat(fin.target().name()).isEqualTo("TIME_WAIT");
      assertThat(actions(fin)).contains("signal \"ok\"", "signal \"connection closing\"");
    }
  }

  /*
   * RFC 793 p.75: "FIN-WAIT-2 STATE: Enter the TIME-WAIT state. Start the time-wait timer,
   * turn off the other timers."
   */
  @Test
  @DisplayName("RFC 793 p.75: a FIN in FIN-WAIT-2 starts the time-wait timer and turns off the other timers")
  void finInFinWait2TurnsOffTheOtherTimers() {
    Explanation.Outcome o = outcome("rfc793", "FIN_WAIT2", "FIN+ACK", "seq_acceptable", true, "ack_acceptable", true);
    assertThat(o.target().name()).isEqualTo("TIME_WAIT");
    assertThat(actions(o)).contains("timer start TIME_WAIT", "timer cancel RETRANSMIT", "timer cancel USER");
  }

  /*
   * RFC 793 p.58: "ESTABLISHED STATE, FIN-WAIT-1 STATE, FIN-WAIT-2 STATE: If insufficient
   * incoming segments are queued to satisfy the request, queue the request."
   */
  @Test
  @DisplayName("RFC 793 p.58: a RECEIVE with no text on hand is queued")
  void receiveWithoutTextIsQueued() {
    for (String state : List.of("ESTABLISHED", "FIN_WAIT1", "FIN_WAIT2")) {
      assertThat(actions(outcome("rfc793", state, "RECEIVE", "text_pending", false))).as(state).containsExactly("queue");
      assertThat(actions(outcome("rfc793", state, "RECEIVE", "text_pending", true))).as(state).containsExactly("deliver");
    }
  }

  /*
   * RFC 793 p.66: "Set RCV.NXT to SEG.SEQ+1, IRS is set to SEG.SEQ and any other control or
   * text should be queued for processing later."
   */
  @Test
  @DisplayName("RFC 793 p.66: control or text on a SYN arriving in LISTEN is queued for SYN-RECEIVED")
  void synInListenQueuesItsTextAndControls() {
    for (String event : List.of("SYN", "SYN+FIN")) {
      Explanation.Outcome o = outcome("rfc793", "LISTEN", event);
      assertThat(o.target().name()).isEqualTo("SYN_RECV");
      assertThat(actions(o)).contains("set RCV.NXT = SEG.SEQ+1", "queue", "send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>");
    }
  }

  /*
   * RFC 793 p.70: "ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT: If the RST bit is set then,
   * any outstanding RECEIVEs and SEND should receive "reset" responses. ... Users should also
   * receive an unsolicited general "connection reset" signal."
   * RFC 793 p.71: "If the SYN is in the window it is an error, send a reset, any outstanding
   * RECEIVEs and SEND should receive "reset" responses, ... the user should also receive an
   * unsolicited general "connection reset" signal, enter the CLOSED state".
   */
  @Test
  @DisplayName("RFC 793 p.70-71: a RST or an in-window SYN answers outstanding calls \"reset\" and signals \"connection reset\"")
  void resetAnswersOutstandingCallsAndSignalsTheUser() {
    for (String state : List.of("ESTABLISHED", "FIN_WAIT1", "FIN_WAIT2", "CLOSE_WAIT")) {
      Explanation.Outcome rst = outcome("rfc793", state, "RST", "seq_acceptable", true);
      assertThat(rst.target().name()).isEqualTo("CLOSED");
      assertThat(actions(rst)).contains("signal \"reset\"", "signal \"connection reset\"", "delete tcb");
      Explanation.Outcome syn = outcome("rfc793", state, "SYN", "seq_acceptable", true);
      assertThat(syn.target().name()).isEqualTo("CLOSED");
      assertThat(actions(syn)).contains("signal \"reset\"", "signal \"connection reset\"", "delete tcb");
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
