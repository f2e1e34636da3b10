package io.tcpfsm.rto;

/**
 * The constants of RFC 6298 that an implementation may choose. All times are nanoseconds.
 *
 * @param initialNanos RTO before the first measurement: "the sender SHOULD set RTO <- 1 second"
 *     (2.1), "or any other value > 1 second"
 * @param minNanos the floor: "if it is less than 1 second, then the RTO SHOULD be rounded up to
 *     1 second" (2.4); lower floors (Linux uses 200 ms) are a documented deviation
 * @param maxNanos the ceiling: "A maximum value MAY be placed on RTO provided it is at least 60
 *     seconds" (2.5); it also bounds the doubling of 5.5
 * @param granularityNanos the clock granularity G of section 2 and section 4
 * @param clearAfterBackoffs after this many consecutive backoffs SRTT and RTTVAR are cleared, so
 *     the next sample is taken per (2.2) (section 5: "a TCP implementation MAY clear SRTT and
 *     RTTVAR after backing off the timer multiple times"); 0 never clears
 */
public record RtoConfig(long initialNanos, long minNanos, long maxNanos, long granularityNanos, int clearAfterBackoffs) {
  public static final long SECOND = 1_000_000_000L;
  public static final long MILLISECOND = 1_000_000L;

  /** RFC 6298 as written: 1 s initial and minimum, 60 s maximum, G = 1 ms, never clear. */
  public static final RtoConfig RFC6298 = new RtoConfig(SECOND, SECOND, 60 * SECOND, MILLISECOND, 0);

  public RtoConfig {
    if (initialNanos <= 0 || minNanos < 0 || granularityNanos <= 0 || clearAfterBackoffs < 0) {
      throw new IllegalArgumentException("times must be positive: " + initialNanos + ", " + minNanos + ", " + granularityNanos);
    }
    // RFC 6298 (2.5): "provided it is at least 60 seconds".
    if (maxNanos < 60 * SECOND) {
      throw new IllegalArgumentException("RFC 6298 (2.5): the maximum RTO must be at least 60 s, not " + maxNanos + " ns");
    }
    if (minNanos > maxNanos || initialNanos > maxNanos) {
      throw new IllegalArgumentException("minimum and initial RTO must not exceed the maximum");
    }
  }

  public RtoConfig withInitial(long nanos) {
    return new RtoConfig(nanos, minNanos, maxNanos, granularityNanos, clearAfterBackoffs);
  }

  public RtoConfig withMin(long nanos) {
    return new RtoConfig(initialNanos, nanos, maxNanos, granularityNanos, clearAfterBackoffs);
  }

  public RtoConfig withMax(long nanos) {
    return new RtoConfig(initialNanos, minNanos, nanos, granularityNanos, clearAfterBackoffs);
  }

  public RtoConfig withGranularity(long nanos) {
    return new RtoConfig(initialNanos, minNanos, maxNanos, nanos, clearAfterBackoffs);
  }

  public RtoConfig withClearAfterBackoffs(int n) {
    return new RtoConfig(initialNanos, minNanos, maxNanos, granularityNanos, n);
  }
}
