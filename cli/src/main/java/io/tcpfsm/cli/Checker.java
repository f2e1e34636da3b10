package io.tcpfsm.cli;

import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.RecordView;
import io.tcpfsm.machine.TcpMachine;
import io.tcpfsm.trace.Coverage;
import io.tcpfsm.trace.ParallelTraceChecker;
import io.tcpfsm.trace.TraceChecker;
import io.tcpfsm.trace.Verdict;
import java.util.function.Consumer;

/** What {@code trace} feeds frames to: a {@link TraceChecker} on this thread, or a {@link ParallelTraceChecker} with threads of its own. */
interface Checker {
  void accept(Frame f, long frameNumber, long time);

  /** The common frame without decoding it; false for one the caller must decode and pass to the other accept. */
  boolean accept(RecordView view, long frameNumber);

  /** Hands on every verdict still owed (and ends the checker's threads). */
  void finish();

  long connections();

  Coverage coverage();

  /** {@code threads} 0: all on the caller's thread. */
  static Checker of(TcpMachine machine, int threads, Consumer<Verdict> out) {
    if (threads == 0) {
      TraceChecker c = new TraceChecker(machine, out);
      return new Checker() {
        @Override
        public void accept(Frame f, long frameNumber, long time) {
          c.accept(f, frameNumber, time);
        }

        @Override
        public boolean accept(RecordView view, long frameNumber) {
          return c.accept(view, frameNumber);
        }

        @Override
        public void finish() {
          c.finish();
        }

        @Override
        public long connections() {
          return c.connections();
        }

        @Override
        public Coverage coverage() {
          return c.coverage();
        }
      };
    }
    ParallelTraceChecker c = new ParallelTraceChecker(machine, threads, out);
    return new Checker() {
      private boolean finished;

      @Override
      public void accept(Frame f, long frameNumber, long time) {
        c.accept(f, frameNumber, time);
      }

      @Override
      public boolean accept(RecordView view, long frameNumber) {
        return c.accept(view, frameNumber);
      }

      @Override
      public void finish() {
        if (!finished) {
          finished = true;
          try {
            c.finish();
          } finally {
            c.close();
          }
        }
      }

      @Override
      public long connections() {
        return c.connections();
      }

      @Override
      public Coverage coverage() {
        return c.coverage();
      }
    };
  }
}
