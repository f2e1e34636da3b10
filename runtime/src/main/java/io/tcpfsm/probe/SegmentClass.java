package io.tcpfsm.probe;

import io.tcpfsm.wire.Segment;

/** The segments a probe injects: the control bits of issue 13's grid, and text. */
public enum SegmentClass {
  SYN("SYN", Segment.SYN, 0),
  SYN_ACK("SYN+ACK", Segment.SYN | Segment.ACK, 0),
  ACK("ACK", Segment.ACK, 0),
  FIN_ACK("FIN+ACK", Segment.FIN | Segment.ACK, 0),
  RST("RST", Segment.RST, 0),
  RST_ACK("RST+ACK", Segment.RST | Segment.ACK, 0),
  NONE("NONE", 0, 0),
  /** Ten bytes of text with ACK (and PSH, which the model does not read). */
  DATA("data", Segment.ACK | Segment.PSH, 10),
  /**
   * The text of {@link #DATA}, left unread, then the application's close(): RFC 1122 4.2.2.13 says
   * a host that closes "while received data is still pending in TCP ... SHOULD send a RST" (RFC
   * 2525 2.17, "Failure to RST on close with data pending"). Not a segment class of the grid: one
   * probe in ESTABLISHED.
   */
  DATA_CLOSE("data+close", Segment.ACK | Segment.PSH, 10);

  /** The segment classes of the grid (all but {@link #DATA_CLOSE}). */
  public static final java.util.List<SegmentClass> GRID = java.util.List.of(SYN, SYN_ACK, ACK, FIN_ACK, RST, RST_ACK, NONE, DATA);

  private final String label;
  private final int flags;
  private final int dataLength;

  SegmentClass(String label, int flags, int dataLength) {
    this.label = label;
    this.flags = flags;
    this.dataLength = dataLength;
  }

  public String label() {
    return label;
  }

  /** Header bits. */
  public int flags() {
    return flags;
  }

  public int dataLength() {
    return dataLength;
  }

  public boolean hasAck() {
    return (flags & Segment.ACK) != 0;
  }

  /** SEG.LEN: text plus one each for SYN and FIN (RFC 9293 3.4). */
  public int segLen() {
    return dataLength + ((flags & Segment.SYN) != 0 ? 1 : 0) + ((flags & Segment.FIN) != 0 ? 1 : 0);
  }

  public static SegmentClass parse(String s) {
    for (SegmentClass c : values()) {
      if (c.label.equalsIgnoreCase(s) || c.name().equalsIgnoreCase(s)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown segment class '" + s + "'");
  }
}
