package io.tcpfsm.time;

/**
 * A source of monotonic time in nanoseconds. Components of the runtime never read a clock
 * themselves: the caller reads one and passes the value in, so that tests run on a
 * {@link VirtualClock} and production on the {@link SystemClock} with the same code.
 */
public interface Clock {
  /** Nanoseconds since an arbitrary origin; never decreases. Only differences are meaningful. */
  long nanos();
}
