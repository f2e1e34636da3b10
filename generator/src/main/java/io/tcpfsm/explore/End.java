package io.tcpfsm.explore;

/**
 * One endpoint's part of a joint state, packed in a long. Sequence numbers are abstract: an
 * incarnation of an endpoint's connection takes one of {@link #SLOTS} slots of sequence space,
 * slot k starting at ISS = 10 + 20 (k-1), and text is one byte per SEND, so an incarnation's
 * numbers stay inside its slot. A new incarnation takes the lowest slot that no number still
 * in the peer's TCB or in flight falls in (Composition), so every old segment lies outside its
 * windows, as RFC 9293 3.4.1's ISN clock and the maximum segment lifetime ensure. Kept:
 * SND.UNA, SND.NXT, RCV.NXT, the running timers, where our FIN sits, and the few facts the
 * guards read. Not kept: IRS, SND.WND, SND.WL1, SND.WL2 (no guard reads them), the text itself.
 *
 * <pre>
 * bits 0-3 state, 4-6 slot (0: no TCB), 7-13 SND.UNA, 14-20 SND.NXT, 21-27 RCV.NXT, 28-31 timers,
 * 32 passive open, 33-39 FIN's sequence number (0: none sent), 40-41 text segments sent,
 * 42 text pending, 43 send pending, 44 close pending, 45 the application called CLOSE
 * </pre>
 */
final class End {
  /** Slots of sequence space an endpoint's incarnations take turns in. */
  static final int SLOTS = 2;
  /** The width of a slot, wider than any incarnation's numbers (ISS, SYN, 3 bytes, FIN) plus a window. */
  static final int SLOT_WIDTH = 20;
  int state;
  int inc;
  int una;
  int nxt;
  int rcv;
  int timers;
  boolean passive;
  int finSeq;
  int sent;
  boolean textPending;
  boolean sendPending;
  boolean closePending;
  boolean closeCalled;

  static End unpack(long v) {
    End e = new End();
    e.state = (int) (v & 0xF);
    e.inc = (int) (v >>> 4 & 0x7);
    e.una = (int) (v >>> 7 & 0x7F);
    e.nxt = (int) (v >>> 14 & 0x7F);
    e.rcv = (int) (v >>> 21 & 0x7F);
    e.timers = (int) (v >>> 28 & 0xF);
    e.passive = (v >>> 32 & 1) != 0;
    e.finSeq = (int) (v >>> 33 & 0x7F);
    e.sent = (int) (v >>> 40 & 0x3);
    e.textPending = (v >>> 42 & 1) != 0;
    e.sendPending = (v >>> 43 & 1) != 0;
    e.closePending = (v >>> 44 & 1) != 0;
    e.closeCalled = (v >>> 45 & 1) != 0;
    return e;
  }

  long pack() {
    return state | (long) inc << 4 | (long) una << 7 | (long) nxt << 14 | (long) rcv << 21 | (long) timers << 28
        | (passive ? 1L << 32 : 0) | (long) finSeq << 33 | (long) sent << 40 | (textPending ? 1L << 42 : 0)
        | (sendPending ? 1L << 43 : 0) | (closePending ? 1L << 44 : 0) | (closeCalled ? 1L << 45 : 0);
  }

  static int state(long v) {
    return (int) (v & 0xF);
  }

  static int inc(long v) {
    return (int) (v >>> 4 & 0x7);
  }

  static int rcv(long v) {
    return (int) (v >>> 21 & 0x7F);
  }

  static int timers(long v) {
    return (int) (v >>> 28 & 0xF);
  }

  static int sent(long v) {
    return (int) (v >>> 40 & 0x3);
  }

  static boolean sendPending(long v) {
    return (v >>> 43 & 1) != 0;
  }

  static boolean closePending(long v) {
    return (v >>> 44 & 1) != 0;
  }

  static boolean closeCalled(long v) {
    return (v >>> 45 & 1) != 0;
  }

  static boolean finSent(long v) {
    return (v >>> 33 & 0x7F) != 0;
  }

  /** The initial sequence number of slot {@code slot} (1-based). */
  static int iss(int slot) {
    return 10 + SLOT_WIDTH * (slot - 1);
  }

  /** The slot a sequence number falls in, or 0 for one below every slot (a literal 0). */
  static int slotOf(int seq) {
    return seq < 10 ? 0 : (seq - 10) / SLOT_WIDTH + 1;
  }

  int iss() {
    return inc == 0 ? 0 : iss(inc);
  }

  /** A deleted TCB: nothing survives (RFC 9293 3.10.8 "delete the TCB"). */
  void deleteTcb(int closedState) {
    state = closedState;
    inc = una = nxt = rcv = timers = finSeq = sent = 0;
    passive = textPending = sendPending = closePending = closeCalled = false;
  }

  static void check(int value, String what) {
    if (value < 0 || value > Seg.MAX_SEQ) {
      throw new IllegalStateException(what + " out of the abstract sequence space: " + value);
    }
  }
}
