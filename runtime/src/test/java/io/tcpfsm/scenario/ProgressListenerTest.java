package io.tcpfsm.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.sim.Impairments;
import io.tcpfsm.tcp.TcpConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner tells a listener how far a run got: never backwards, and all of it at the end. */
class ProgressListenerTest {
  @Test
  void deliveredBytesGrowToWhatTheHalfCloseScenarioSendsBothWays() {
    List<long[]> seen = new ArrayList<>();
    ScenarioResult r = new ScenarioRunner(TcpConfig.defaults(), Impairments.NONE.withDelay(1_000_000L, 0), 7, 40_000)
        .progress((delivered, expected, at) -> seen.add(new long[] {delivered, expected, at}))
        .run(Scenario.HALF_CLOSE);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(seen).isNotEmpty();
    // half close: the client sends 40,000 bytes, the server 20,000 after the client's FIN
    assertThat(seen).allSatisfy(p -> assertThat(p[1]).isEqualTo(60_000));
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i)[0]).isGreaterThanOrEqualTo(seen.get(i - 1)[0]);
      assertThat(seen.get(i)[2]).isGreaterThanOrEqualTo(seen.get(i - 1)[2]);
    }
    assertThat(seen.get(seen.size() - 1)[0]).isEqualTo(60_000);
  }
}
