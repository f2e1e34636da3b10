package io.tcpfsm.explore;

import io.tcpfsm.model.Machine;
import java.util.List;

/**
 * The model's guards, evaluated on an endpoint's abstract TCB and the arriving segment, each as
 * the spec's guard declaration and the RFC define it. Abstract sequence numbers are small
 * integers that never wrap (see {@link End}), so the RFC's modular comparisons are plain ones.
 */
final class Guards {
  static final List<String> NAMES = List.of(
      "seq_acceptable", "ack_acceptable", "ack_is_snd_una", "fin_acked", "passive_open",
      "rst_seq_exact", "has_data", "text_pending", "send_pending", "seq_acceptable_linux");

  private Guards() {}

  static int id(Machine machine, String name) {
    int id = NAMES.indexOf(name);
    if (id < 0) {
      throw new ExploreException(machine.file() + ": the explorer does not know how to evaluate guard '" + name
          + "' (it knows " + String.join(", ", NAMES) + ")");
    }
    return id;
  }

  /**
   * Whether guard {@code id} holds for {@code seg} (-1 for a call or timeout) arriving at
   * {@code e} in state {@code stateName}.
   */
  static boolean holds(int id, End e, String stateName, int seg, int rcvWnd, boolean rfc5961) {
    int seq = seg < 0 ? 0 : Seg.seq(seg);
    int ack = seg < 0 || !Seg.has(seg, Seg.ACK) ? 0 : Seg.ack(seg);
    return switch (id) {
      case 0 -> seqAcceptable(seq, seg < 0 ? 0 : Seg.len(seg), e.rcv, rcvWnd);
      case 1 -> ackAcceptable(stateName, e, ack, rcvWnd, rfc5961);
      case 2 -> ack == e.una;
      case 3 -> e.finSeq != 0 && ack >= e.finSeq + 1;
      case 4 -> e.passive;
      case 5 -> seq == e.rcv;
      case 6 -> seg >= 0 && Seg.data(seg);
      case 7 -> e.textPending;
      case 8 -> e.sendPending;
      case 9 -> linuxSeqAcceptable(seq, seg < 0 ? 0 : Seg.len(seg), e.rcv, rcvWnd);
      default -> throw new IllegalArgumentException("guard id " + id);
    };
  }

  /** RFC 9293 3.10.7.4 Table 6 (RFC 793 p.69): segment length against receive window. */
  static boolean seqAcceptable(int seq, int len, int rcvNxt, int rcvWnd) {
    boolean startIn = rcvNxt <= seq && seq < rcvNxt + rcvWnd;
    if (len == 0) {
      return startIn;
    }
    int last = seq + len - 1;
    return startIn || (rcvNxt <= last && last < rcvNxt + rcvWnd);
  }

  /** Linux's tcp_sequence: RCV.NXT =< SEG.SEQ+SEG.LEN and SEG.SEQ =< RCV.NXT+RCV.WND. */
  static boolean linuxSeqAcceptable(int seq, int len, int rcvNxt, int rcvWnd) {
    return rcvNxt <= seq + len && seq <= rcvNxt + rcvWnd;
  }

  /**
   * SYN-SENT: ISS < SEG.ACK =< SND.NXT (RFC 9293 3.10.7.3); SYN-RECEIVED: SND.UNA < SEG.ACK =<
   * SND.NXT; synchronized states: SEG.ACK =< SND.NXT and, with RFC 5961 section 5.2,
   * SND.UNA - MAX.SND.WND =< SEG.ACK, MAX.SND.WND being the peer's fixed window.
   */
  static boolean ackAcceptable(String state, End e, int ack, int wnd, boolean rfc5961) {
    boolean notAhead = ack <= e.nxt;
    return switch (state) {
      case "SYN_SENT" -> ack > e.iss() && notAhead;
      case "SYN_RECV" -> ack > e.una && notAhead;
      case "CLOSED", "LISTEN" -> false;
      default -> notAhead && (!rfc5961 || ack >= e.una - wnd);
    };
  }
}
