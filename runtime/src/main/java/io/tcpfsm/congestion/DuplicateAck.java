package io.tcpfsm.congestion;

import io.tcpfsm.wire.SeqNum;

/** RFC 5681 section 2's definition of a duplicate acknowledgment, as a predicate. */
public final class DuplicateAck {
  private DuplicateAck() {}

  /**
   * RFC 5681 section 2: "An acknowledgment is considered a 'duplicate' ... when (a) the receiver
   * of the ACK has outstanding data, (b) the incoming acknowledgment carries no data, (c) the SYN
   * and FIN bits are both off, (d) the acknowledgment number is equal to the greatest
   * acknowledgment received on the given connection (TCP.UNA from [RFC793]) and (e) the advertised
   * window in the incoming acknowledgment equals the advertised window in the last incoming
   * acknowledgment."
   *
   * @param ackFlag the segment has ACK set (otherwise it acknowledges nothing)
   * @param sndUna SND.UNA, the greatest acknowledgment received
   */
  public static boolean test(
      boolean outstandingData, int payloadLength, boolean ackFlag, boolean syn, boolean fin,
      int ack, int sndUna, int window, int lastWindow) {
    return ackFlag
        && outstandingData // (a)
        && payloadLength == 0 // (b)
        && !syn && !fin // (c)
        && ack == sndUna // (d)
        && window == lastWindow; // (e)
  }

  /** An ACK of new data: SND.UNA < SEG.ACK (RFC 9293 3.10.7.4). */
  public static boolean acknowledgesNewData(int ack, int sndUna) {
    return SeqNum.gt(ack, sndUna);
  }
}
