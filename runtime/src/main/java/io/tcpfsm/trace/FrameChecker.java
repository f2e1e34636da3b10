package io.tcpfsm.trace;

import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.RecordView;

/**
 * What a reader of captures feeds frames to: {@link TraceChecker} on the caller's thread, or {@link
 * ParallelTraceChecker} with threads of its own. Verdicts go to the consumer given at construction.
 */
public interface FrameChecker extends AutoCloseable {
  /** One decoded frame, numbered from 1 in its capture, at {@code time} nanoseconds since the epoch. */
  void accept(Frame f, long frameNumber, long time);

  /** The common frame without decoding it; false for one the caller must decode and pass to the other accept. */
  boolean accept(RecordView view, long frameNumber);

  /** Hands on every verdict still owed: the capture has ended. */
  void finish();

  long connections();

  long tcpFrames();

  long ignoredFrames();

  /** The rules and cells the frames so far exercised. */
  Coverage coverage();

  /** Releases what the checker holds (its threads, if any); after {@link #finish} that is nothing. */
  @Override
  default void close() {}

  /** As {@link TraceChecker#minTimeWait}; before the first frame. */
  FrameChecker minTimeWait(long nanos);
}
