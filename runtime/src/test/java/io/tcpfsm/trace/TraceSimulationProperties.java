package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.scenario.Scenario;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Every capture the simulated network writes conforms under the profile its endpoints ran, whatever
 * the fault schedule: the runtime is an independent implementation of the model (its own TCB,
 * buffers, timers and retransmission queue), the link loses, duplicates, reorders, delays and
 * corrupts, and the capture is taken where frames arrive. A deviation here is a bug in the checker
 * or in the runtime; the failure shrinks to the smallest schedule that shows it. Inconclusive is
 * allowed only for the stated reason of the candidate bound. Random seeds: the schedules random
 * seeds once found deviating (each a checker bug, now fixed) are kept below as examples.
 */
class TraceSimulationProperties {

  // A random seed again (branch trace-simopen): with the fixes below, 30,000 random jqwik tries
  // (3 runs of 10,000) passed, and sweeps of 2,000 seeds of every scenario and profile at the edges of
  // these ranges (336,000 schedules) found nothing more. A failure prints its seed and sample: keep it
  // below as an @Example with the bug's story.
  @Property(tries = 1000)
  void everySimulatedCaptureConforms(
      @ForAll Scenario scenario,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 0, max = 0.3) double loss,
      @ForAll @DoubleRange(min = 0, max = 0.2) double reorder,
      @ForAll @DoubleRange(min = 0, max = 0.1) double duplicate,
      @ForAll @DoubleRange(min = 0, max = 0.02) double corrupt,
      @ForAll @IntRange(min = 1, max = 50) int delayMs,
      @ForAll @IntRange(min = 0, max = 12_000) int bytes,
      @ForAll("profiles") TcpProfile profile) throws Exception {
    conforms(scenario, seed, loss, reorder, duplicate, corrupt, delayMs, bytes, profile);
  }

  /** Every profile the runtime runs: rfc793, rfc9293 and linux. */
  @Provide
  Arbitrary<TcpProfile> profiles() {
    return Arbitraries.of(TcpProfile.RFC793, TcpProfile.RFC9293, TcpProfile.LINUX);
  }

  /** Found on random seeds: the client's first SYN corrupted on the way (its SEQ changed, a bad checksum), then retransmitted. */
  @Example
  void aCorruptedFirstSynThenItsRetransmission() throws Exception {
    conforms(Scenario.CLIENT_CLOSE, 19829, 0.1, 0, 0, 0.01, 1, 0, TcpProfile.RFC793);
  }

  /** Found on random seeds: a simultaneous open whose first SYN the network duplicated (RFC 793 resets on the copy in SYN-RECEIVED). */
  @Example
  void aDuplicatedSynInASimultaneousOpen() throws Exception {
    conforms(Scenario.SIMULTANEOUS_OPEN, 342625, 0.13296373509518072, 0.10082711334091479, 0.09989808147679288, 0.012608097278457077, 8, 362, TcpProfile.RFC793);
  }

  /** Found on random seeds: the handshake's last ACK arrives after the FIN; the answer carries the RCV.NXT reassembly reached. */
  @Example
  void aLateOldAckAnsweredAfterReassembly() throws Exception {
    conforms(Scenario.CLIENT_CLOSE, 318166, 0.26474182018543235, 0.04560516480628971, 0.005250707444964243, 0.01446018079506892, 17, 2784, TcpProfile.RFC793);
  }

  /** Found on random seeds: a FIN carries the ACK owed for older arrivals, but one arrival's answer went out after it (RFC 793's CLOSING). */
  @Example
  void anAnswerSentAfterTheFinThatCarriedItsAck() throws Exception {
    conforms(Scenario.BULK, 132849, 0.10189494410836068, 0.1390883338832218, 0.03541297117423616, 0.0028692295399838376, 8, 3312, TcpProfile.RFC793);
  }

  /** Found on random seeds: the first SYN corrupted into a PSH+ACK (bad checksum), then the real SYN. */
  @Example
  void aFirstSynCorruptedIntoAnotherSegment() throws Exception {
    conforms(Scenario.SERVER_CLOSE, 784100, 0.1474743263615036, 0.1819907484016522, 0.028246173909513884, 0.014805954320826993, 15, 6994, TcpProfile.RFC793);
  }

  /**
   * Found on random seeds: a simultaneous open whose first SYN was corrupted on the way (SEQ changed,
   * bad checksum); its sender's next segment is the SYN,ACK of its real ISS, so the corrupted SYN was
   * still an OPEN (SYN-SENT with an ISS the capture has not shown), not nothing sent.
   */
  @Example
  void aCorruptedSynInASimultaneousOpen() throws Exception {
    conforms(Scenario.SIMULTANEOUS_OPEN, 782724, 0, 0, 0, 0.01, 3, 0, TcpProfile.RFC793);
  }

  /**
   * Found on random seeds under linux (ABORT, seed 17785, duplicate 0.04, delay 2 ms, 2 bytes): the
   * server's SYN,ACK duplicated by the network; the copy reaches the client after its ABORT, and
   * CLOSED answers it with {@code <SEQ=SEG.ACK><CTL=RST>} (RFC 9293 3.10.7.1), which overtakes
   * ABORT's own RST,ACK on the way (the capture is taken where frames arrive). The runtime was
   * right; the checker took ABORT's reset for lost when the bare RST showed, and then had no
   * explanation for it arriving: it now stays owed until it shows or the capture ends.
   */
  @Example
  void linuxAbortResetDuplicated() throws Exception {
    conforms(Scenario.ABORT, 17785, 0, 0, 0.04, 0, 2, 2, TcpProfile.LINUX);
  }

  /**
   * Found on random seeds under linux: as above, but text sent before the ABORT (frame 7) arrives
   * after CLOSED's bare RST (6), and ABORT's RST,ACK (8) stands past it: where SND.NXT stood at the
   * ABORT shows only with that reset.
   */
  @Example
  void linuxAbortResetAfterLateText() throws Exception {
    conforms(Scenario.ABORT, 44, 0.07, 0, 0.03, 0, 49, 2922, TcpProfile.LINUX);
  }

  /**
   * Found once the property ran linux too: the client's ABORT reset (RST,ACK under linux) lost, then
   * its CLOSED state answering a late segment with a bare RST (RFC 9293 3.10.7.1).
   */
  @Example
  void linuxAbortResetLostThenClosedAnswers() throws Exception {
    conforms(Scenario.ABORT, 118, 0.02, 0, 0.01, 0, 1, 2, TcpProfile.LINUX);
  }

  /** Found on a random seed in CI: a client close under linux, one segment corrupted on the way. */
  @Example
  void linuxClientCloseWithACorruptedSegment() throws Exception {
    conforms(Scenario.CLIENT_CLOSE, 10378, 0, 0, 0, 0.01, 15, 1, TcpProfile.LINUX);
  }

  /**
   * Found on random seeds (issue 10): a simultaneous open where the network duplicated both ends'
   * segments. B, in SYN-RECEIVED, answers A's SYN,ACK (its SEQ is below RCV.NXT: not acceptable,
   * RFC 793 p.69 / RFC 9293 3.10.7.4 "send an acknowledgment") with an ACK (frame 8), then sends its
   * FIN and answers the SYN,ACK's network copy with another ACK (frame 9, overtaking the FIN). The
   * checker's B had learnt RCV.NXT from A's SYN but still marked it unknown (a hypothesis starting in
   * LISTEN or in a simultaneous open's SYN-SENT), so the SYN,ACK was taken for the first segment at
   * RCV.NXT, a SYN in the window, and SYN-RECEIVED reset: no hypothesis owed frame 9.
   */
  @Example
  void aSimultaneousOpenAnswersADuplicatedSynAckTwice() throws Exception {
    conforms(Scenario.SIMULTANEOUS_OPEN, 200, 0, 0.04, 0.1, 0, 5, 0, TcpProfile.RFC793);
  }

  /**
   * Found on a random seed (5713949625692514222, shrunk): a simultaneous close where the client's
   * handshake ACK arrives after its text. The server answers that old ACK (frame 7, RFC 9293
   * 3.10.7.4: not acceptable, send an ACK) and sends its FIN (8) before the client's FIN (6) reaches
   * it; its ACK of that FIN (9) then shows CLOSING. The arrival crossed two sends, not one: the
   * checker tried a crossing only for the send right after an arrival.
   */
  @Example
  void aFinCrossesTwoSendsInASimultaneousClose() throws Exception {
    conforms(Scenario.SIMULTANEOUS_CLOSE, 41975, 0, 0.06, 0, 0, 1, 1, TcpProfile.RFC793);
  }

  /**
   * Found by sweeping seeds at the property's edge (reorder 0.2, duplicate 0.1): as above, but the
   * network also copied the server's answer to the old ACK (frames 6 and 8). The hypothesis that sent
   * it twice and the one that took frame 8 for the copy were merged, and the FIN's crossing, replayed
   * from the first, could not send it twice: a crossed send equal to a recent one may be the copy.
   */
  @Example
  void aFinCrossesASendAndItsNetworkCopy() throws Exception {
    conforms(Scenario.SIMULTANEOUS_CLOSE, 8522, 0, 0.2, 0.1, 0, 1, 1, TcpProfile.RFC793);
  }

  private static void conforms(Scenario scenario, long seed, double loss, double reorder, double duplicate, double corrupt, int delayMs,
      int bytes, TcpProfile profile) throws Exception {
    byte[] capture = SimulatedCapture.of(scenario, seed, loss, reorder, duplicate, corrupt, delayMs, bytes, profile);
    if (System.getProperty("tcpfsm.dumpSim") != null) {
      java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("tcpfsm.dumpSim")), capture);
    }
    List<Verdict> verdicts = Traces.check(capture, profile.specName(), SimulatedCapture.CHECKER_TIME_WAIT);
    assertThat(verdicts).allSatisfy(v -> {
      assertThat(v.kind()).as("%s", v).isNotEqualTo(Verdict.Kind.DEVIATES);
      if (v.kind() == Verdict.Kind.INCONCLUSIVE) {
        assertThat(v.reason()).as("%s", v).contains("fitted");
      }
    });
  }
}
