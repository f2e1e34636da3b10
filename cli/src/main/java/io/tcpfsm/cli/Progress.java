package io.tcpfsm.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on standard error for long work: nothing during the first second
 * (short runs stay quiet), then at most ten redraws a second of {@code label done/total (pct) detail}
 * over the same line with a carriage return, and the line erased by {@link #close}. Off when
 * standard error is not a terminal or the user asked for quiet, so pipes and logs never see it.
 */
final class Progress implements AutoCloseable {
  private static final long DELAY = 1_000_000_000L;
  private static final long INTERVAL = 100_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier wallNanos;
  private final String label;
  private final long start;
  private long nextDraw;
  private int width;

  Progress(PrintWriter err, boolean enabled, LongSupplier wallNanos, String label) {
    this.err = err;
    this.enabled = enabled;
    this.wallNanos = wallNanos;
    this.label = label;
    this.start = wallNanos.getAsLong();
    this.nextDraw = start + DELAY;
  }

  /** Shown when standard error is a terminal, unless {@code quiet}. */
  static Progress onTerminal(PrintWriter err, boolean quiet, String label) {
    return new Progress(err, !quiet && stderrIsTerminal(), System::nanoTime, label);
  }

  /**
   * Whether standard error is a terminal, also when standard output is redirected (System.console()
   * needs both): on Linux, where file descriptor 2 points; elsewhere, System.console().
   */
  static boolean stderrIsTerminal() {
    try {
      String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /** Reports {@code done} of {@code total} units ({@code total <= 0}: unknown); cheap when not drawing. */
  void update(long done, long total, String unit, String detail) {
    if (!enabled) {
      return;
    }
    long now = wallNanos.getAsLong();
    if (now < nextDraw) {
      return;
    }
    nextDraw = now + INTERVAL;
    StringBuilder line = new StringBuilder(label).append(' ').append(done);
    if (total > 0) {
      line.append('/').append(total).append(' ').append(unit)
          .append(String.format(" (%.0f%%)", 100.0 * Math.min(done, total) / total));
    } else {
      line.append(' ').append(unit);
    }
    line.append(String.format(", %.1f s", (now - start) / 1e9));
    if (detail != null && !detail.isEmpty()) {
      line.append(", ").append(detail);
    }
    draw(line.toString());
  }

  private void draw(String line) {
    int pad = Math.max(0, width - line.length());
    err.print('\r' + line + " ".repeat(pad));
    err.flush();
    width = line.length();
  }

  /** Erases the line if one was drawn, so the result that follows starts clean. */
  @Override
  public void close() {
    if (width > 0) {
      err.print('\r' + " ".repeat(width) + '\r');
      err.flush();
      width = 0;
    }
  }
}
