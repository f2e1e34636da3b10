package io.tcpfsm.probe;

import io.tcpfsm.machine.TcpState;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cells of the probe grid for which a profile defines no outcome yet: Linux behaviour that the
 * model's guards cannot tell apart, written down in docs/linux-probes.md with the kernel function
 * and the probes that show it. The matrix reports such a cell as "no outcome defined" rather than
 * as an agreement or a disagreement, and {@link Matrix#summary()} counts them apart, so the
 * agreement figure is over the cells the profile does define. Only the {@code linux} profile has
 * gaps: rfc793 and rfc9293 define every cell (their disagreements with Linux are real ones).
 */
public final class KnownGaps {
  /** One behaviour: where it applies, and the sentence the matrix prints. */
  public record Gap(String profile, String name, Set<TcpState> states, Set<SegmentClass> segments, Set<SeqPosition> seq, String why) {
    boolean covers(String p, Probe probe) {
      return profile.equals(p) && states.contains(probe.state()) && segments.contains(probe.segment()) && seq.contains(probe.seq());
    }
  }

  private static final Set<TcpState> FIN_RECEIVED = EnumSet.of(TcpState.CLOSE_WAIT, TcpState.CLOSING, TcpState.LAST_ACK);

  public static final List<Gap> ALL = List.of(
      new Gap("linux", "close_wait_fin_past_window", EnumSet.of(TcpState.CLOSE_WAIT), EnumSet.of(SegmentClass.FIN_ACK), EnumSet.of(SeqPosition.BEYOND),
          "tcp_input.c tcp_rcv_state_process: a FIN at RCV.NXT+RCV.WND passes tcp_sequence and is then not queued in CLOSE-WAIT"
              + " (no ACK), while one ending at RCV.NXT is acknowledged; seq_acceptable_linux holds for both (docs/linux-probes.md, row 9)"),
      new Gap("linux", "request_syn_retransmitted", EnumSet.of(TcpState.SYN_RECV), EnumSet.of(SegmentClass.SYN), EnumSet.of(SeqPosition.BELOW),
          "tcp_minisocks.c tcp_check_req: the SYN at IRS is the 'pure retransmitted SYN' and gets the SYN,ACK again"
              + " (inet_rtx_syn_ack); the model has no guard for SEG.SEQ = IRS (docs/linux-probes.md, row 6)"),
      new Gap("linux", "rst_at_peer_fin", FIN_RECEIVED, EnumSet.of(SegmentClass.RST, SegmentClass.RST_ACK), EnumSet.of(SeqPosition.BELOW),
          "tcp_input.c tcp_reset_check believes an RST at RCV.NXT-1 in CLOSE-WAIT, CLOSING, LAST-ACK; the model has no guard"
              + " for SEG.SEQ = RCV.NXT-1 (docs/linux-probes.md, row 3)"),
      new Gap("linux", "text_across_fin", EnumSet.of(TcpState.CLOSE_WAIT), EnumSet.of(SegmentClass.DATA), EnumSet.of(SeqPosition.BELOW),
          "tcp_input.c tcp_rcv_state_process resets when text starting before RCV.NXT runs past it after the peer's FIN;"
              + " the model has no guard for SEG.SEQ < RCV.NXT (docs/linux-probes.md, row 4)"),
      new Gap("linux", "past_window_with_queue", FIN_RECEIVED, EnumSet.of(SegmentClass.DATA), EnumSet.of(SeqPosition.RIGHT_EDGE, SeqPosition.BEYOND),
          "tcp_input.c tcp_sequence rejects a segment that runs past the window while the receive queue is not empty"
              + " (here the peer's unread FIN): it depends on what the application has read (docs/linux-probes.md, row 11)"));

  private KnownGaps() {}

  /** The gap of {@code profile} that covers {@code probe}, if any. */
  public static Optional<Gap> of(String profile, Probe probe) {
    return ALL.stream().filter(g -> g.covers(profile, probe)).findFirst();
  }
}
