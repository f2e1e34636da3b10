package io.tcpfsm.time;

/**
 * A clock that moves only when told to, for deterministic tests and simulations. Not thread-safe:
 * one simulation owns it.
 */
public final class VirtualClock implements Clock {
  private long now;

  /** Starts at 0. */
  public VirtualClock() {
    this(0);
  }

  public VirtualClock(long startNanos) {
    this.now = startNanos;
  }

  @Override
  public long nanos() {
    return now;
  }

  /** Moves time forward by {@code deltaNanos} (zero is allowed) and returns the new time. */
  public long advance(long deltaNanos) {
    if (deltaNanos < 0) {
      throw new IllegalArgumentException("time does not go backwards: " + deltaNanos);
    }
    now = Math.addExact(now, deltaNanos);
    return now;
  }

  /** Sets the time to {@code nanos}, which must not be earlier than now. */
  public void set(long nanos) {
    if (nanos < now) {
      throw new IllegalArgumentException("time does not go backwards: " + nanos + " < " + now);
    }
    now = nanos;
  }
}
