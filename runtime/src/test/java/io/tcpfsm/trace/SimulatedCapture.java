package io.tcpfsm.trace;

import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.scenario.Scenario;
import io.tcpfsm.scenario.ScenarioRunner;
import io.tcpfsm.sim.Impairments;
import io.tcpfsm.sim.SimLink;
import io.tcpfsm.tcp.TcpConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** The pcap the simulated network writes for one scenario under one fault schedule (the trace properties' input). */
final class SimulatedCapture {
  private static final long MS = 1_000_000L;
  /** The endpoints' TIME-WAIT: short, so that a run ends soon. */
  static final long TIME_WAIT = 500 * MS;
  /** The shortest TIME-WAIT a checker of these captures assumes: the path's delay (up to 1.25 times the set delay, and reordering's extra half) can make one look shorter at the capture point. */
  static final long CHECKER_TIME_WAIT = 400 * MS;

  private SimulatedCapture() {}

  static byte[] of(Scenario scenario, long seed, double loss, double reorder, double duplicate, double corrupt, int delayMs,
      int bytes, TcpProfile profile) throws IOException {
    Impairments im = Impairments.NONE.withDelay(delayMs * MS, delayMs * MS / 4).withLoss(loss)
        .withReorder(reorder, delayMs * MS / 2).withDuplicate(duplicate).withCorrupt(corrupt);
    TcpConfig config = TcpConfig.defaults().withTwoMsl(TIME_WAIT).withProfile(profile);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PcapWriter writer = SimLink.pcapWriter(out);
    new ScenarioRunner(config, im, seed, bytes).capture(writer).run(scenario);
    writer.flush();
    return out.toByteArray();
  }
}
