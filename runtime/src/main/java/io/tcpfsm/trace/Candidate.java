package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpRule;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.machine.TcpVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
  private static final int HISTORY = 4;

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
  /** Earlier values of RCV.NXT, newest first: the ACK fields a delayed segment may carry. */
  long[] rcvHistory = new long[HISTORY];
  int historySize;
  /** The highest ACK this endpoint sent, or -1. */
  long lastAckSent = -1;
  List<Owed> owed = List.of();
  /** The last rule that moved this candidate, for the deviation report. */
  TcpRule lastRule;
  /** Segments this hypothesis assumes were lost after the capture point (or before it); not part of equality. */
  int losses;

  // The segment or call being processed (SEG.SEQ, SEG.ACK, SEG.LEN, SEG.WND): not part of equality.
  long segSeq;
  long segAck;
  long segLen;
  long segWnd;

  Candidate(TcpState state, int unknown) {
    this.state = state;
    this.unknown = unknown;
  }

  Candidate copy() {
    Candidate c = new Candidate(state, unknown);
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
    c.rcvHistory = rcvHistory.clone();
    c.historySize = historySize;
    c.lastAckSent = lastAckSent;
    c.owed = owed;
    c.lastRule = lastRule;
    c.losses = losses;
    return c;
  }

  boolean knows(int bits) {
    return (unknown & bits) == 0;
  }

  void addOwed(Owed o) {
    if (!owed.contains(o)) {
      List<Owed> l = new ArrayList<>(owed);
      l.add(o);
      owed = List.copyOf(l);
    }
  }

  void removeOwed(Owed o) {
    List<Owed> l = new ArrayList<>(owed);
    l.remove(o);
    owed = List.copyOf(l);
  }

  /** RCV.NXT moves on; the old value stays acceptable in a delayed segment's ACK field. */
  void setRcvNxt(long v) {
    if (v == rcvNxt) {
      return;
    }
    System.arraycopy(rcvHistory, 0, rcvHistory, 1, HISTORY - 1);
    rcvHistory[0] = rcvNxt;
    historySize = Math.min(HISTORY, historySize + 1);
    rcvNxt = v;
    if (Seq.diff(v, rcvHigh) > 0) {
      rcvHigh = v;
    }
  }

  boolean inHistory(long ack) {
    for (int i = 0; i < historySize; i++) {
      if (rcvHistory[i] == ack) {
        return true;
      }
    }
    return false;
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

  /** As a {@code set} action says. */
  void write(TcpVariable v, long value) {
    switch (v) {
      case IRS -> irs = value;
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
    return state == c.state && unknown == c.unknown && iss == c.iss && irs == c.irs && sndNxt == c.sndNxt && rcvNxt == c.rcvNxt
        && passiveOpen == c.passiveOpen && finSent == c.finSent && finSeq == c.finSeq && rcvHigh == c.rcvHigh
        && historySize == c.historySize && Arrays.equals(rcvHistory, c.rcvHistory) && lastAckSent == c.lastAckSent
        && owed.equals(c.owed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, sndNxt, rcvNxt, rcvHigh, owed.size());
  }
}
