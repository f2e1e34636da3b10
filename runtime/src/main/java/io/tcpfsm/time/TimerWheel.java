package io.tcpfsm.time;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A single-threaded hashed timing wheel (Varghese and Lauck, "Hashed and Hierarchical Timing
 * Wheels", 1987; the scheme of Netty's {@code HashedWheelTimer}, without its worker thread).
 *
 * <p>Time is divided into ticks of {@code tickNanos} from an origin. A timer whose deadline falls
 * in tick {@code t} sits in bucket {@code t & (buckets - 1)}; each bucket is an intrusive doubly
 * linked list threaded through the {@link Timer} handles themselves, so scheduling, rescheduling
 * and cancelling are O(1) and allocate nothing. A timer more than one revolution ahead shares its
 * bucket with nearer ones and waits out its {@linkplain Timer#remainingRounds() remaining rounds}.
 *
 * <p>Nothing here reads a clock: {@link #advance(long)} is given the time and runs every timer
 * whose deadline is at or before it, in deadline order (ties in the order they were scheduled),
 * never before its deadline. A poll loop sleeps until {@link #nextDeadline()}.
 *
 * <p>Not thread-safe: one event loop owns a wheel and its timers.
 */
public final class TimerWheel {
  /** What {@link #nextDeadline()} returns when no timer is scheduled. */
  public static final long NO_DEADLINE = Long.MAX_VALUE;

  /** The action of a timer; {@code nowNanos} is the time given to {@link #advance(long)}. */
  @FunctionalInterface
  public interface Task {
    void run(long nowNanos);
  }

  private static final int IDLE = 0;
  private static final int SCHEDULED = 1;
  private static final int DUE = 2;

  private static final Comparator<Timer> DEADLINE_ORDER =
      Comparator.comparingLong((Timer t) -> t.deadline).thenComparingLong(t -> t.seq);

  private final long origin;
  private final long tickNanos;
  private final int mask;
  private final int shift;
  private final Timer[] heads;
  /** Every scheduled timer's tick is at least this; ticks below it are done. */
  private long cursor;
  private int size;
  private long seq;
  private Timer[] due = new Timer[16];
  private int dueCount;
  private boolean advancing;
  private long cachedNext = NO_DEADLINE;
  private boolean cacheValid = true;
  /**
   * No scheduled timer's deadline is below this (cancelling or moving a timer later leaves it a
   * bound), so an {@code advance} before it has nothing to run and scans no bucket: a host with
   * many idle connections pays nothing per packet for their timers.
   */
  private long lowerBound = NO_DEADLINE;

  /**
   * @param tickNanos the length of one tick (the wheel's resolution for scanning, not for
   *     firing: timers fire at their exact deadline or at the first {@code advance} after it)
   * @param buckets a power of two
   * @param originNanos the time of tick 0, usually the clock's value when the wheel is made
   */
  public TimerWheel(long tickNanos, int buckets, long originNanos) {
    if (tickNanos <= 0) {
      throw new IllegalArgumentException("tick must be positive: " + tickNanos);
    }
    if (buckets <= 0 || Integer.bitCount(buckets) != 1) {
      throw new IllegalArgumentException("buckets must be a power of two: " + buckets);
    }
    this.origin = originNanos;
    this.tickNanos = tickNanos;
    this.mask = buckets - 1;
    this.shift = Integer.numberOfTrailingZeros(buckets);
    this.heads = new Timer[buckets];
  }

  /** A new idle timer that runs {@code task}; schedule it (and again, as often as needed). */
  public Timer timer(Task task) {
    if (task == null) {
      throw new NullPointerException("task");
    }
    return new Timer(this, task);
  }

  /** Scheduled timers (those not yet run or cancelled). */
  public int size() {
    return size + pendingInBatch();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  public int buckets() {
    return heads.length;
  }

  public long tickNanos() {
    return tickNanos;
  }

  /** Timers linked in bucket {@code index}; for tests of the wheel's bookkeeping. */
  int bucketLength(int index) {
    int n = 0;
    for (Timer t = heads[index]; t != null; t = t.next) {
      n++;
    }
    return n;
  }

  /**
   * Runs, in deadline order, every timer whose deadline is {@code <= nowNanos}, and returns how
   * many ran. A task may schedule or cancel any timer, itself included; a timer it schedules at
   * or before {@code nowNanos} runs at the next {@code advance}, which {@link #nextDeadline()}
   * announces. If a task throws, the timers not yet run stay scheduled and the exception
   * propagates.
   */
  public int advance(long nowNanos) {
    if (advancing) {
      throw new IllegalStateException("advance called from a timer task");
    }
    long target = Math.max(tickOf(nowNanos), cursor);
    if (nowNanos < lowerBound) {
      cursor = target; // every timer's deadline is after nowNanos, so its tick is at least target
      return 0;
    }
    long visits = Math.min(target - cursor + 1, heads.length);
    for (long i = 0; i < visits; i++) {
      int b = (int) ((cursor + i) & mask);
      Timer t = heads[b];
      while (t != null) {
        Timer next = t.next;
        if (t.deadline <= nowNanos) {
          unlink(t);
          t.state = DUE;
          addDue(t);
        }
        t = next;
      }
    }
    cursor = target;
    // Every timer left has a deadline after nowNanos; those the tasks schedule lower the bound.
    lowerBound = nowNanos == Long.MAX_VALUE ? nowNanos : nowNanos + 1;
    if (dueCount == 0) {
      return 0;
    }
    cacheValid = false;
    Arrays.sort(due, 0, dueCount, DEADLINE_ORDER);
    int ran = 0;
    advancing = true;
    int i = 0;
    try {
      for (; i < dueCount; i++) {
        Timer t = due[i];
        if (t.state == DUE) { // a task before it may have cancelled or rescheduled it
          t.state = IDLE;
          ran++;
          t.task.run(nowNanos);
        }
      }
    } finally {
      advancing = false;
      for (int j = 0; j < dueCount; j++) {
        Timer t = due[j];
        due[j] = null;
        if (j > i && t.state == DUE) {
          t.state = IDLE;
          schedule(t, t.deadline); // a task threw: the rest stay pending
        }
      }
      dueCount = 0;
    }
    return ran;
  }

  /**
   * The earliest deadline of a scheduled timer, or {@link #NO_DEADLINE}. Kept up to date in O(1)
   * when timers are added; after a cancel of the earliest timer or an {@code advance} that ran
   * timers, one call scans at most one revolution of buckets.
   */
  public long nextDeadline() {
    if (size == 0) {
      return NO_DEADLINE;
    }
    if (!cacheValid) {
      cachedNext = scanEarliest();
      cacheValid = true;
    }
    return cachedNext;
  }

  private long scanEarliest() {
    // Buckets in tick order from the cursor: the first tick that holds a timer of its own
    // revolution holds the earliest deadline, since every later tick's deadlines are later.
    for (int i = 0; i < heads.length; i++) {
      long tick = cursor + i;
      long best = NO_DEADLINE;
      for (Timer t = heads[(int) (tick & mask)]; t != null; t = t.next) {
        if (t.tick == tick && t.deadline < best) {
          best = t.deadline;
        }
      }
      if (best != NO_DEADLINE) {
        return best;
      }
    }
    long best = NO_DEADLINE; // everything is at least one revolution away
    for (Timer head : heads) {
      for (Timer t = head; t != null; t = t.next) {
        best = Math.min(best, t.deadline);
      }
    }
    return best;
  }

  private int pendingInBatch() {
    int n = 0;
    for (int i = 0; i < dueCount; i++) {
      if (due[i].state == DUE) {
        n++;
      }
    }
    return n;
  }

  private long tickOf(long nanos) {
    long rel = nanos - origin;
    if (((nanos ^ origin) & (nanos ^ rel)) < 0) { // overflow: saturate
      rel = nanos > origin ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return Math.floorDiv(rel, tickNanos);
  }

  private void schedule(Timer t, long deadline) {
    if (t.state == SCHEDULED) {
      unlink(t);
      if (cacheValid && t.deadline == cachedNext) {
        cacheValid = false; // it may have been the earliest: moving it later must not leave it cached
      }
    }
    t.deadline = deadline;
    t.seq = seq++;
    t.tick = Math.max(tickOf(deadline), cursor); // a deadline already past goes in the current tick
    t.state = SCHEDULED;
    int b = (int) (t.tick & mask);
    Timer head = heads[b];
    t.prev = null;
    t.next = head;
    if (head != null) {
      head.prev = t;
    }
    heads[b] = t;
    size++;
    lowerBound = Math.min(lowerBound, deadline);
    if (cacheValid && deadline < cachedNext) {
      cachedNext = deadline;
    }
  }

  private boolean cancel(Timer t) {
    switch (t.state) {
      case SCHEDULED:
        unlink(t);
        t.state = IDLE;
        if (cacheValid && t.deadline == cachedNext) {
          cacheValid = false;
        }
        return true;
      case DUE:
        t.state = IDLE; // the running batch skips it
        return true;
      default:
        return false;
    }
  }

  private void unlink(Timer t) {
    Timer p = t.prev;
    Timer n = t.next;
    if (p == null) {
      heads[(int) (t.tick & mask)] = n;
    } else {
      p.next = n;
    }
    if (n != null) {
      n.prev = p;
    }
    t.prev = null;
    t.next = null;
    size--;
  }

  private void addDue(Timer t) {
    if (dueCount == due.length) {
      due = Arrays.copyOf(due, dueCount * 2);
    }
    due[dueCount++] = t;
  }

  /**
   * A reusable timer of one wheel: it holds its own list links, so scheduling it again or
   * cancelling it allocates nothing, and a cancelled timer leaves nothing behind in the wheel.
   */
  public static final class Timer {
    private final TimerWheel wheel;
    private final Task task;
    private Timer prev;
    private Timer next;
    private long deadline;
    private long tick;
    private long seq;
    private int state = IDLE;

    private Timer(TimerWheel wheel, Task task) {
      this.wheel = wheel;
      this.task = task;
    }

    /** Schedules (or reschedules) the timer to run at {@code deadlineNanos}. */
    public void schedule(long deadlineNanos) {
      wheel.schedule(this, deadlineNanos);
    }

    /** Stops the timer if it is pending; returns whether it was. */
    public boolean cancel() {
      return wheel.cancel(this);
    }

    /** Whether the timer will run unless cancelled. */
    public boolean isScheduled() {
      return state != IDLE;
    }

    /** The deadline last given to {@link #schedule(long)}. */
    public long deadline() {
      return deadline;
    }

    /** Whole revolutions the wheel must still make before this timer's bucket is its turn. */
    public long remainingRounds() {
      return state == IDLE ? 0 : Math.max(0, tick - wheel.cursor) >> wheel.shift;
    }
  }
}
