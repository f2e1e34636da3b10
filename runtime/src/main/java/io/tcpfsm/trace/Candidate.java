package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpCondition;
import io.tcpfsm.machine.TcpRule;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.machine.TcpValue;
import io.tcpfsm.machine.TcpVariable;
import java.util.Arrays;
import java.util.function.ToLongFunction;

/**
 * One hypothesis about one endpoint: its state and the TCB variables (RFC 9293 3.3.1) as far as the
 * capture has shown them. A capture that starts mid-connection shows no ISN, so variables start
 * unknown and are learned from the first segments that name them ({@link #U_SND}, {@link #U_RCV},
 * {@link #U_ISS}). Copied, never shared: a frame turns each candidate into its successors.
 */
final class Candidate implements ToLongFunction<TcpVariable> {
  /** SND.UNA and SND.NXT not known yet. */
  static final int U_SND = 1;
  /** RCV.NXT and IRS not known yet. */
  static final int U_RCV = 2;
  /** ISS not known yet: a SYN,ACK owed from LISTEN learns it when it shows. */
  static final int U_ISS = 4;
  /** MAX.SND.WND not known (mid-connection start): RFC 5961's lower ACK bound is not applied. */
  static final int U_MAXWND = 8;
  /**
   * Enough for a flight of segments, each answered later: Linux on loopback sent 25 before the
   * first ACK of them was seen (captures/linux/bulk.pcap) and 34 in a fresh recording on a loaded
   * CI machine; 128 leaves room for a window of 185 KB at MSS 1,448.
   */
  private static final int HISTORY = 128;
  /** Most connections never need more: the array doubles up to twice {@link #HISTORY} as a flight grows. */
  private static final int HISTORY_START = 8;

  TcpState state;
  int unknown;
  long iss;
  long irs;
  long sndUna;
  long sndNxt;
  long sndWnd;
  long sndWl1;
  long sndWl2;
  long rcvNxt;
  long maxSndWnd;
  boolean passiveOpen;
  boolean finSent;
  long finSeq;
  /** The end of the highest text received, held out of order or delivered: what an ACK may cover. */
  long rcvHigh;
  /** Text held beyond RCV.NXT, by ranges: what reassembly can reach, where {@link #rcvHigh} is only the highest end. */
  HeldText held = HeldText.NONE;
  /** A FIN that arrived beyond RCV.NXT and is held with its text: processed when reassembly reaches it, or -1. */
  long heldFin = -1;
  long heldFinAck;
  /** The TCB was deleted: its last variables stay, so that segments it sent before and that arrive late are recognized. */
  boolean afterClose;
  /**
   * Earlier values of RCV.NXT and the edges of held text, the ACK fields a delayed segment may carry:
   * {@link #historySize} of them from {@link #historyStart}, oldest first (a push appends; the oldest
   * goes beyond {@link #HISTORY}).
   */
  private long[] rcvHistory;
  private int historyStart;
  private int historySize;
  /** A value no entry of {@link #rcvHistory} is ahead of (in sequence space), while it has any: a push beyond it needs no search. Not part of equality. */
  private long historyTop;
  /** Whether {@link #rcvHistory} is shared with a copy: copied before the first write. */
  private boolean historyShared;
  /** The highest ACK this endpoint sent, or -1. */
  long lastAckSent = -1;
  OwedList owed = OwedList.EMPTY;
  /** The last rule that moved this candidate, for the deviation report. */
  TcpRule lastRule;
  /** Segments this hypothesis assumes were lost after the capture point (or before it); not part of equality. */
  int losses;
  /**
   * Arrivals this hypothesis takes to have been processed after a segment the receiver sent later
   * (the two crossed between the capture point and the receiver); not part of equality. Each costs as
   * a loss does when hypotheses are ranked ({@link #cost}), but is no loss.
   */
  int crossings;
  /** Frames this hypothesis takes as the network's copies of earlier ones (RFC 9293 3.4: segments may be duplicated); not part of equality. */
  int copies;
  /**
   * 1 for a capture that starts mid-connection in CLOSE-WAIT or FIN-WAIT-2: it assumes a FIN that
   * went by before the capture began, a hidden event as a loss is; ESTABLISHED assumes none. Not part of equality.
   */
  int assumedFin;
  /** Frames of this end taken as corrupted on the way (one of its first bad checksums); counted in {@link #losses} too. */
  int corrupted;
  /**
   * This endpoint just before its last arrival, or null: the state its next send may have left in if
   * that arrival reached it only after the send (see {@link ConnectionCheck}). One level only: its own is null.
   */
  Candidate beforeArrival;
  /** The last arrival, with the receive window and the segment's window it was processed with; set with {@link #beforeArrival}. */
  TraceSegment arrival;
  long arrivalRcvWnd;
  long arrivalSegWnd;
  /** What this endpoint sent since {@link #arrival}, or null: sent again from {@link #beforeArrival} if the arrival crossed them. */
  LaterSends laterSends;

  /**
   * The capture time at which this endpoint's TIME-WAIT timer last started (RFC 9293 3.10.7.4 "start
   * the time-wait timer", "restart the 2 MSL time-wait timeout"), or {@link #NEVER}: its expiry is
   * no earlier than the checker's shortest TIME-WAIT after it. Part of equality in TIME-WAIT only.
   */
  long timeWaitSince = NEVER;
  static final long NEVER = Long.MIN_VALUE;
  /** The capture time of the frame being processed: not part of equality. */
  long now;

  // The segment or call being processed (SEG.SEQ, SEG.ACK, SEG.LEN, SEG.WND): not part of equality.
  long segSeq;
  long segAck;
  long segLen;
  long segWnd;

  /** No history yet, shared: the first value written copies it ({@link #pushHistory}), so a candidate that never moves RCV.NXT has no array of its own. */
  private static final long[] NO_HISTORY = new long[0];

  Candidate(TcpState state, int unknown) {
    this(state, unknown, NO_HISTORY);
    historyShared = true;
  }

  /** A candidate whose history array is {@code history} (a copy shares its original's: no array per copy on the common path). */
  private Candidate(TcpState state, int unknown, long[] history) {
    this.state = state;
    this.unknown = unknown;
    this.rcvHistory = history;
  }

  Candidate copy() {
    Candidate c = new Candidate(state, unknown, rcvHistory);
    c.iss = iss;
    c.irs = irs;
    c.sndUna = sndUna;
    c.sndNxt = sndNxt;
    c.sndWnd = sndWnd;
    c.sndWl1 = sndWl1;
    c.sndWl2 = sndWl2;
    c.rcvNxt = rcvNxt;
    c.maxSndWnd = maxSndWnd;
    c.passiveOpen = passiveOpen;
    c.finSent = finSent;
    c.finSeq = finSeq;
    c.rcvHigh = rcvHigh;
    c.held = held;
    c.rcvHistory = rcvHistory; // shared until either side writes it (pushHistory copies first)
    historyShared = true;
    c.historyShared = true;
    c.historyStart = historyStart;
    c.historySize = historySize;
    c.historyTop = historyTop;
    c.lastAckSent = lastAckSent;
    c.heldFin = heldFin;
    c.heldFinAck = heldFinAck;
    c.afterClose = afterClose;
    c.owed = owed;
    if (owed.owner != null) {
      owed.owner = null; // shared from now on: either side copies before changing it (EMPTY, shared by every thread, is never written)
    }
    c.lastRule = lastRule;
    c.losses = losses;
    c.crossings = crossings;
    c.copies = copies;
    c.assumedFin = assumedFin;
    c.corrupted = corrupted;
    c.beforeArrival = beforeArrival;
    c.arrival = arrival;
    c.arrivalRcvWnd = arrivalRcvWnd;
    c.arrivalSegWnd = arrivalSegWnd;
    c.laterSends = laterSends;
    c.timeWaitSince = timeWaitSince;
    c.now = now;
    return c;
  }

  /** How unlikely this hypothesis is: the hidden events it assumes, losses, crossings and copies alike. */
  int cost() {
    return losses + crossings + copies + assumedFin;
  }

  boolean knows(int bits) {
    return (unknown & bits) == 0;
  }

  /** Owed segments kept; beyond it the oldest is forgotten (a stack coalesces ACKs, RFC 9293 3.8.6.3). */
  private static final int MAX_OWED = 128; // as HISTORY: one ACK owed per segment of a flight

  /** Owes {@code o} once more: two arrivals that each ask for the same ACK are answered twice. */
  void addOwed(Owed o) {
    owed = owed.plus(o, MAX_OWED, this);
  }

  /**
   * Removes the owed segment at {@code i}, which must be the first equal to it ({@link #removeOwed}
   * without the search: callers that found it by scanning from the start with a test on its fields know it).
   */
  void removeOwedAt(int i) {
    owed = owed.minus(i, this);
  }

  void removeOwed(Owed o) {
    int i = owed.indexOf(o);
    if (i < 0) {
      return;
    }
    owed = owed.minus(i, this);
  }

  /** RCV.NXT moves on; the old value stays acceptable in a delayed segment's ACK field. */
  void setRcvNxt(long v) {
    if (v == rcvNxt) {
      return;
    }
    pushHistory(rcvNxt);
    rcvNxt = v;
    if (Seq.diff(v, rcvHigh) > 0) {
      rcvHigh = v;
    }
    if (held != HeldText.NONE) {
      held = held.from(v, rcvHigh);
    }
  }

  void pushHistory(long v) {
    // RCV.NXT only moves on, so most pushes are ahead of every entry: no search for those.
    if (historySize == 0 || Seq.diff(v, historyTop) > 0) {
      historyTop = v;
    } else if (inHistory(v)) {
      return;
    }
    int end = historyStart + historySize;
    if (historyShared || end == rcvHistory.length) {
      // A copy of what is kept (the oldest dropped when full), with room to grow: appends then need no
      // shift, and a full window moves back to the front once per HISTORY pushes, not on every push.
      int keep = Math.min(historySize, HISTORY - 1);
      int capacity = historyShared ? Math.max(HISTORY_START, keep + keep / 2 + 1)
          : Math.min(2 * HISTORY, Math.max(HISTORY_START, rcvHistory.length * 2));
      long[] to = historyShared || capacity != rcvHistory.length ? new long[capacity] : rcvHistory;
      System.arraycopy(rcvHistory, end - keep, to, 0, keep);
      rcvHistory = to;
      historyShared = false;
      historyStart = 0;
      historySize = keep;
    } else if (historySize == HISTORY) {
      historyStart++; // the oldest goes
      historySize--;
    }
    rcvHistory[historyStart + historySize++] = v;
  }

  boolean inHistory(long ack) {
    for (int i = historyStart, end = historyStart + historySize; i < end; i++) {
      if (rcvHistory[i] == ack) {
        return true;
      }
    }
    return false;
  }

  /** The history, newest first. */
  private long[] history() {
    long[] h = new long[historySize];
    for (int i = 0; i < historySize; i++) {
      h[i] = rcvHistory[historyStart + historySize - 1 - i];
    }
    return h;
  }

  @Override
  public long applyAsLong(TcpVariable v) {
    return switch (v) {
      case IRS -> irs;
      case ISS -> iss;
      case RCV_NXT -> rcvNxt;
      case SEG_ACK -> segAck;
      case SEG_LEN -> segLen;
      case SEG_SEQ -> segSeq;
      case SEG_WND -> segWnd;
      case SND_NXT -> sndNxt;
      case SND_UNA -> sndUna;
      case SND_WL1 -> sndWl1;
      case SND_WL2 -> sndWl2;
      case SND_WND -> sndWnd;
    };
  }

  /**
   * {@code v} on this candidate's variables, modulo 2^32: {@link TcpValue#evaluate}'s arithmetic
   * with the fields read directly, not through a call per variable (a step's actions were a third
   * of a trace's time under C1). CandidateValuesTest holds the two equal for every value.
   */
  long value(TcpValue v) {
    long x = switch (v) {
      case ISS -> iss;
      case ISS_PLUS_1 -> iss + 1;
      case RCV_NXT -> rcvNxt;
      case SEG_ACK -> segAck;
      case SEG_SEQ -> segSeq;
      case SEG_SEQ_PLUS_1 -> segSeq + 1;
      case SEG_SEQ_PLUS_SEG_LEN -> segSeq + segLen;
      case SEG_WND -> segWnd;
      case SND_NXT -> sndNxt;
      case SND_NXT_PLUS_1 -> sndNxt + 1;
      case SND_NXT_PLUS_SEG_LEN -> sndNxt + segLen;
      case SND_UNA -> sndUna;
      case SND_WL1 -> sndWl1;
      case SND_WL2 -> sndWl2;
      case ZERO -> 0;
    };
    return x & 0xFFFF_FFFFL;
  }

  /** Whether {@code c} holds on this candidate's variables, as {@link TcpCondition#test} says (CandidateValuesTest), in sequence space. */
  boolean test(TcpCondition c) {
    return switch (c) {
      case SND_UNA_LE_SEG_ACK_AND_SND_WL1_LT_SEG_SEQ_OR_SND_WL1_EQ_SEG_SEQ_AND_SND_WL2_LE_SEG_ACK ->
          Seq.diff(sndUna, segAck) <= 0 && (Seq.diff(sndWl1, segSeq) < 0 || Seq.diff(sndWl1, segSeq) == 0 && Seq.diff(sndWl2, segAck) <= 0);
      case SND_UNA_LT_SEG_ACK -> Seq.diff(sndUna, segAck) < 0;
    };
  }

  /** As a {@code set} action says. */
  void write(TcpVariable v, long value) {
    switch (v) {
      case IRS -> {
        // the peer's SYN: RCV.NXT starts here (it was set just before, as the RFC orders the two). Both
        // are known from now on, whatever a hypothesis started from (LISTEN and a simultaneous open's
        // SYN-SENT start with them unknown): a later segment must not be taken for the first at RCV.NXT.
        irs = value;
        rcvHigh = rcvNxt;
        held = HeldText.NONE;
        historyStart = 0;
        historySize = 0;
        unknown &= ~U_RCV;
      }
      case ISS -> iss = value;
      case RCV_NXT -> setRcvNxt(value);
      case SND_NXT -> sndNxt = value;
      case SND_UNA -> sndUna = value;
      case SND_WL1 -> sndWl1 = value;
      case SND_WL2 -> sndWl2 = value;
      case SND_WND -> {
        sndWnd = value;
        maxSndWnd = Math.max(maxSndWnd, value);
      }
      case SEG_ACK, SEG_LEN, SEG_SEQ, SEG_WND -> throw new IllegalStateException("the spec sets " + v.text());
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Candidate c)) {
      return false;
    }
    // SND.UNA and the send window are left out: hypotheses that differ only in which of the peer's
    // ACKs arrived are merged (the one assuming fewer losses is kept), or every ACK would double them.
    // The passive_open guard is read in SYN-RECEIVED only (RFC 9293 3.10.7.4), and no later state returns
    // there but through LISTEN or CLOSED, which clear it: elsewhere hypotheses that differ only in how the
    // connection was opened have the same future (half of a bulk transfer's hypotheses were such pairs).
    return state == c.state && unknown == c.unknown && iss == c.iss && irs == c.irs && sndNxt == c.sndNxt && rcvNxt == c.rcvNxt
        && (passiveOpen == c.passiveOpen || state != TcpState.SYN_RECV) && finSent == c.finSent && finSeq == c.finSeq && rcvHigh == c.rcvHigh
        && heldFin == c.heldFin && afterClose == c.afterClose && lastAckSent == c.lastAckSent && historySize == c.historySize
        && (state != TcpState.TIME_WAIT || timeWaitSince == c.timeWaitSince)
        && owed.same(c.owed) && held.equals(c.held) // the lists last, their hashes first
        && Arrays.equals(rcvHistory, historyStart, historyStart + historySize, c.rcvHistory, c.historyStart, c.historyStart + c.historySize);
  }

  /**
   * Whether the fields {@link #equals} leaves out, those a later step may read, are the same too
   * (passive_open only in SYN-RECEIVED, the one state whose cells read it: see {@link #equals}).
   */
  boolean sameUnequal(Candidate c) {
    return sndUna == c.sndUna && sndWnd == c.sndWnd && sndWl1 == c.sndWl1 && sndWl2 == c.sndWl2 && maxSndWnd == c.maxSndWnd
        && (passiveOpen == c.passiveOpen || state != TcpState.SYN_RECV) && heldFinAck == c.heldFinAck && segSeq == c.segSeq && segAck == c.segAck && segLen == c.segLen
        && segWnd == c.segWnd;
  }

  @Override
  public String toString() {
    return state + " u" + unknown + " iss " + iss + " una " + sndUna + " nxt " + sndNxt + " rcv " + rcvNxt + " high " + rcvHigh + (held == HeldText.NONE ? "" : " held " + held)
        + " fin " + (finSent ? finSeq : -1) + " heldFin " + heldFin + " lastAck " + lastAckSent + " losses " + losses + " crossings " + crossings + " copies " + copies + " owed " + owed.size();
  }

  /** Every field the checker reads, for tests that compare two runs candidate by candidate. */
  String details() {
    return "irs " + irs + " wnd " + sndWnd + " wl " + sndWl1 + "/" + sndWl2 + " max " + maxSndWnd + " passive " + passiveOpen
        + " closed " + afterClose + " heldFinAck " + heldFinAck + " rule " + lastRule + " history "
        + Arrays.toString(history()) + " owed " + owed;
  }

  /** Of fields {@link #equals} compares, cheap to read: {@link CandidateList} compares field by field only on a match. */
  @Override
  public int hashCode() {
    int h = state.ordinal() * 31 + unknown;
    h = h * 31 + Long.hashCode(sndNxt);
    h = h * 31 + Long.hashCode(rcvNxt);
    h = h * 31 + Long.hashCode(rcvHigh) + held.hashCode();
    h = h * 31 + Long.hashCode(lastAckSent);
    h = h * 31 + Long.hashCode(heldFin);
    h = h * 31 + historySize * 2 + (finSent ? 1 : 0);
    return h * 31 + owed.hashCode(); // of every owed segment, cached: candidates of a bulk transfer differ in older ones
  }
}
