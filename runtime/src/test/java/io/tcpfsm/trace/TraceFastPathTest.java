package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.Record;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.scenario.Scenario;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The tiered checks ({@link TieredCheck}: hypotheses without hidden events first, a replay through
 * the full checker where they fail) against the full checker with the plain structures: the same
 * verdicts, in the same order, after every frame, over the same captures and runs as below.
 *
 * <p>The checker's faster structures (candidates merged through {@link CandidateList}'s hashes, the
 * "lost after the capture point" hypothesis taken over without a copy) against the plain ones they
 * replace ({@code TraceChecker(machine, out, true)}): the two run in lockstep over every capture in
 * captures/ and over simulated runs under every profile, and after each frame every open
 * connection's candidates (state, variables, owed segments, losses, in order) must be the same; so
 * must the verdicts and the coverage. The answer key is the plain algorithm, an independent
 * implementation of the same merge rule.
 */
class TraceFastPathTest {
  /** Connections the tiered checks replayed, and all they checked: printed, so that a run shows how often the replay path was taken. */
  private static long replays;
  private static long connections;

  @org.junit.jupiter.api.AfterAll
  static void report() {
    System.out.println("TraceFastPathTest: the tiered checks replayed " + replays + " of " + connections + " connections");
  }

  @Test
  void everyBundledCaptureUnderEveryProfile() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Traces.captures())) {
      files = s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path f : files) {
      for (TcpProfile p : TcpProfile.values()) {
        lockstep(f + " under " + p.specName(), Files.readAllBytes(f), p, TraceChecker.MIN_TIME_WAIT_NANOS);
      }
    }
  }

  @Property(tries = 300)
  void simulatedRunsUnderEveryProfile(
      @ForAll Scenario scenario,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 0, max = 0.3) double loss,
      @ForAll @DoubleRange(min = 0, max = 0.2) double reorder,
      @ForAll @DoubleRange(min = 0, max = 0.1) double duplicate,
      @ForAll @DoubleRange(min = 0, max = 0.02) double corrupt,
      @ForAll @IntRange(min = 1, max = 50) int delayMs,
      @ForAll @IntRange(min = 0, max = 40_000) int bytes,
      @ForAll TcpProfile profile) throws Exception {
    lockstep(scenario + " seed " + seed, SimulatedCapture.of(scenario, seed, loss, reorder, duplicate, corrupt, delayMs, bytes, profile), profile,
        SimulatedCapture.CHECKER_TIME_WAIT);
  }

  /** Both checkers over {@code capture}, compared after every frame. */
  private static void lockstep(String what, byte[] capture, TcpProfile profile, long minTimeWait) throws Exception {
    List<Verdict> fast = new ArrayList<>();
    List<Verdict> plain = new ArrayList<>();
    List<Verdict> tiered = new ArrayList<>();
    TraceChecker f = new TraceChecker(profile, fast::add, TraceChecker.Mode.FULL).minTimeWait(minTimeWait);
    TraceChecker p = new TraceChecker(profile, plain::add, true).minTimeWait(minTimeWait);
    TraceChecker t = new TraceChecker(profile, tiered::add, TraceChecker.Mode.TIERED).minTimeWait(minTimeWait);
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(capture))) {
      long n = 0;
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        long time = rec.epochSecond() * 1_000_000_000L + rec.nanos();
        f.accept(FrameDecoder.decode(rec), ++n, time);
        p.accept(FrameDecoder.decode(rec), n, time);
        t.accept(FrameDecoder.decode(rec), n, time);
        assertThat(f.dump()).as("%s: candidates after frame %d", what, n).isEqualTo(p.dump());
        assertThat(fast).as("%s: verdicts after frame %d", what, n).isEqualTo(plain);
        assertThat(tiered).as("%s: tiered verdicts after frame %d", what, n).isEqualTo(plain);
      }
    }
    f.finish();
    p.finish();
    t.finish();
    assertThat(fast).as("%s: verdicts", what).isEqualTo(plain);
    assertThat(tiered).as("%s: tiered verdicts", what).isEqualTo(plain);
    replays += t.replays();
    connections += t.connections();
    assertThat(f.coverage().report()).as("%s: coverage", what).isEqualTo(p.coverage().report());
  }
}
