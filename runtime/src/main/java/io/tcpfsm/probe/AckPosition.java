package io.tcpfsm.probe;

/**
 * Where an injected segment's SEG.ACK lies: the states' ACK tests (RFC 9293 3.10.7.3 for
 * SYN-SENT, 3.10.7.4 fifth step for the others) and RFC 5961 5.2's lower bound.
 */
public enum AckPosition {
  /** SEG.ACK = SND.NXT: acknowledges everything sent; acceptable everywhere. */
  NEXT("snd_nxt"),
  /** SEG.ACK = SND.NXT+1: acknowledges something not yet sent. */
  AHEAD("ahead"),
  /**
   * Below the acceptable range: SEG.ACK = ISS in SYN-SENT and SYN-RECEIVED ("SEG.ACK =< ISS"),
   * SND.UNA - MAX.SND.WND - 1 in the synchronized states (RFC 5961 5.2).
   */
  BEHIND("behind");

  private final String label;

  AckPosition(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static AckPosition parse(String s) {
    for (AckPosition p : values()) {
      if (p.label.equalsIgnoreCase(s) || p.name().equalsIgnoreCase(s)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown ACK position '" + s + "'");
  }
}
