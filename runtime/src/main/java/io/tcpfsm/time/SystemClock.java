package io.tcpfsm.time;

/** The JVM's monotonic clock, {@link System#nanoTime()}. */
public final class SystemClock implements Clock {
  public static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public long nanos() {
    return System.nanoTime();
  }
}
