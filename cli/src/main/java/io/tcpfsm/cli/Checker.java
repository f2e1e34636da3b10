package io.tcpfsm.cli;

import io.tcpfsm.machine.TcpMachine;
import io.tcpfsm.trace.FrameChecker;
import io.tcpfsm.trace.ParallelTraceChecker;
import io.tcpfsm.trace.TraceChecker;
import io.tcpfsm.trace.Verdict;
import java.util.function.Consumer;

/** Which checker {@code trace} feeds frames to. */
final class Checker {
  private Checker() {}

  /**
   * {@code threads} 0: all on the caller's thread; more: a {@link ParallelTraceChecker} with that many.
   * {@code coverage}: every hypothesis of every connection is run ({@link TraceChecker.Mode#FULL}), since
   * coverage counts the cells of them all; otherwise the tiered checks, with the same verdicts.
   */
  static FrameChecker of(TcpMachine machine, int threads, Consumer<Verdict> out, boolean coverage) {
    TraceChecker.Mode mode = coverage ? TraceChecker.Mode.FULL : TraceChecker.Mode.TIERED;
    return threads == 0 ? new TraceChecker(machine, out, mode) : new ParallelTraceChecker(machine, threads, out, mode);
  }
}
