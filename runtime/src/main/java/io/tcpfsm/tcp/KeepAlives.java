package io.tcpfsm.tcp;

import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.machine.TcpState;

/**
 * Keep-alive probing for a {@link Connection} that asked for it ({@link KeepAlive}): when it was
 * last heard from, how many probes went unanswered, and what its KEEPALIVE timer does when it
 * fires. Not a model transition: a probe changes no state, as RFC 9293 3.8.4 describes it outside
 * the event processing of 3.10; giving the connection up is the model's user timeout.
 *
 * <p>The state is made when the application turns keep-alive on, so a connection without it
 * costs one null field.
 */
final class KeepAlives {
  /** One connection's keep-alive: its settings, when it last heard a segment, probes unanswered. */
  static final class State {
    final KeepAlive settings;
    long heardAt;
    int unanswered;

    State(KeepAlive settings, long heardAt) {
      this.settings = settings;
      this.heardAt = heardAt;
    }
  }

  private KeepAlives() {}

  /** Turns keep-alive on with {@code settings} (counting idle time from {@code at}), or off with null. */
  static void set(Connection c, KeepAlive settings, long at) {
    if (settings == null) {
      c.keepAlive = null;
      ConnectionTimers.cancel(c, ConnectionTimers.Kind.KEEPALIVE);
      return;
    }
    c.keepAlive = new State(settings, at);
    ConnectionTimers.schedule(c, ConnectionTimers.Kind.KEEPALIVE, at + settings.idleNanos());
  }

  /** A segment arrived: the peer is alive, and idle time counts from now (MUST-26). */
  static void heard(Connection c, long at) {
    State k = c.keepAlive;
    if (k != null) {
      k.heardAt = at;
      k.unanswered = 0;
    }
  }

  /** The KEEPALIVE timer fired at {@code c.now}. */
  static void timeout(Connection c) {
    State k = c.keepAlive;
    if (k == null || c.deleted) {
      return;
    }
    KeepAlive s = k.settings;
    if (!probes(c)) {
      // MUST-26: "only sent when no sent data is outstanding": retransmission watches the peer
      // meanwhile. Not yet synchronized, or in TIME-WAIT, there is nothing to probe.
      k.unanswered = 0;
      ConnectionTimers.schedule(c, ConnectionTimers.Kind.KEEPALIVE, c.now + s.idleNanos());
      return;
    }
    if (k.unanswered == 0 && c.now - k.heardAt < s.idleNanos()) {
      ConnectionTimers.schedule(c, ConnectionTimers.Kind.KEEPALIVE, k.heardAt + s.idleNanos());
      return;
    }
    if (k.unanswered >= s.probes()) {
      // Every probe went unanswered: the peer is taken to be gone, and the connection closes as
      // on a user timeout (RFC 9293 3.10.8), its user told why.
      c.call(TcpEvent.TIMEOUT_USER);
      return;
    }
    k.unanswered++;
    c.runner.sendKeepAlive();
    ConnectionTimers.schedule(c, ConnectionTimers.Kind.KEEPALIVE, c.now + s.intervalNanos());
  }

  /** Whether a probe may go now: synchronized, not in TIME-WAIT, nothing sent unacknowledged or waiting to be sent. */
  private static boolean probes(Connection c) {
    return c.isSynchronized() && c.state != TcpState.TIME_WAIT && c.flight() == 0
        && c.sendBuffer.after(c.tcb.sndNxt) == 0;
  }
}
