package io.tcpfsm.probe;

import io.tcpfsm.machine.TcpState;
import java.util.ArrayList;
import java.util.List;

/**
 * One cell of the probe grid: bring a kernel socket to {@code state}, inject a {@code segment}
 * whose sequence number lies at {@code seq} and acknowledgment at {@code ack}, and see what the
 * kernel answers and which state it is in afterwards.
 */
public record Probe(TcpState state, SegmentClass segment, SeqPosition seq, AckPosition ack) {
  /** A stable name: {@code ESTABLISHED-SYN+ACK-in_window-snd_nxt}, usable as a file name. */
  public String id() {
    return state.name() + "-" + segment.label() + "-" + seq.label() + "-" + ack.label();
  }

  /**
   * The grid: every state x segment class x sequence position with the ACK at SND.NXT, then,
   * for the segments carrying ACK, the two other ACK positions at RCV.NXT; in ESTABLISHED, close()
   * with text unread.
   */
  public static List<Probe> grid(List<TcpState> states) {
    List<Probe> out = new ArrayList<>();
    for (TcpState s : states) {
      for (SegmentClass c : SegmentClass.GRID) {
        for (SeqPosition p : SeqPosition.values()) {
          out.add(new Probe(s, c, p, AckPosition.NEXT));
        }
      }
      for (SegmentClass c : SegmentClass.GRID) {
        if (c.hasAck()) {
          out.add(new Probe(s, c, SeqPosition.EXACT, AckPosition.AHEAD));
          out.add(new Probe(s, c, SeqPosition.EXACT, AckPosition.BEHIND));
        }
      }
      if (s == TcpState.ESTABLISHED) {
        out.add(new Probe(s, SegmentClass.DATA_CLOSE, SeqPosition.EXACT, AckPosition.NEXT));
      }
    }
    return out;
  }

  public static Probe parse(String id) {
    String[] q = id.split("-"); // labels hold letters, digits, "_" and "+", never "-"
    if (q.length != 4) {
      throw new IllegalArgumentException("a probe is STATE-SEGMENT-SEQ-ACK, not '" + id + "'");
    }
    return new Probe(TcpState.valueOf(q[0]), SegmentClass.parse(q[1]), SeqPosition.parse(q[2]), AckPosition.parse(q[3]));
  }
}
