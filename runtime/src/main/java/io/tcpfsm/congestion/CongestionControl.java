package io.tcpfsm.congestion;

/**
 * The congestion state of one connection's sender (RFC 5681): events in, windows out. Bytes are
 * longs; sequence numbers are the 32-bit values of {@link io.tcpfsm.wire.SeqNum}. No method reads
 * a clock or sends anything: the caller does what the returned {@link Reaction} says.
 *
 * <p>FlightSize is "the amount of data that has been sent but not yet cumulatively acknowledged"
 * (RFC 5681 section 2), as the caller counts it at the event.
 */
public interface CongestionControl {
  /** What the sender must do at once after an event. */
  enum Reaction {
    /** Nothing beyond sending what the windows allow. */
    NONE,
    /** Retransmit the first unacknowledged segment (fast retransmit, or a later partial ACK). */
    RETRANSMIT,
    /** Retransmit the first unacknowledged segment and restart the retransmission timer. */
    RETRANSMIT_AND_RESTART_TIMER;

    public boolean retransmit() {
      return this != NONE;
    }
  }

  /**
   * An ACK that acknowledges new data arrived: {@code ack} is SEG.ACK, {@code bytesAcked} the
   * octets it newly acknowledges (only data: the ACK of a SYN must not grow cwnd, RFC 5681 3.1),
   * {@code flightSize} what is still outstanding after it.
   */
  Reaction onAck(int ack, long bytesAcked, long flightSize);

  /**
   * A duplicate ACK as RFC 5681 section 2 defines it ({@link DuplicateAck#test}). {@code flightSize}
   * must not count data sent by limited transmit (RFC 5681 3.2 step 2); {@code sndNxt} is SND.NXT.
   */
  Reaction onDuplicateAck(int ack, long flightSize, int sndNxt);

  /** The retransmission timer expired (RFC 6298 5.4), with {@code flightSize} outstanding. */
  void onRetransmitTimeout(long flightSize, int sndNxt);

  /** The congestion window, bytes. */
  long cwnd();

  /** The slow start threshold, bytes. */
  long ssthresh();

  boolean inFastRecovery();

  /** Whether the last event asked for a retransmission (a fast retransmit or a partial ACK). */
  boolean fastRetransmit();

  /**
   * The most data that may be outstanding now, before the receiver's window is applied: cwnd,
   * plus up to two segments of limited transmit after the first and second duplicate ACKs.
   */
  long sendLimit();
}
