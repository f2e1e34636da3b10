package io.tcpfsm.congestion;

import io.tcpfsm.wire.SeqNum;

/**
 * RFC 5681 congestion control (slow start, congestion avoidance with byte counting, fast
 * retransmit and fast recovery) with RFC 6582's NewReno modification of fast recovery. Per
 * connection, mutable, not thread-safe.
 */
public final class NewReno implements CongestionControl {
  /** What cwnd becomes on a full acknowledgment (RFC 6582 3.2 step 3 gives the choice). */
  public enum FullAckDeflation {
    /** "(1) min (ssthresh, max(FlightSize, SMSS) + SMSS)": no burst after recovery. */
    MIN_SSTHRESH_FLIGHT_PLUS_SMSS,
    /** "(2) ssthresh". */
    SSTHRESH
  }

  /**
   * The largest window a receiver can advertise (65535 scaled by 2^14, RFC 7323 2.3): RFC 5681
   * 3.1, "The initial value of ssthresh SHOULD be set arbitrarily high (e.g., to the size of the
   * largest possible advertised window)".
   */
  public static final long LARGEST_WINDOW = 65_535L << 14;

  private final FullAckDeflation deflation;
  private long smss;
  private long cwnd;
  private long ssthresh;
  private int recover;
  private boolean inRecovery;
  private boolean firstPartialAck;
  private int duplicateAcks;
  private long bytesCounted;
  private boolean timedOutSinceAck;
  private Reaction last = Reaction.NONE;

  public NewReno(int smss, int iss, long initialSsthresh, FullAckDeflation deflation) {
    if (smss <= 0 || initialSsthresh <= 0) {
      throw new IllegalArgumentException("SMSS and ssthresh must be positive");
    }
    this.smss = smss;
    this.cwnd = initialWindow(smss);
    this.ssthresh = initialSsthresh;
    // RFC 6582 3.2 step 1: "When the TCP protocol control block is initialized, recover is set
    // to the initial send sequence number."
    this.recover = iss;
    this.deflation = deflation;
  }

  /** Initial window per RFC 5681 3.1, ssthresh {@link #LARGEST_WINDOW}, full-ACK option (1). */
  public NewReno(int smss, int iss) {
    this(smss, iss, LARGEST_WINDOW, FullAckDeflation.MIN_SSTHRESH_FLIGHT_PLUS_SMSS);
  }

  /**
   * IW, RFC 5681 3.1 (the formula of RFC 3390): "If SMSS > 2190 bytes: IW = 2 * SMSS bytes ... If
   * (SMSS > 1095 bytes) and (SMSS <= 2190 bytes): IW = 3 * SMSS bytes ... if SMSS <= 1095 bytes:
   * IW = 4 * SMSS bytes".
   */
  public static long initialWindow(long smss) {
    if (smss > 2190) {
      return 2 * smss;
    }
    if (smss > 1095) {
      return 3 * smss;
    }
    return 4 * smss;
  }

  /**
   * The SYN or SYN,ACK was retransmitted: RFC 5681 3.1, "if the SYN or SYN/ACK is lost, the
   * initial window used by a sender after a correctly transmitted SYN MUST be one segment
   * consisting of at most SMSS bytes." Call before sending data.
   */
  public void synRetransmitted() {
    cwnd = Math.min(cwnd, smss);
  }

  /**
   * Path MTU discovery lowered the segment size: RFC 5681 3.1, "cwnd SHOULD be reduced by the
   * ratio of the old segment size to the new segment size."
   */
  public void segmentSizeReduced(int newSmss) {
    if (newSmss <= 0 || newSmss >= smss) {
      throw new IllegalArgumentException("not a reduction: " + smss + " -> " + newSmss);
    }
    cwnd = cwnd * newSmss / smss;
    smss = newSmss;
  }

  @Override
  public Reaction onAck(int ack, long bytesAcked, long flightSize) {
    duplicateAcks = 0;
    timedOutSinceAck = false;
    if (inRecovery) {
      last = recoveryAck(ack, bytesAcked, flightSize);
      return last;
    }
    if (cwnd < ssthresh) {
      // RFC 5681 3.1, slow start: "cwnd += min (N, SMSS)" (2).
      cwnd += Math.min(bytesAcked, smss);
    } else {
      // RFC 5681 3.1, congestion avoidance (at cwnd == ssthresh, "the sender may use either"):
      // "count the number of bytes that have been acknowledged by ACKs for new data ... When the
      // number of bytes acknowledged reaches cwnd, then cwnd can be incremented by up to SMSS
      // bytes"; as RFC 3465 2.1 says, the count is then reduced by cwnd.
      bytesCounted += bytesAcked;
      if (bytesCounted >= cwnd) {
        bytesCounted -= cwnd;
        cwnd += smss;
      }
    }
    last = Reaction.NONE;
    return last;
  }

  private Reaction recoveryAck(int ack, long bytesAcked, long flightSize) {
    // RFC 6582 3.2 step 3: a full acknowledgment "acknowledges all of the data up to and
    // including recover", i.e. ack - 1 >= recover.
    if (SeqNum.gt(ack, recover)) {
      // "Set cwnd to either (1) min (ssthresh, max(FlightSize, SMSS) + SMSS) or (2) ssthresh
      // ... Exit the fast recovery procedure." (RFC 5681 3.2 step 6 is option 2.)
      cwnd = deflation == FullAckDeflation.SSTHRESH
          ? ssthresh
          : Math.min(ssthresh, Math.max(flightSize, smss) + smss);
      inRecovery = false;
      bytesCounted = 0;
      return Reaction.NONE;
    }
    // Partial acknowledgment: "retransmit the first unacknowledged segment. Deflate the congestion
    // window by the amount of new data acknowledged ... If the partial ACK acknowledges at least
    // one SMSS of new data, then add back SMSS bytes ... For the first partial ACK that arrives
    // during fast recovery, also reset the retransmit timer." "Do not exit".
    cwnd = Math.max(cwnd - bytesAcked, 0);
    if (bytesAcked >= smss) {
      cwnd += smss;
    }
    if (firstPartialAck) {
      firstPartialAck = false;
      return Reaction.RETRANSMIT_AND_RESTART_TIMER;
    }
    return Reaction.RETRANSMIT;
  }

  @Override
  public Reaction onDuplicateAck(int ack, long flightSize, int sndNxt) {
    duplicateAcks++;
    last = Reaction.NONE;
    if (inRecovery) {
      // RFC 5681 3.2 step 4: "For each additional duplicate ACK received (after the third), cwnd
      // MUST be incremented by SMSS." (RFC 6582 step 3: also after partial ACKs.)
      cwnd += smss;
    } else if (duplicateAcks == 3) {
      // RFC 6582 3.2 step 2: "checks the value of recover to see if the Cumulative
      // Acknowledgment field covers more than recover" (ack_number - 1 > recover). "If not, the
      // TCP does not enter fast retransmit and does not reset ssthresh."
      if (SeqNum.gt(ack - 1, recover)) {
        // "the value of recover is incremented to the value of the highest sequence number
        // transmitted by the TCP so far" (SND.NXT - 1).
        recover = sndNxt - 1;
        // RFC 5681 3.2 step 2: "ssthresh ... no more than the value given in equation (4)":
        // ssthresh = max (FlightSize / 2, 2*SMSS).
        ssthresh = Math.max(flightSize / 2, 2 * smss);
        // Step 3: "The lost segment starting at SND.UNA MUST be retransmitted and cwnd set to
        // ssthresh plus 3*SMSS."
        cwnd = ssthresh + 3 * smss;
        inRecovery = true;
        firstPartialAck = true;
        bytesCounted = 0;
        last = Reaction.RETRANSMIT;
      }
    }
    return last;
  }

  @Override
  public void onRetransmitTimeout(long flightSize, int sndNxt) {
    // RFC 5681 3.1: ssthresh = max (FlightSize / 2, 2*SMSS) (4) when "the given segment has not
    // yet been resent by way of the retransmission timer"; "when ... the given segment has
    // already been retransmitted by way of the retransmission timer at least once, the value of
    // ssthresh is held constant." (No new ACK since the last timeout: the same segment.)
    if (!timedOutSinceAck) {
      ssthresh = Math.max(flightSize / 2, 2 * smss);
    }
    timedOutSinceAck = true;
    // "upon a timeout ... cwnd MUST be set to no more than the loss window, LW, which equals 1
    // full-sized segment (regardless of the value of IW)."
    cwnd = smss;
    // RFC 6582 3.2 step 4: "After a retransmit timeout, record the highest sequence number
    // transmitted in the variable recover, and exit the fast recovery procedure if applicable."
    recover = sndNxt - 1;
    inRecovery = false;
    duplicateAcks = 0;
    bytesCounted = 0;
    last = Reaction.NONE;
  }

  @Override
  public long cwnd() {
    return cwnd;
  }

  @Override
  public long ssthresh() {
    return ssthresh;
  }

  @Override
  public boolean inFastRecovery() {
    return inRecovery;
  }

  @Override
  public boolean fastRetransmit() {
    return last.retransmit();
  }

  @Override
  public long sendLimit() {
    // RFC 5681 3.2 step 1 (RFC 3042): on the first and second duplicate ACKs a segment of new
    // data may be sent if "the total FlightSize would remain less than or equal to cwnd plus
    // 2*SMSS", and "the TCP sender MUST NOT change cwnd to reflect these two segments".
    if (!inRecovery && duplicateAcks > 0 && duplicateAcks < 3) {
      return cwnd + duplicateAcks * smss;
    }
    return cwnd;
  }

  /** RFC 6582's recover: the highest sequence number sent when recovery last began. */
  public int recover() {
    return recover;
  }

  public long smss() {
    return smss;
  }

  public int duplicateAcks() {
    return duplicateAcks;
  }
}
