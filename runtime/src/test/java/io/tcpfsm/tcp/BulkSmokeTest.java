package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.scenario.SimPair;
import io.tcpfsm.sim.Impairments;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BulkSmokeTest {
  @Test
  void oneMegabyteArrivesInOrderAndBothEndsClose() {
    TcpConfig cfg = TcpConfig.defaults().withTwoMsl(1_000_000_000L);
    SimPair pair = new SimPair(cfg, cfg, 1, Impairments.NONE.withDelay(1_000_000L, 0));
    Host.Listening l = pair.server.listen(80, 8);
    byte[] data = new byte[1 << 20];
    new Random(7).nextBytes(data);
    Connection c = pair.client.connect(SimPair.SERVER, 80, 0);
    Connection[] s = new Connection[1];
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    int[] sent = {0};
    boolean[] closed = {false, false};
    boolean ok = pair.run(() -> c.isDeleted() && s[0] != null && s[0].isDeleted(), 600_000_000_000L, () -> {
      long now = pair.now();
      if (s[0] == null) {
        s[0] = l.accept();
      }
      if (c.state() == TcpState.ESTABLISHED && sent[0] < data.length) {
        byte[] chunk = java.util.Arrays.copyOfRange(data, sent[0], Math.min(data.length, sent[0] + 65536));
        sent[0] += c.send(chunk, now);
      }
      if (sent[0] == data.length && !closed[0]) {
        closed[0] = true;
        c.close(now);
      }
      if (s[0] != null) {
        byte[] b = s[0].read(1 << 20, now);
        got.writeBytes(b);
        if (s[0].state() == TcpState.CLOSE_WAIT && s[0].available() == 0 && !closed[1]) {
          closed[1] = true;
          s[0].close(now);
        }
      }
    });
    assertThat(got.toByteArray()).isEqualTo(data);
    assertThat(c.history()).containsExactly(TcpState.CLOSED, TcpState.SYN_SENT, TcpState.ESTABLISHED, TcpState.FIN_WAIT1, TcpState.FIN_WAIT2, TcpState.TIME_WAIT, TcpState.CLOSED);
    assertThat(s[0].history()).containsExactly(TcpState.CLOSED, TcpState.LISTEN, TcpState.SYN_RECV, TcpState.ESTABLISHED, TcpState.CLOSE_WAIT, TcpState.LAST_ACK, TcpState.CLOSED);
    assertThat(ok).isTrue();
    assertThat(pair.client.connectionCount() + pair.server.connectionCount()).isZero();
  }
}
