package io.tcpfsm.scenario;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.sim.LinkStats;
import java.util.List;

/**
 * What a scenario run did: each endpoint's states, bytes and signals, the link's counts, and
 * whether it is {@link #ok}: every byte arrived once and in order (or the application was told
 * why not), both ends reached CLOSED with their TCBs deleted, and no timer was left running.
 */
public record ScenarioResult(
    Scenario scenario,
    long seed,
    String profile,
    Side client,
    Side server,
    long retransmissions,
    LinkStats link,
    long elapsedNanos,
    boolean ok,
    String problem) {

  /** One endpoint's account. */
  public record Side(List<TcpState> states, TcpState finalState, long bytesSent, long bytesDelivered, List<String> signals, boolean dataIntact) {}
}
