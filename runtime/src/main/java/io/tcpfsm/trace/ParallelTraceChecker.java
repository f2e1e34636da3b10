package io.tcpfsm.trace;

import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.RecordView;
import io.tcpfsm.machine.TcpMachine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * A {@link TraceChecker} per thread, frames split among them by connection (the 4-tuple's hash,
 * the same both ways), so a capture is checked on several cores while the caller's thread reads
 * and decodes it. The checker holds no global state, so a connection's verdict does not depend on
 * the split, with one exception: each thread retires its closed connections on its own bound
 * ({@link TraceChecker#RETIRE_AFTER_NANOS}, or its share of {@code MAX_RETIRING}), so a frame that comes
 * after a connection closed can meet it retired in one layout and still open in another.
 *
 * <p>The output does not depend on thread timing: frames go out in batches ({@link #BATCH} frames), and
 * each batch's verdicts are handed to {@code out} on the caller's thread, in the order of the
 * frames that retired them (threads in index order for the same frame); those of {@link #finish}
 * in the order of their connections' first frames, as a single checker's. Memory is bounded:
 * at most {@link #IN_FLIGHT} batches wait per thread.
 */
public final class ParallelTraceChecker implements FrameChecker {
  static final int BATCH = 2048;
  static final int IN_FLIGHT = 3;
  private static final TcpFrame[] FINISH = new TcpFrame[0];

  private final Consumer<Verdict> out;
  private final Worker[] workers;
  private final List<List<TcpFrame>> pending = new ArrayList<>();
  private final Coverage coverage;
  private final int batch;
  private int inBatch;
  private int batchesOut;
  /** Closed: the threads were stopped, and queues they no longer take from must not be waited on. */
  private boolean closed;
  private long connections;
  private long tcpFrames;
  private long ignored;

  /** A verdict and the frame that retired it ({@link Long#MAX_VALUE} at the end: then ordered by first frame). */
  private record Emitted(long frame, Verdict verdict) {}

  /** What one thread returns for one batch. */
  private record Result(List<Emitted> verdicts, long connections, long tcpFrames, long ignored, Throwable failure) {}

  /** {@code threads} checkers for {@code machine}, each verdict handed to {@code out} on the caller's thread. */
  public ParallelTraceChecker(TcpMachine machine, int threads, Consumer<Verdict> out) {
    this(machine, threads, BATCH, out, TraceChecker.Mode.TIERED);
  }

  /** As above, each thread's checker of {@code mode} ({@link TraceChecker.Mode#FULL} where coverage is wanted). */
  public ParallelTraceChecker(TcpMachine machine, int threads, Consumer<Verdict> out, TraceChecker.Mode mode) {
    this(machine, threads, BATCH, out, mode);
  }

  ParallelTraceChecker(TcpMachine machine, int threads, int batch, Consumer<Verdict> out) {
    this(machine, threads, batch, out, TraceChecker.Mode.TIERED);
  }

  /** With batches of {@code batch} frames (tests use small ones, to cross batch boundaries often). */
  ParallelTraceChecker(TcpMachine machine, int threads, int batch, Consumer<Verdict> out, TraceChecker.Mode mode) {
    if (threads < 1 || batch < 1) {
      throw new IllegalArgumentException("threads and batch must be positive: " + threads + ", " + batch);
    }
    this.batch = batch;
    this.out = out;
    this.coverage = new Coverage(machine);
    workers = new Worker[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Worker(machine, i, mode, threads);
      workers[i].checker.maxRetiring = Math.max(1, TraceChecker.MAX_RETIRING / threads); // memory as a single checker's
      pending.add(new ArrayList<>());
      workers[i].thread.start();
    }
  }

  /** As {@link TraceChecker#minTimeWait}, for every thread's checker; before the first frame. */
  public ParallelTraceChecker minTimeWait(long nanos) {
    for (Worker w : workers) {
      w.checker.minTimeWait(nanos);
    }
    return this;
  }

  /** As {@link TraceChecker#accept}: decoded here, checked on the connection's thread. */
  @Override
  public void accept(Frame f, long frameNumber, long time) {
    TcpFrame t = TcpFrame.of(f, frameNumber, time);
    if (t != null) {
      pending.get(Math.floorMod(t.flowHash(), workers.length)).add(t);
    }
    if (++inBatch == batch) {
      flush();
    }
  }

  /** As {@link TraceChecker#accept(RecordView, long)}: false, having done nothing, for a frame the caller must decode. */
  @Override
  public boolean accept(RecordView view, long frameNumber) {
    TcpFrame t = FastFrames.of(view, frameNumber);
    if (t == null) {
      return false;
    }
    pending.get(Math.floorMod(t.flowHash(), workers.length)).add(t);
    if (++inBatch == batch) {
      flush();
    }
    return true;
  }

  private void flush() {
    for (int i = 0; i < workers.length; i++) {
      List<TcpFrame> l = pending.get(i);
      put(workers[i].in, l.toArray(new TcpFrame[0]));
      l.clear();
    }
    inBatch = 0;
    if (++batchesOut >= IN_FLIGHT) {
      drainOne();
    }
  }

  /** The results of the oldest batch out, merged and handed on. */
  private void drainOne() {
    List<Emitted> all = new ArrayList<>();
    long conns = 0;
    long frames = 0;
    long ign = 0;
    for (Worker w : workers) {
      Result r = take(w.out);
      if (r.failure() != null) {
        close();
        throw new IllegalStateException("a checker thread failed: " + r.failure(), r.failure());
      }
      all.addAll(r.verdicts()); // threads in index order: the sort below is stable
      conns += r.connections();
      frames += r.tcpFrames();
      ign += r.ignored();
    }
    all.sort(Comparator.comparingLong(Emitted::frame));
    for (Emitted e : all) {
      out.accept(e.verdict());
    }
    connections = conns;
    tcpFrames = frames;
    ignored = ign;
    batchesOut--;
  }

  /** As {@link TraceChecker#finish}: every verdict still owed, then the threads end; nothing once closed (a thread failed). */
  @Override
  public void finish() {
    if (closed) {
      return;
    }
    flush();
    for (Worker w : workers) {
      put(w.in, FINISH);
    }
    batchesOut++;
    while (batchesOut > 1) {
      drainOne();
    }
    // The last results: each thread's remaining verdicts, which a single checker orders by first frame.
    List<Emitted> all = new ArrayList<>();
    for (Worker w : workers) {
      Result r = take(w.out);
      if (r.failure() != null) {
        throw new IllegalStateException("a checker thread failed: " + r.failure(), r.failure());
      }
      all.addAll(r.verdicts());
    }
    batchesOut = 0;
    all.sort(Comparator.comparingLong((Emitted e) -> e.frame()).thenComparingLong(e -> e.verdict().firstFrame()));
    for (Emitted e : all) {
      out.accept(e.verdict());
    }
    long conns = 0;
    long frames = 0;
    long ign = 0;
    for (Worker w : workers) {
      conns += w.checker.connections();
      frames += w.checker.tcpFrames();
      ign += w.checker.ignoredFrames();
      coverage.add(w.checker.coverage());
    }
    connections = conns;
    tcpFrames = frames;
    ignored = ign;
  }

  /** Connections seen, as of the last batch whose verdicts were handed on (all of them after {@link #finish}). */
  @Override
  public long connections() {
    return connections;
  }

  @Override
  public long tcpFrames() {
    return tcpFrames;
  }

  @Override
  public long ignoredFrames() {
    return ignored;
  }

  /** What every thread's frames exercised; complete after {@link #finish}. */
  @Override
  public Coverage coverage() {
    return coverage;
  }

  /** Stops the threads (after {@link #finish} they have ended already). */
  @Override
  public void close() {
    closed = true;
    for (Worker w : workers) {
      w.thread.interrupt();
    }
  }

  private static <T> void put(BlockingQueue<T> q, T t) {
    try {
      q.put(t);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static <T> T take(BlockingQueue<T> q) {
    try {
      return q.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** One checker and its thread: batches in, each batch's verdicts out, in order. */
  private static final class Worker implements Runnable {
    final BlockingQueue<TcpFrame[]> in = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    final BlockingQueue<Result> out = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    final TraceChecker checker;
    final Thread thread;
    private final ArrayDeque<Emitted> emitted = new ArrayDeque<>();
    private long frame;

    Worker(TcpMachine machine, int index, TraceChecker.Mode mode, int threads) {
      // each thread's share of the frames kept for replays, as of the closed connections: memory as a single checker's
      checker = new TraceChecker(machine, v -> emitted.add(new Emitted(frame, v)), false, mode, Math.max(1, ReplayBuffer.MAX_TOTAL / threads));
      thread = new Thread(this, "tcpfsm-trace-" + index);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      Throwable failure = null;
      try {
        while (true) {
          TcpFrame[] batch = in.take();
          if (failure == null) {
            try {
              if (batch == FINISH) {
                frame = Long.MAX_VALUE;
                checker.finish();
              } else {
                for (TcpFrame t : batch) {
                  frame = t.segment().frame();
                  checker.accept(t);
                }
              }
            } catch (RuntimeException | Error e) {
              failure = e; // reported with this batch's result; later batches are still taken, so the reader never blocks
            }
          }
          out.put(failure != null ? new Result(List.of(), 0, 0, 0, failure) : result());
          if (batch == FINISH) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private Result result() {
      Result r = new Result(new ArrayList<>(emitted), checker.connections(), checker.tcpFrames(), checker.ignoredFrames(), null);
      emitted.clear();
      return r;
    }
  }
}
