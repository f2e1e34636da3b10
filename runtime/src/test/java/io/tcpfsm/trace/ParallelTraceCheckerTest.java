package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.capture.Record;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.scenario.Scenario;
import io.tcpfsm.scenario.ScenarioRunner;
import io.tcpfsm.sim.Impairments;
import io.tcpfsm.sim.SimLink;
import io.tcpfsm.tcp.TcpConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checker split over threads gives each connection the verdict a single checker gives it (the
 * answer key: {@link TraceChecker} on one thread, itself tested against the RFC in
 * TraceCapturesTest and the simulation property), whatever the number of threads and the batch
 * size, and its output order is the same on every run. Input: every capture in captures/ and 40
 * simulated runs of every scenario (faults on, under each profile), one after the other in one
 * stream, so frames of many connections, and of a 4-tuple reused, meet in each batch.
 */
class ParallelTraceCheckerTest {
  private static final long MS = 1_000_000L;
  private static final List<Frame> FRAMES = new ArrayList<>();
  private static final List<Long> TIMES = new ArrayList<>();

  @BeforeAll
  static void frames() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Traces.captures())) {
      files = s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
    }
    for (Path f : files) {
      add(Files.readAllBytes(f));
    }
    Scenario[] scenarios = Scenario.values();
    for (int i = 0; i < 40; i++) {
      Impairments im = Impairments.NONE.withDelay(5 * MS, MS).withLoss(0.1).withReorder(0.05, 2 * MS).withDuplicate(0.03);
      TcpProfile profile = TcpProfile.values()[i % TcpProfile.values().length];
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PcapWriter writer = SimLink.pcapWriter(out);
      new ScenarioRunner(TcpConfig.defaults().withTwoMsl(500 * MS).withProfile(profile), im, 1000 + i, 3000).capture(writer)
          .run(scenarios[i % scenarios.length]);
      writer.flush();
      add(out.toByteArray());
    }
  }

  private static void add(byte[] capture) throws Exception {
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(capture))) {
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        FRAMES.add(FrameDecoder.decode(rec));
        TIMES.add(rec.epochSecond() * 1_000_000_000L + rec.nanos());
      }
    }
  }

  private static List<Verdict> single(TcpProfile p) {
    List<Verdict> out = new ArrayList<>();
    TraceChecker c = new TraceChecker(p, out::add);
    for (int i = 0; i < FRAMES.size(); i++) {
      c.accept(FRAMES.get(i), i + 1, TIMES.get(i));
    }
    c.finish();
    return out;
  }

  private static List<Verdict> parallel(TcpProfile p, int threads, int batch) {
    return parallel(p, threads, batch, TraceChecker.MAX_RETIRING);
  }

  private static List<Verdict> parallel(TcpProfile p, int threads, int batch, int maxRetiring) {
    List<Verdict> out = new ArrayList<>();
    try (ParallelTraceChecker c = new ParallelTraceChecker(p, threads, batch, out::add).maxRetiring(maxRetiring)) {
      for (int i = 0; i < FRAMES.size(); i++) {
        c.accept(FRAMES.get(i), i + 1, TIMES.get(i));
      }
      c.finish();
    }
    return out;
  }

  private static List<Verdict> byFirstFrame(List<Verdict> l) {
    List<Verdict> s = new ArrayList<>(l);
    s.sort(Comparator.comparingLong(Verdict::firstFrame));
    return s;
  }

  @Test
  void everyConnectionGetsTheSingleCheckersVerdict() {
    assertThat(FRAMES).hasSizeGreaterThan(1000);
    for (TcpProfile p : TcpProfile.values()) {
      List<Verdict> expected = byFirstFrame(single(p));
      assertThat(expected).hasSizeGreaterThan(20);
      for (int threads : new int[] {1, 2, 3}) {
        for (int batch : new int[] {1, 7, 64, ParallelTraceChecker.BATCH}) {
          assertThat(byFirstFrame(parallel(p, threads, batch))).as("%s, %d threads, batches of %d", p, threads, batch).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void theOrderIsTheSameOnEveryRun() {
    List<Verdict> first = parallel(TcpProfile.RFC9293, 3, 5);
    for (int run = 0; run < 5; run++) {
      assertThat(parallel(TcpProfile.RFC9293, 3, 5)).isEqualTo(first);
    }
  }

  /**
   * Connections are split among fixed partitions, not among threads: one thread and three give the
   * same verdicts in the same order. With one closed connection kept per partition, when a verdict
   * goes out depends on which connections share a partition, so the split itself is tested too.
   */
  @Test
  void theOutputDoesNotDependOnTheNumberOfThreads() {
    for (TcpProfile p : TcpProfile.values()) {
      for (int retiring : new int[] {TraceChecker.MAX_RETIRING, ParallelTraceChecker.PARTITIONS}) {
        List<Verdict> one = parallel(p, 1, 7, retiring);
        assertThat(parallel(p, 3, 7, retiring)).as("%s, %d closed kept", p, retiring).isEqualTo(one);
        assertThat(parallel(p, 2, 7, retiring)).as("%s, %d closed kept", p, retiring).isEqualTo(one);
      }
    }
  }

  @Test
  void coverageIsEverythingTheThreadsSaw() {
    TraceChecker one = new TraceChecker(TcpProfile.RFC9293, v -> {});
    ParallelTraceChecker many = new ParallelTraceChecker(TcpProfile.RFC9293, 2, 16, v -> {});
    for (int i = 0; i < FRAMES.size(); i++) {
      one.accept(FRAMES.get(i), i + 1, TIMES.get(i));
      many.accept(FRAMES.get(i), i + 1, TIMES.get(i));
    }
    one.finish();
    many.finish();
    many.close();
    assertThat(many.coverage().report()).isEqualTo(one.coverage().report());
    assertThat(many.connections()).isEqualTo(one.connections());
    assertThat(many.tcpFrames()).isEqualTo(one.tcpFrames());
    assertThat(many.ignoredFrames()).isEqualTo(one.ignoredFrames());
  }
}
