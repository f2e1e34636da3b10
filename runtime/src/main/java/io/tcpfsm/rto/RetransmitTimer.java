package io.tcpfsm.rto;

/**
 * When the retransmission timer of one connection should expire, managed by the algorithm RFC
 * 6298 section 5 recommends (rules 5.1 to 5.6), with the RTO from an {@link RtoEstimator}. It
 * holds a deadline only: the caller puts that deadline on a timer wheel and reports back here.
 * Times are nanoseconds, given by the caller.
 */
public final class RetransmitTimer {
  /** {@link #deadline()} of a timer that is not running. */
  public static final long NOT_RUNNING = Long.MAX_VALUE;

  private final RtoEstimator estimator;
  private long deadline = NOT_RUNNING;
  private boolean awaitingSyn;
  private boolean synExpired;

  public RetransmitTimer(RtoEstimator estimator) {
    this.estimator = estimator;
  }

  public RtoEstimator estimator() {
    return estimator;
  }

  public boolean isRunning() {
    return deadline != NOT_RUNNING;
  }

  /** When the timer expires, or {@link #NOT_RUNNING}. */
  public long deadline() {
    return deadline;
  }

  /**
   * A segment that occupies sequence space was sent at {@code now} (a retransmission too); a SYN
   * is marked so that rule 5.7 can apply. RFC 6298 (5.1): "Every time a packet containing data
   * is sent (including a retransmission), if the timer is not running, start it running so that
   * it will expire after RTO seconds (for the current value of RTO)."
   */
  public void sent(long now, boolean syn) {
    awaitingSyn |= syn;
    if (!isRunning()) {
      deadline = now + estimator.rto();
    }
  }

  /**
   * An acceptable ACK arrived at {@code now}. RFC 6298 (5.2): "When all outstanding data has been
   * acknowledged, turn off the retransmission timer." (5.3): "When an ACK is received that
   * acknowledges new data, restart the retransmission timer so that it will expire after RTO
   * seconds (for the current value of RTO)."
   */
  public void acknowledged(long now, boolean newData, boolean allAcknowledged) {
    if (allAcknowledged) {
      deadline = NOT_RUNNING;
      awaitingSyn = false;
    } else if (newData) {
      deadline = now + estimator.rto();
      awaitingSyn = false;
    }
  }

  /**
   * The timer fired at {@code now}. Returns whether the caller must now retransmit the earliest
   * unacknowledged segment (5.4); false if the timer is not running or {@code now} is before its
   * deadline, since "a segment is never retransmitted too early, i.e., less than one RTO after the
   * previous transmission of that segment" (section 5). On expiry the RTO is doubled (5.5) and
   * the timer restarted with it (5.6): "Start the retransmission timer, such that it expires
   * after RTO seconds (for the value of RTO after the doubling operation outlined in 5.5)."
   */
  public boolean expired(long now) {
    if (!isRunning() || now < deadline) {
      return false;
    }
    synExpired |= awaitingSyn;
    estimator.backoff();
    deadline = now + estimator.rto();
    return true;
  }

  /** The three-way handshake completed: applies rule 5.7 if a SYN's timer expired. */
  public void handshakeCompleted() {
    estimator.handshakeCompleted(synExpired);
    synExpired = false;
    awaitingSyn = false;
  }
}
