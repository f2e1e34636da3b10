package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpRule;

/**
 * A segment the model sent in answer to an arrival, not yet seen in the capture. It explains a
 * later frame of the same endpoint; it never has to appear, since it may be lost before the capture
 * point (or an ACK folded into a later segment's ACK field).
 *
 * @param flags the control bits the model sends
 * @param seq its SEG.SEQ, or -1 for ISS that the capture has not shown yet
 * @param ack its SEG.ACK, or -1 when it carries none
 * @param rule the rule that sent it
 */
record Owed(int flags, long seq, long ack, TcpRule rule) {
  /** As the record's, written out: the checker compares long lists of owed ACKs on every frame of a bulk transfer. */
  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Owed x && x.ack == ack && x.seq == seq && x.flags == flags && x.rule == rule);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(ack) * 31 + Long.hashCode(seq)) * 31 + flags * 31 + rule.ordinal(); // not the enum's identity hash: lists hash every element
  }
}
