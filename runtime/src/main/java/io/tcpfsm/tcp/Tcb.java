package io.tcpfsm.tcp;

import io.tcpfsm.machine.TcpVariable;
import java.util.function.ToLongFunction;

/**
 * The transmission control block's variables (RFC 9293 3.3.1) and the current segment's
 * (SEG.SEQ, SEG.ACK, SEG.LEN, SEG.WND). The generated actions read and write them by name
 * ({@link TcpVariable}); nothing else in the runtime assigns the variables the spec sets.
 * Sequence numbers are held as 32-bit values in {@code long}s in {@code [0, 2^32)}.
 */
final class Tcb implements ToLongFunction<TcpVariable> {
  long iss;
  long irs;
  long sndUna;
  long sndNxt;
  /** SND.WND in bytes, already scaled (RFC 7323 2.3). */
  long sndWnd;
  long sndWl1;
  long sndWl2;
  long rcvNxt;
  /** The largest window the peer ever offered: RFC 5961's MAX.SND.WND. */
  long maxSndWnd;

  // The segment being processed; for a call, SEG.LEN is the length of the text its send carries.
  long segSeq;
  long segAck;
  long segLen;
  long segWnd;

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

  /** Sets a variable, as a generated {@code set} action says; the segment's are read-only. */
  void write(TcpVariable v, long value) {
    switch (v) {
      case IRS -> irs = value;
      case ISS -> iss = value;
      case RCV_NXT -> rcvNxt = value;
      case SND_NXT -> sndNxt = value;
      case SND_UNA -> sndUna = value;
      case SND_WL1 -> sndWl1 = value;
      case SND_WL2 -> sndWl2 = value;
      case SND_WND -> {
        sndWnd = value;
        maxSndWnd = Math.max(maxSndWnd, value);
      }
      case SEG_ACK, SEG_LEN, SEG_SEQ, SEG_WND -> throw new IllegalStateException("the spec sets " + v.text() + ", a variable of the arriving segment");
    }
  }

  /** {@code a - b} in sequence space: negative when a is before b (RFC 9293 3.4). */
  static int diff(long a, long b) {
    return (int) (a - b);
  }

  static long add(long a, long n) {
    return (a + n) & 0xFFFF_FFFFL;
  }
}
