package io.tcpfsm.trace;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.RecordView;
import io.tcpfsm.machine.TcpProfile;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One round of the checker on one thread over a capture's first frames, for {@code CheckerAB}:
 * compiled against, and loaded beside, one build's jar (it reads the package's own entry points).
 */
public final class CheckerRound {
  private CheckerRound() {}

  /** The capture's frames as the checker takes them, read once. */
  public static Object load(String file) throws Exception {
    List<TcpFrame> frames = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(file)), 1 << 16)) {
      CaptureReader reader = CaptureReader.open(in);
      RecordView view = new RecordView();
      long n = 0;
      while (reader.next(view)) {
        TcpFrame f = FastFrames.of(view, ++n);
        if (f != null) {
          frames.add(f);
        }
      }
    }
    return frames;
  }

  /** The thread CPU time, in ns, that a new rfc9293 checker takes over the first {@code count} frames and its finish; the verdicts are counted, so that no work is skipped. */
  @SuppressWarnings("unchecked")
  public static long[] round(Object loaded, int count) {
    List<TcpFrame> frames = (List<TcpFrame>) loaded;
    long[] verdicts = new long[1];
    TraceChecker checker = new TraceChecker(TcpProfile.named("rfc9293").orElseThrow(), v -> verdicts[0]++);
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = threads.getCurrentThreadCpuTime();
    int n = Math.min(frames.size(), count);
    for (int i = 0; i < n; i++) {
      checker.accept(frames.get(i));
    }
    checker.finish();
    return new long[] {threads.getCurrentThreadCpuTime() - t0, verdicts[0]};
  }
}
