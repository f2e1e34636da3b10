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
record Owed(int flags, long seq, long ack, TcpRule rule) {}
