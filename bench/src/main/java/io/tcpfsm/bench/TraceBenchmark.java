package io.tcpfsm.bench;

import io.tcpfsm.capture.CaptureException;
import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.Record;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.trace.TraceChecker;
import io.tcpfsm.trace.Verdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The warm verdict of a one-connection capture, as {@code tcpfsm trace} reaches it: the capture's
 * bytes in memory, read, decoded, checked, the verdict out. The target is under 10 ms;
 * BENCHMARKS.md, "Trace checking", has the figures. The capture is a file of the repository's
 * captures/ (run from the repository's root), so the figure is for a real peer's connection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TraceBenchmark {
  /** A DNS query over TCP (11 frames: handshake, query, answer, close) and a 3-frame handshake. */
  @Param({"captures/dns_tcp.pcap", "captures/tcp-handshake-nano.pcap"})
  String capture;

  byte[] bytes;

  @Setup(Level.Trial)
  public void setup() throws CaptureException, IOException {
    bytes = Files.readAllBytes(Path.of(capture));
    if (oneVerdict().kind() != Verdict.Kind.CONFORMS) {
      throw new IllegalStateException(capture + " does not conform: the benchmark would measure a deviation report");
    }
  }

  @Benchmark
  public Verdict oneVerdict() throws CaptureException, IOException {
    List<Verdict> out = new ArrayList<>(1);
    TraceChecker checker = new TraceChecker(TcpProfile.RFC9293, out::add);
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(bytes))) {
      long n = 0;
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        checker.accept(FrameDecoder.decode(rec), ++n, rec.epochSecond() * 1_000_000_000L + rec.nanos());
      }
    }
    checker.finish();
    return out.get(0);
  }
}
