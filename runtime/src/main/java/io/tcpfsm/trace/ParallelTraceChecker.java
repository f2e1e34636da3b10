package io.tcpfsm.trace;

import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.RecordView;
import io.tcpfsm.machine.TcpMachine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A capture checked on several cores while the caller's thread reads and decodes it: connections are
 * split by the 4-tuple's hash (the same both ways) among {@link #PARTITIONS} checkers, each a
 * {@link TraceChecker} fed its frames in capture order, and a pool of threads runs whichever
 * partition has frames waiting; so does the caller's thread while it waits for a batch's verdicts.
 * More partitions than threads keep every thread busy: with one checker per thread, a thread that
 * fell behind (its core shared with the reader for a while) left the other waiting for frames the
 * reader could not hand out until the slow one caught up, 15 % of the two cores idle on capture B
 * (BENCHMARKS.md, "Trace checking").
 *
 * <p>The output depends neither on thread timing nor on the number of threads: frames go out in
 * batches ({@link #BATCH} frames), and each batch's verdicts are handed to {@code out} on the
 * caller's thread in the order of the frames that retired them (a frame belongs to one partition,
 * whose verdicts keep their order); those of {@link #finish} in the order of their connections'
 * first frames, as a single checker's. The checker holds no global state, so a connection's verdict
 * does not depend on the split, with one exception: each partition retires its closed connections on
 * its own bound ({@link TraceChecker#RETIRE_AFTER_NANOS}, or its share of {@code MAX_RETIRING}), so
 * a frame that comes after its connection closed can meet it retired here and still open in a single
 * checker. Memory is bounded: at most {@link #IN_FLIGHT} batches are out at once, and the
 * partitions share a single checker's bounds on closed connections and kept frames.
 */
public final class ParallelTraceChecker implements FrameChecker {
  static final int BATCH = 2048;
  /**
   * Batches handed out whose verdicts are not yet collected: enough that a thread that finished its
   * share of them finds more while another is still on the oldest (4 left a tenth of the two cores
   * idle on capture B, 16 about half that, for 3 MB more).
   */
  static final int IN_FLIGHT = 16;
  /** Checkers the connections are split among: several per thread, so that no thread waits while another has work. */
  static final int PARTITIONS = 16;
  private static final TcpFrame[] FINISH = new TcpFrame[0];

  private final Consumer<Verdict> out;
  private final Partition[] partitions;
  private final Thread[] threads;
  /** Partitions with frames waiting, each listed at most once ({@link Partition#scheduled}). */
  private final BlockingQueue<Partition> ready = new LinkedBlockingQueue<>();
  private final List<List<TcpFrame>> pending = new ArrayList<>();
  private final Coverage coverage;
  private final int batch;
  private int inBatch;
  private int batchesOut;
  /** Closed: the threads were stopped, and results they will not produce must not be waited for. */
  private boolean closed;
  private long connections;
  private long tcpFrames;
  private long ignored;

  /** A verdict and the frame that retired it ({@link Long#MAX_VALUE} at the end: then ordered by first frame). */
  private record Emitted(long frame, Verdict verdict) {}

  /** What one partition returns for one batch: its verdicts, and its checker's counts after it. */
  private record Result(List<Emitted> verdicts, long connections, long tcpFrames, long ignored, Throwable failure) {}

  /** {@code threads} threads checking for {@code machine}, each verdict handed to {@code out} on the caller's thread. */
  public ParallelTraceChecker(TcpMachine machine, int threads, Consumer<Verdict> out) {
    this(machine, threads, BATCH, out, TraceChecker.Mode.TIERED);
  }

  /** As above, each partition's checker of {@code mode} ({@link TraceChecker.Mode#FULL} where coverage is wanted). */
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
    partitions = new Partition[PARTITIONS];
    for (int i = 0; i < PARTITIONS; i++) {
      partitions[i] = new Partition(machine, mode);
      pending.add(new ArrayList<>());
    }
    this.threads = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::work, "tcpfsm-trace-" + i);
      t.setDaemon(true);
      this.threads[i] = t;
      t.start();
    }
  }

  /** As {@link TraceChecker#minTimeWait}, for every partition's checker; before the first frame. */
  public ParallelTraceChecker minTimeWait(long nanos) {
    for (Partition p : partitions) {
      p.checker.minTimeWait(nanos);
    }
    return this;
  }

  /** Closed connections kept for late segments, {@code total} for all partitions (tests use few, so that the bound decides when verdicts go out); before the first frame. */
  ParallelTraceChecker maxRetiring(int total) {
    for (Partition p : partitions) {
      p.checker.maxRetiring = Math.max(1, total / PARTITIONS);
    }
    return this;
  }

  /** As {@link TraceChecker#accept}: decoded here, checked by the connection's partition. */
  @Override
  public void accept(Frame f, long frameNumber, long time) {
    enqueue(TcpFrame.of(f, frameNumber, time));
  }

  /** As {@link TraceChecker#accept(RecordView, long)}: false, having done nothing, for a frame the caller must decode. */
  @Override
  public boolean accept(RecordView view, long frameNumber) {
    TcpFrame t = FastFrames.of(view, frameNumber);
    if (t == null) {
      return false;
    }
    enqueue(t);
    return true;
  }

  /** {@code t} (null: a frame that is not TCP, still counted in the batch) to its connection's partition. */
  private void enqueue(TcpFrame t) {
    if (t != null) {
      pending.get(t.flowHash() & (PARTITIONS - 1)).add(t);
    }
    if (++inBatch == batch) {
      flush();
    }
  }

  private void flush() {
    for (int i = 0; i < PARTITIONS; i++) {
      List<TcpFrame> l = pending.get(i);
      submit(partitions[i], l.toArray(new TcpFrame[0])); // every partition, frames or not: its result marks the batch done there
      l.clear();
    }
    inBatch = 0;
    if (++batchesOut > IN_FLIGHT) {
      drainOne();
    }
  }

  private void submit(Partition p, TcpFrame[] frames) {
    synchronized (p) {
      p.inbox.add(frames);
      if (p.scheduled) {
        return;
      }
      p.scheduled = true;
    }
    ready.add(p);
  }

  /** The oldest batch's results, merged and handed on. */
  private void drainOne() {
    List<Emitted> all = new ArrayList<>();
    long conns = 0;
    long frames = 0;
    long ign = 0;
    for (Partition p : partitions) {
      Result r = take(p);
      if (r.failure() != null) {
        close();
        throw new IllegalStateException("a checker thread failed: " + r.failure(), r.failure());
      }
      all.addAll(r.verdicts()); // partitions in index order: the sort below is stable
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

  /** As {@link TraceChecker#finish}: every verdict still owed; nothing once closed (a thread failed). */
  @Override
  public void finish() {
    if (closed) {
      return;
    }
    flush();
    while (batchesOut > 0) {
      drainOne();
    }
    for (Partition p : partitions) {
      submit(p, FINISH);
    }
    // The last results: each partition's remaining verdicts, which a single checker orders by first frame.
    List<Emitted> all = new ArrayList<>();
    for (Partition p : partitions) {
      Result r = take(p);
      if (r.failure() != null) {
        close();
        throw new IllegalStateException("a checker thread failed: " + r.failure(), r.failure());
      }
      all.addAll(r.verdicts());
    }
    all.sort(Comparator.comparingLong((Emitted e) -> e.frame()).thenComparingLong(e -> e.verdict().firstFrame()));
    for (Emitted e : all) {
      out.accept(e.verdict());
    }
    long conns = 0;
    long frames = 0;
    long ign = 0;
    for (Partition p : partitions) {
      conns += p.checker.connections();
      frames += p.checker.tcpFrames();
      ign += p.checker.ignoredFrames();
      coverage.add(p.checker.coverage());
    }
    connections = conns;
    tcpFrames = frames;
    ignored = ign;
    close(); // the threads have nothing left to do
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

  /** What every partition's frames exercised; complete after {@link #finish}. */
  @Override
  public Coverage coverage() {
    return coverage;
  }

  /** Stops the threads. */
  @Override
  public void close() {
    closed = true;
    for (Thread t : threads) {
      t.interrupt();
    }
  }

  /**
   * The result of {@code p}'s oldest batch not yet taken. Until it is ready the caller's thread checks
   * too, running partitions that wait for a thread, rather than sleep while there is work: the
   * reader's thread is then never idle, and one pool thread keeps a second core busy. Only this
   * thread lists partitions as ready, so once none is, it can wait for {@code p} without missing work.
   */
  private Result take(Partition p) {
    while (true) {
      Result r = p.poll();
      if (r != null) {
        return r;
      }
      Partition q = ready.poll();
      if (q == null) {
        return p.take();
      }
      runAll(q);
    }
  }

  /** A pool thread: runs ready partitions until closed. */
  private void work() {
    try {
      while (true) {
        runAll(ready.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closed
    }
  }

  /** Runs {@code p}'s waiting batches, in order, until none is left (it is then no longer listed). */
  private static void runAll(Partition p) {
    while (true) {
      TcpFrame[] frames;
      synchronized (p) {
        frames = p.inbox.poll();
        if (frames == null) {
          p.scheduled = false;
          return;
        }
      }
      p.put(p.run(frames));
    }
  }

  /** One checker, its batches waiting and its results not yet collected; run by one pool thread at a time. */
  private static final class Partition {
    final TraceChecker checker;
    /** Guarded by this, as {@link #results} and {@link #scheduled}. */
    final ArrayDeque<TcpFrame[]> inbox = new ArrayDeque<>();
    private final ArrayDeque<Result> results = new ArrayDeque<>();
    /** Listed in {@code ready}, or being run: a batch added now will be run without listing it again. */
    boolean scheduled;
    private final List<Emitted> emitted = new ArrayList<>();
    /** The frame being checked, which retires the verdicts it hands on. */
    private long frame;
    /** Set by the thread that ran the failing batch; later batches are passed over (and still answered, so the reader never waits forever). */
    private Throwable failure;

    Partition(TcpMachine machine, TraceChecker.Mode mode) {
      // each partition's share of a single checker's bounds on closed connections and kept frames
      checker = new TraceChecker(machine, v -> emitted.add(new Emitted(frame, v)), false, mode, Math.max(1, ReplayBuffer.MAX_TOTAL / PARTITIONS));
      checker.maxRetiring = Math.max(1, TraceChecker.MAX_RETIRING / PARTITIONS);
    }

    /** Checks one batch of this partition's frames ({@link #FINISH}: the end of the capture). */
    Result run(TcpFrame[] frames) {
      if (failure == null) {
        try {
          if (frames == FINISH) {
            frame = Long.MAX_VALUE;
            checker.finish();
          } else {
            for (TcpFrame t : frames) {
              frame = t.segment().frame();
              checker.accept(t);
            }
          }
        } catch (RuntimeException | Error e) {
          failure = e;
        }
      }
      if (failure != null) {
        return new Result(List.of(), 0, 0, 0, failure);
      }
      Result r = new Result(new ArrayList<>(emitted), checker.connections(), checker.tcpFrames(), checker.ignoredFrames(), null);
      emitted.clear();
      return r;
    }

    synchronized void put(Result r) {
      results.add(r);
      notifyAll();
    }

    /** The result of this partition's oldest batch not yet taken, or null if it is not ready. */
    synchronized Result poll() {
      return results.poll();
    }

    /** The result of this partition's oldest batch not yet taken, once it is ready. */
    synchronized Result take() {
      while (results.isEmpty()) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      return results.poll();
    }
  }
}
