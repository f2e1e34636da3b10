package io.tcpfsm.trace;

import io.tcpfsm.wire.Segment;

/**
 * What the checker reads of one captured TCP segment: the header fields the model's guards and
 * sends name, with lengths as the IP header declares them, so a payload cut by the snap length
 * still counts in full (RFC 9293 3.4: SEG.LEN counts every octet, and SYN and FIN).
 *
 * @param frame the frame's number in its capture, from 1, as Wireshark counts
 * @param fromA whether the first endpoint of the connection (the one that sent its first frame) sent it
 * @param flags the header's control bits (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, ...)
 * @param seq SEG.SEQ, unsigned 32 bits
 * @param ack SEG.ACK, unsigned 32 bits
 * @param window the window field, unscaled
 * @param wscale the window-scale option's shift on a SYN, or -1 without one (RFC 7323 2.2)
 * @param dataLen octets of text, as the IP header declares
 * @param checksumBad whether the TCP or IPv4 header checksum failed: offload or corruption
 */
public record TraceSegment(long frame, boolean fromA, int flags, long seq, long ack, int window, int wscale, int dataLen, boolean checksumBad) {
  static final int CONTROL = Segment.SYN | Segment.FIN | Segment.RST | Segment.ACK;

  boolean syn() {
    return (flags & Segment.SYN) != 0;
  }

  boolean fin() {
    return (flags & Segment.FIN) != 0;
  }

  boolean rst() {
    return (flags & Segment.RST) != 0;
  }

  boolean ackFlag() {
    return (flags & Segment.ACK) != 0;
  }

  /** This segment as sent by the first endpoint ({@code fromA}) or the second. */
  TraceSegment from(boolean a) {
    return a == fromA ? this : new TraceSegment(frame, a, flags, seq, ack, window, wscale, dataLen, checksumBad);
  }

  /** SEG.LEN: text plus one each for SYN and FIN. */
  long segLen() {
    return dataLen + (syn() ? 1 : 0) + (fin() ? 1 : 0);
  }

  /** As tcpdump -S writes it: {@code FIN+ACK seq 5 ack 9 win 100 len 0}. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    String[] names = {"SYN", "FIN", "RST", "PSH", "ACK"};
    int[] bits = {Segment.SYN, Segment.FIN, Segment.RST, Segment.PSH, Segment.ACK};
    for (int i = 0; i < names.length; i++) {
      if ((flags & bits[i]) != 0) {
        sb.append(sb.length() == 0 ? "" : "+").append(names[i]);
      }
    }
    if (sb.length() == 0) {
      sb.append("NONE");
    }
    sb.append(" seq ").append(seq);
    if (ackFlag()) {
      sb.append(" ack ").append(ack);
    }
    return sb.append(" win ").append(window).append(" len ").append(dataLen).toString();
  }
}
