package io.tcpfsm.trace;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.Record;
import io.tcpfsm.machine.TcpProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the checker over a whole capture, for tests. */
final class Traces {
  private Traces() {}

  static List<Verdict> check(byte[] capture, String profile) throws IOException, io.tcpfsm.capture.CaptureException {
    return check(capture, profile, TraceChecker.MIN_TIME_WAIT_NANOS);
  }

  /** With the shortest TIME-WAIT {@code minTimeWait}: a simulated network's endpoints keep {@link SimulatedCapture#TIME_WAIT}. */
  static List<Verdict> check(byte[] capture, String profile, long minTimeWait) throws IOException, io.tcpfsm.capture.CaptureException {
    List<Verdict> out = new ArrayList<>();
    run(capture, new TraceChecker(TcpProfile.named(profile).orElseThrow(), out::add).minTimeWait(minTimeWait));
    return out;
  }

  /** Feeds every frame of {@code capture} to {@code checker}, numbered from 1, then finishes it. */
  static void run(byte[] capture, TraceChecker checker) throws IOException, io.tcpfsm.capture.CaptureException {
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(capture))) {
      long n = 0;
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        checker.accept(FrameDecoder.decode(rec), ++n, rec.epochSecond() * 1_000_000_000L + rec.nanos());
      }
    }
    checker.finish();
  }

  static List<Verdict> check(String captureName, String profile) throws IOException, io.tcpfsm.capture.CaptureException {
    return check(Files.readAllBytes(captures().resolve(captureName)), profile);
  }

  /** captures/ of the checkout: under system property tcpfsm.root (set by the build), else the first directory up that has it. */
  static Path captures() {
    String root = System.getProperty("tcpfsm.root");
    if (root != null && !root.contains("${") && Files.isDirectory(Path.of(root, "captures"))) {
      return Path.of(root, "captures");
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("captures").resolve("README.md"))) {
        return d.resolve("captures");
      }
    }
    throw new IllegalStateException("captures/README.md not found above " + Path.of("").toAbsolutePath());
  }
}
