package io.tcpfsm.probe;

/**
 * Where an injected segment's SEG.SEQ lies against the receiver's window, the cases of RFC 9293
 * 3.10.7.4's acceptability test (Table 6) and RFC 5961's exact-match test for RST and SYN.
 */
public enum SeqPosition {
  /** SEG.SEQ = RCV.NXT: the window's left edge, exactly (RFC 5961 3.2's exact match). */
  EXACT("rcv_nxt"),
  /** RCV.NXT < SEG.SEQ < RCV.NXT+RCV.WND: inside the window, not at an edge. */
  IN_WINDOW("in_window"),
  /** SEG.SEQ = RCV.NXT+RCV.WND-1: the last sequence number the window holds. */
  RIGHT_EDGE("right_edge"),
  /** SEG.SEQ = RCV.NXT-1: just below the window (old). */
  BELOW("below"),
  /** SEG.SEQ = RCV.NXT+RCV.WND: just beyond the window. */
  BEYOND("beyond");

  private final String label;

  SeqPosition(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The sequence number at this position for {@code rcvNxt} and {@code rcvWnd} (32-bit). */
  public long seq(long rcvNxt, long rcvWnd) {
    long off = switch (this) {
      case EXACT -> 0;
      case IN_WINDOW -> rcvWnd / 2;
      case RIGHT_EDGE -> rcvWnd - 1;
      case BELOW -> -1;
      case BEYOND -> rcvWnd;
    };
    return (rcvNxt + off) & 0xFFFF_FFFFL;
  }

  public static SeqPosition parse(String s) {
    for (SeqPosition p : values()) {
      if (p.label.equalsIgnoreCase(s) || p.name().equalsIgnoreCase(s)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown sequence position '" + s + "'");
  }
}
