package io.tcpfsm.scenario;

/** Told, as a scenario runs, how far it got: a display for long runs listens (the runner never prints). */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (delivered, expected, virtualNanos) -> { };

  /** {@code delivered} of the {@code expected} bytes have reached the applications, at virtual time {@code virtualNanos}. */
  void progress(long delivered, long expected, long virtualNanos);
}
