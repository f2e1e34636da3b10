package io.tcpfsm.rto;

import io.tcpfsm.wire.SeqNum;

/**
 * Times one segment per flight, the classic way (RFC 6298 section 3: "Traditionally, TCP
 * implementations have taken one RTT measurement at a time (typically, once per RTT)"), and
 * applies Karn's algorithm: a retransmission abandons the measurement, so no sample ever comes
 * from a segment that was retransmitted. Sequence numbers are 32-bit, compared with
 * {@link SeqNum}; times are nanoseconds given by the caller.
 */
public final class RttSampler {
  /** What {@link #acknowledged} returns when the ACK gives no sample. */
  public static final long NO_SAMPLE = -1;

  private boolean timing;
  private int timedEnd;
  private long sentAt;

  /**
   * A segment ending just before {@code end} (SND.NXT after sending it) was sent at {@code now}.
   * If nothing is being timed and this is a first transmission, it is timed: "A TCP
   * implementation MUST take at least one RTT measurement per RTT (unless that is not possible
   * per Karn's algorithm)". A retransmission abandons the measurement in progress: "RTT samples
   * MUST NOT be made using segments that were retransmitted" (and after a retransmission the ACK
   * of a later segment may have waited for the retransmitted one).
   */
  public void sent(int end, long now, boolean retransmission) {
    if (retransmission) {
      timing = false;
    } else if (!timing) {
      timing = true;
      timedEnd = end;
      sentAt = now;
    }
  }

  /** An ACK up to {@code ack} arrived at {@code now}: the RTT if it covers the timed segment. */
  public long acknowledged(int ack, long now) {
    if (timing && SeqNum.geq(ack, timedEnd)) {
      timing = false;
      return now - sentAt;
    }
    return NO_SAMPLE;
  }

  public boolean isTiming() {
    return timing;
  }
}
