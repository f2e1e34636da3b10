package io.tcpfsm.explore;

/**
 * A segment in flight, packed in 19 bits: control flags (FIN 1, SYN 2, RST 4, ACK 8), SEG.SEQ
 * and SEG.ACK as abstract sequence numbers (0..127, see {@link End}), and whether it carries
 * one byte of text. The explorer never needs more of a segment: the guards of the model read
 * only these (RFC 9293 3.10.7), and the window it advertises is the fixed receive window.
 */
final class Seg {
  static final int FIN = 1;
  static final int SYN = 2;
  static final int RST = 4;
  static final int ACK = 8;
  /** The largest abstract sequence number a segment or a TCB may hold. */
  static final int MAX_SEQ = 127;

  private Seg() {}

  static int of(int flags, int seq, int ack, boolean data) {
    if (seq < 0 || seq > MAX_SEQ || ack < 0 || ack > MAX_SEQ) {
      throw new IllegalStateException("abstract sequence number out of range: seq " + seq + ", ack " + ack);
    }
    return flags | seq << 4 | ack << 11 | (data ? 1 << 18 : 0);
  }

  static int flags(int seg) {
    return seg & 0xF;
  }

  static int seq(int seg) {
    return seg >>> 4 & 0x7F;
  }

  static int ack(int seg) {
    return seg >>> 11 & 0x7F;
  }

  static boolean data(int seg) {
    return (seg >>> 18 & 1) != 0;
  }

  static boolean has(int seg, int flag) {
    return (seg & flag) != 0;
  }

  /** SEG.LEN: the text plus one for SYN and one for FIN (RFC 9293 3.4). */
  static int len(int seg) {
    return (data(seg) ? 1 : 0) + (has(seg, SYN) ? 1 : 0) + (has(seg, FIN) ? 1 : 0);
  }

  /** The model's event name for the flags: SYN, FIN, RST, ACK joined by '+', or NONE. */
  static String eventName(int seg) {
    return EVENT_NAMES[flags(seg)];
  }

  /** {@link #eventName} by flags, built once: the explorer asks for it for every segment it delivers. */
  private static final String[] EVENT_NAMES = new String[16];

  static {
    for (int f = 0; f < 16; f++) {
      EVENT_NAMES[f] = buildEventName(f);
    }
  }

  private static String buildEventName(int seg) {
    StringBuilder sb = new StringBuilder();
    String[] names = {"SYN", "FIN", "RST", "ACK"};
    int[] bits = {SYN, FIN, RST, ACK};
    for (int i = 0; i < names.length; i++) {
      if (has(seg, bits[i])) {
        sb.append(sb.length() > 0 ? "+" : "").append(names[i]);
      }
    }
    return sb.length() == 0 ? "NONE" : sb.toString();
  }

  /** The flag bit of a control name, or 0 for a name TCP does not use in the model. */
  static int flagNamed(String name) {
    return switch (name) {
      case "FIN" -> FIN;
      case "SYN" -> SYN;
      case "RST" -> RST;
      case "ACK" -> ACK;
      default -> 0;
    };
  }

  /** As RFC 793's figures write a segment: {@code <SEQ=10><ACK=31><CTL=SYN,ACK><DATA>}. */
  static String render(int seg) {
    StringBuilder sb = new StringBuilder("<SEQ=").append(seq(seg)).append('>');
    if (has(seg, ACK)) {
      sb.append("<ACK=").append(ack(seg)).append('>');
    }
    String ctl = eventName(seg).replace('+', ',');
    if (!ctl.equals("NONE")) {
      sb.append("<CTL=").append(ctl).append('>');
    }
    if (data(seg)) {
      sb.append("<DATA>");
    }
    return sb.toString();
  }
}
