package io.tcpfsm.scenario;

import io.tcpfsm.sim.Impairments;
import io.tcpfsm.sim.SimLink;
import io.tcpfsm.tcp.Addresses;
import io.tcpfsm.tcp.Host;
import io.tcpfsm.tcp.TcpConfig;
import io.tcpfsm.time.TimerWheel;
import java.util.function.BooleanSupplier;

/**
 * Two hosts joined by a simulated link, run on virtual time: the link delivers what is due,
 * each host runs its timers, the application acts, and time jumps to the next deadline.
 * Deterministic for a given seed.
 */
public final class SimPair {
  public static final byte[] CLIENT = Addresses.parse("10.0.0.1");
  public static final byte[] SERVER = Addresses.parse("10.0.0.2");

  public final Host client;
  public final Host server;
  public final SimLink link;
  private static final long IDLE_STEP = 1_000_000_000L;
  private long now;

  public SimPair(TcpConfig clientConfig, TcpConfig serverConfig, long seed, Impairments impairments) {
    this.link = new SimLink(seed, impairments);
    this.client = new Host(CLIENT, clientConfig, p -> link.send(SimLink.Direction.A_TO_B, now, p));
    this.server = new Host(SERVER, serverConfig, p -> link.send(SimLink.Direction.B_TO_A, now, p));
  }

  public long now() {
    return now;
  }

  /**
   * Runs until {@code done} holds or {@code limitNanos} of virtual time pass; {@code app} is
   * called at every instant something happened. Returns whether {@code done} held.
   */
  public boolean run(BooleanSupplier done, long limitNanos, Runnable app) {
    long end = now + limitNanos;
    while (now <= end) {
      link.poll(now, (d, at, packet) -> (d == SimLink.Direction.A_TO_B ? server : client).receive(packet, now));
      client.poll(now);
      server.poll(now);
      app.run();
      if (done.getAsBoolean()) {
        return true;
      }
      long next = Math.min(link.nextDeadline(), Math.min(client.poll(now), server.poll(now)));
      if (link.inFlight() > 0) {
        next = Math.min(next, link.nextDeadline());
      }
      if (next == TimerWheel.NO_DEADLINE || next == Long.MAX_VALUE) {
        next = now + IDLE_STEP; // nothing scheduled: the applications may still act on their own clocks
      }
      now = Math.max(now + 1, Math.min(next, end + 1));
    }
    return done.getAsBoolean();
  }
}
