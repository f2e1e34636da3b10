package io.tcpfsm.bench;

import io.tcpfsm.capture.CaptureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Streams a 1,000,000-packet capture from disk through reader, decoder and checksum. Run with a
 * small heap (-jvmArgs -Xmx64m, or less) to show memory stays bounded whatever the file's size.
 */
@State(Scope.Benchmark)
public class StreamBenchmark {
  /** Made by {@code Captures FILE 1000000 64} if missing. */
  @Param({"/tmp/tcpfsm-1M.pcap"})
  String file;

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long streamFile() throws CaptureException, IOException {
    Path p = Path.of(file);
    if (!Files.exists(p)) {
      Captures.main(new String[] {file, "1000000", "64"});
    }
    try (InputStream in = Files.newInputStream(p)) {
      return WireBenchmark.run(in);
    }
  }
}
