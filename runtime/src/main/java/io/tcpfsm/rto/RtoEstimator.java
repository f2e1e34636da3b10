package io.tcpfsm.rto;

/**
 * The retransmission timeout of one connection, computed as RFC 6298 sections 2 to 5 say. Times
 * are nanoseconds; SRTT and RTTVAR are kept as doubles, so alpha and beta are the fractions 1/8
 * and 1/4 (integer division would make both 0 and freeze SRTT at the first sample).
 *
 * <p>Per-connection mutable state; not thread-safe. It reads no clock: the caller measures.
 */
public final class RtoEstimator {
  /** RFC 6298 (2.3): "alpha=1/8 and beta=1/4". */
  static final double ALPHA = 1.0 / 8.0;
  static final double BETA = 1.0 / 4.0;
  /** RFC 6298 (2.2): "where K = 4". */
  static final double K = 4.0;

  private final RtoConfig config;
  private boolean measured;
  private double srtt;
  private double rttvar;
  private long rto;
  private int backoffs;

  public RtoEstimator(RtoConfig config) {
    this.config = config;
    // RFC 6298 (2.1): "Until a round-trip time (RTT) measurement has been made ... the sender
    // SHOULD set RTO <- 1 second".
    this.rto = config.initialNanos();
  }

  public RtoEstimator() {
    this(RtoConfig.RFC6298);
  }

  public RtoConfig config() {
    return config;
  }

  /** The current RTO in nanoseconds. */
  public long rto() {
    return rto;
  }

  /** SRTT in nanoseconds (0 before the first measurement). */
  public double srtt() {
    return srtt;
  }

  /** RTTVAR in nanoseconds (0 before the first measurement). */
  public double rttvar() {
    return rttvar;
  }

  /** Whether SRTT and RTTVAR hold a measurement (false at first and after they were cleared). */
  public boolean hasMeasurement() {
    return measured;
  }

  /** Consecutive backoffs since the last measurement. */
  public int backoffs() {
    return backoffs;
  }

  /**
   * Offers the RTT measured for a segment; returns whether it was used. RFC 6298 section 3:
   * "TCP MUST use Karn's algorithm ... RTT samples MUST NOT be made using segments that were
   * retransmitted", so a sample from a retransmitted segment is ignored.
   */
  public boolean sample(long rttNanos, boolean retransmitted) {
    if (retransmitted) {
      return false;
    }
    update(rttNanos);
    return true;
  }

  /**
   * A sample from the timestamp option (RFC 7323), which RFC 6298 section 3 allows even for
   * retransmitted segments: "the timestamp option removes the ambiguity".
   */
  public void timestampSample(long rttNanos) {
    update(rttNanos);
  }

  private void update(long r) {
    if (r < 0) {
      throw new IllegalArgumentException("negative RTT: " + r);
    }
    if (!measured) {
      // RFC 6298 (2.2): "SRTT <- R, RTTVAR <- R/2".
      srtt = r;
      rttvar = r / 2.0;
      measured = true;
    } else {
      // RFC 6298 (2.3): "RTTVAR <- (1 - beta) * RTTVAR + beta * |SRTT - R'|" then
      // "SRTT <- (1 - alpha) * SRTT + alpha * R'": "The value of SRTT used in the update to
      // RTTVAR is its value before updating SRTT itself".
      rttvar = (1 - BETA) * rttvar + BETA * Math.abs(srtt - r);
      srtt = (1 - ALPHA) * srtt + ALPHA * r;
    }
    // RFC 6298 section 5: after backing off, a new measurement recomputes RTO per section 2,
    // which "may result in 'collapsing' RTO back down".
    backoffs = 0;
    rto = clamp(computed());
  }

  private double computed() {
    // RFC 6298 (2.2), (2.3): "RTO <- SRTT + max (G, K*RTTVAR)"; section 4: "if the K*RTTVAR term
    // in the RTO calculation equals zero, the variance term MUST be rounded to G seconds".
    return srtt + Math.max(config.granularityNanos(), K * rttvar);
  }

  private long clamp(double value) {
    // Round up, never down: section 5, "a segment is never retransmitted too early".
    long v = (long) Math.min(Math.ceil(value), (double) Long.MAX_VALUE);
    // RFC 6298 (2.4): "if it is less than 1 second, then the RTO SHOULD be rounded up to 1 second".
    // RFC 6298 (2.5): "A maximum value MAY be placed on RTO provided it is at least 60 seconds."
    return Math.min(Math.max(v, config.minNanos()), config.maxNanos());
  }

  /**
   * The retransmission timer expired: RFC 6298 (5.5) "The host MUST set RTO <- RTO * 2 ('back
   * off the timer'). The maximum value discussed in (2.5) above may be used to provide an upper
   * bound to this doubling operation." Returns the new RTO. The backed-off value stays until a
   * new measurement (section 5, last notes); after {@link RtoConfig#clearAfterBackoffs()}
   * consecutive backoffs, SRTT and RTTVAR are cleared so the next one is taken per (2.2).
   */
  public long backoff() {
    rto = rto > config.maxNanos() / 2 ? config.maxNanos() : rto * 2;
    backoffs++;
    if (config.clearAfterBackoffs() > 0 && backoffs >= config.clearAfterBackoffs() && measured) {
      measured = false;
      srtt = 0;
      rttvar = 0;
    }
    return rto;
  }

  /**
   * RFC 6298 (5.7): "If the timer expires awaiting the ACK of a SYN segment and the TCP
   * implementation is using an RTO less than 3 seconds, the RTO MUST be re-initialized to 3
   * seconds when data transmission begins (i.e., after the three-way handshake completes)."
   * Call when the handshake completes, saying whether a SYN's timer expired.
   */
  public void handshakeCompleted(boolean synTimerExpired) {
    long three = 3 * RtoConfig.SECOND;
    if (synTimerExpired && rto < three) {
      rto = Math.min(three, config.maxNanos());
    }
  }
}
