package io.tcpfsm.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.tcp.ObservedTcb;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cell a profile defines no outcome for (KnownGaps) is neither an agreement nor a disagreement:
 * the summary counts it apart, the text and JSON say so. The observations are what the kernel
 * showed in docs/linux-probes.md's probes (CLOSE_WAIT-RST-below: CLOSED; ESTABLISHED-ACK-beyond:
 * nothing sent).
 */
class MatrixGapsTest {
  private static final ObservedTcb EST = new ObservedTcb(1000, 5000, 1001, 1001, 5001, 100, 65_535, false, false, 0);
  private static final ObservedTcb CLOSE_WAIT = new ObservedTcb(1000, 5000, 1001, 1001, 5002, 99, 65_535, false, false, 0);

  private static final Observation ACK_AT_WINDOW_END = new Observation(
      new Probe(TcpState.ESTABLISHED, SegmentClass.ACK, SeqPosition.BEYOND, AckPosition.NEXT), null, TcpState.ESTABLISHED, List.of(),
      EST, 5101, 1001);
  private static final Observation RST_AT_PEER_FIN = new Observation(
      new Probe(TcpState.CLOSE_WAIT, SegmentClass.RST, SeqPosition.BELOW, AckPosition.NEXT), null, TcpState.CLOSED, List.of(),
      CLOSE_WAIT, 5001, 0);

  @Test
  void aGapIsCountedApart() {
    Matrix m = new Matrix(List.of(TcpProfile.RFC9293, TcpProfile.LINUX), List.of(ACK_AT_WINDOW_END, RST_AT_PEER_FIN));
    assertThat(m.summary()).containsExactly(
        "rfc9293 agrees on 0 of 2 cells",
        "linux agrees on 1 of 1 cells it defines an outcome for (1 more: no outcome defined, see docs/linux-probes.md)");
    assertThat(m.text()).contains("linux no outcome defined (rst_at_peer_fin)");
    assertThat(m.json().get(1)).contains("\"noOutcomeDefined\":\"rst_at_peer_fin: ");
    assertThat(m.markdown()).contains("no outcome defined (rst_at_peer_fin)");
  }

  @Test
  void onlyTheLinuxProfileHasGaps() {
    assertThat(KnownGaps.ALL).allMatch(g -> g.profile().equals("linux"));
    assertThat(KnownGaps.of("rfc9293", RST_AT_PEER_FIN.probe())).isEmpty();
    assertThat(KnownGaps.of("linux", ACK_AT_WINDOW_END.probe())).isEmpty();
  }
}
