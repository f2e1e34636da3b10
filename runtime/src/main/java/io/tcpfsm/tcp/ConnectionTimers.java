package io.tcpfsm.tcp;

import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.rto.RetransmitTimer;
import io.tcpfsm.time.TimerWheel;

/**
 * A {@link Connection}'s timers on its host's {@link TimerWheel}: retransmission (RFC 6298), the
 * persist timer that probes a zero window (RFC 9293 3.8.6.1), the user timeout (RFC 9293 3.8.3,
 * RFC 5482), TIME-WAIT's 2 MSL (RFC 9293 3.6) and keep-alive (RFC 9293 3.8.4, {@link
 * KeepAlives}). The model starts and cancels RETRANSMIT, USER and TIME_WAIT through its actions;
 * what happens when one fires is decided here, mostly by handing the machine a timeout event.
 *
 * <p>Static methods on the connection, as in {@link SegmentArrival}: the handles live in the
 * connection's {@code timers} array, made when first scheduled and dropped when idle, so an idle
 * connection holds none.
 */
final class ConnectionTimers {
  /** The connection's timers on the host's wheel. */
  enum Kind { RETRANSMIT, TIME_WAIT, USER, PERSIST, KEEPALIVE }

  private static final Kind[] KINDS = Kind.values();

  private ConnectionTimers() {}

  /** Schedules (or reschedules) a timer, making its handle if it has none. */
  static void schedule(Connection c, Kind kind, long deadline) {
    if (c.timers == null) {
      c.timers = new TimerWheel.Timer[KINDS.length];
    }
    TimerWheel.Timer t = c.timers[kind.ordinal()];
    if (t == null) {
      t = c.env.wheel().timer(at -> fire(c, kind, at));
      c.timers[kind.ordinal()] = t;
    }
    t.schedule(deadline);
  }

  /** Cancels a timer and drops its handle. */
  static void cancel(Connection c, Kind kind) {
    TimerWheel.Timer t = c.timers == null ? null : c.timers[kind.ordinal()];
    if (t != null) {
      t.cancel();
      drop(c, kind);
    }
  }

  static boolean isScheduled(Connection c, Kind kind) {
    TimerWheel.Timer t = c.timers == null ? null : c.timers[kind.ordinal()];
    return t != null && t.isScheduled();
  }

  /** Cancels every timer: the TCB is gone. */
  static void cancelAll(Connection c) {
    for (Kind kind : KINDS) {
      cancel(c, kind);
    }
  }

  /** Puts the retransmission deadline on the wheel. Called after every event. */
  static void sync(Connection c) {
    long deadline = c.retransmitTimer.deadline();
    if (deadline == RetransmitTimer.NOT_RUNNING) {
      cancel(c, Kind.RETRANSMIT);
    } else if (!isScheduled(c, Kind.RETRANSMIT) || c.timers[Kind.RETRANSMIT.ordinal()].deadline() != deadline) {
      schedule(c, Kind.RETRANSMIT, deadline);
    }
    if (c.retransmitTimer.isRunning() || c.tcb.sndWnd > 0) {
      cancel(c, Kind.PERSIST); // something will be acknowledged, or the window opened: no probe needed
    }
  }

  private static void drop(Connection c, Kind kind) {
    c.timers[kind.ordinal()] = null;
    for (TimerWheel.Timer t : c.timers) {
      if (t != null) {
        return;
      }
    }
    c.timers = null;
  }

  private static void fire(Connection c, Kind kind, long at) {
    c.now = at;
    switch (kind) {
      case RETRANSMIT -> retransmitTimeout(c);
      case TIME_WAIT -> c.call(TcpEvent.TIMEOUT_TIME_WAIT);
      case USER -> userTimeout(c);
      case PERSIST -> persistTimeout(c);
      case KEEPALIVE -> KeepAlives.timeout(c);
    }
    if (c.timers != null && c.timers[kind.ordinal()] != null && !isScheduled(c, kind)) {
      drop(c, kind); // it ran and was not scheduled again
    }
  }

  private static void retransmitTimeout(Connection c) {
    if (!c.retransmitTimer.expired(c.now)) {
      sync(c);
      return;
    }
    if (++c.consecutiveTimeouts > c.config.maxRetransmissions()) {
      // RFC 9293 3.8.3 (R2): "the connection should be closed" once retransmission has gone on
      // this long; the model's user-timeout rule closes it and tells the user why.
      c.call(TcpEvent.TIMEOUT_USER);
      return;
    }
    if (c.congestion != null) {
      c.congestion.onRetransmitTimeout(c.flight(), (int) c.tcb.sndNxt);
    }
    c.call(TcpEvent.TIMEOUT_RETRANSMIT);
  }

  /**
   * The user timeout bounds how long sent data may stay unacknowledged (RFC 9293 3.8.3, R2; RFC
   * 5482's "maximum amount of time that transmitted data may remain unacknowledged"): an idle
   * connection, owing nothing, does not time out, so the timer waits again.
   */
  private static void userTimeout(Connection c) {
    if (c.isSynchronized() && c.flight() == 0) {
      schedule(c, Kind.USER, c.now + c.config.userTimeoutNanos());
      return;
    }
    c.call(TcpEvent.TIMEOUT_USER);
  }

  private static void persistTimeout(Connection c) {
    if (c.deleted || c.tcb.sndWnd != 0 || c.sendBuffer.after(c.tcb.sndNxt) == 0) {
      return;
    }
    // RFC 9293 3.8.6.1: "The sending TCP must regularly transmit at least one octet of new data
    // (if available) ... even if the send window is zero".
    c.forceProbe = true;
    try {
      c.call(TcpEvent.SEND);
    } finally {
      c.forceProbe = false;
    }
  }
}
