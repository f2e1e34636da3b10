package io.tcpfsm.bench;

import io.tcpfsm.capture.CaptureException;
import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.Record;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * Decode plus TCP checksum verification over a capture held in memory: pcap reader, link layer,
 * IPv4, TCP header and options, full checksum. One op = the whole capture, so bytes/s =
 * ops/s x the capture size printed at setup ({@link #captureBytes}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WireBenchmark {
  /** Payload bytes per segment: Ethernet MSS, jumbo, and a loopback GSO-sized segment. */
  @Param({"1448", "8948", "65483"})
  int payload;

  byte[] capture;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    Captures.write(bos, Math.max(16, (32 << 20) / (payload + 80)), payload); // about 32 MiB
    capture = bos.toByteArray();
    System.out.println("\ncapture bytes: " + capture.length);
  }

  public long captureBytes() {
    return capture.length;
  }

  @Benchmark
  public long decodeAndVerify() throws CaptureException, IOException {
    return run(new ByteArrayInputStream(capture));
  }

  static long run(InputStream in) throws CaptureException, IOException {
    long good = 0;
    try (CaptureReader r = CaptureReader.open(in)) {
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        Frame f = FrameDecoder.decode(rec);
        if (f.checksum() == Frame.ChecksumStatus.GOOD) {
          good += f.tcpLength();
        }
      }
    }
    return good;
  }
}
