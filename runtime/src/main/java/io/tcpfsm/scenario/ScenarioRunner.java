package io.tcpfsm.scenario;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.sim.Impairments;
import io.tcpfsm.tcp.Connection;
import io.tcpfsm.tcp.Host;
import io.tcpfsm.tcp.TcpConfig;
import java.util.List;
import java.util.SplittableRandom;

/** Runs a {@link Scenario} between two hosts on a {@link SimPair}. */
public final class ScenarioRunner {
  private static final int PORT = 80;
  private static final long LIMIT = 3_600L * 1_000_000_000L; // an hour of virtual time
  private static final long IDLE_ABORT = 300L * 1_000_000_000L;

  private final TcpConfig config;
  private final Impairments impairments;
  private final long seed;
  private final int bytes;
  private io.tcpfsm.capture.PcapWriter capture;
  private ProgressListener progress = ProgressListener.NONE;

  public ScenarioRunner(TcpConfig config, Impairments impairments, long seed, int bytes) {
    this.config = config;
    this.impairments = impairments;
    this.seed = seed;
    this.bytes = bytes;
  }

  /** Writes every frame the link delivers to {@code writer} (raw IPv4). */
  public ScenarioRunner capture(io.tcpfsm.capture.PcapWriter writer) {
    this.capture = writer;
    return this;
  }

  /** Tells {@code listener} after each step of the run how many bytes have been delivered. */
  public ScenarioRunner progress(ProgressListener listener) {
    this.progress = listener;
    return this;
  }

  public ScenarioResult run(Scenario scenario) {
    SimPair pair = new SimPair(config, config, seed, impairments);
    if (capture != null) {
      pair.link.capture(capture);
    }
    SplittableRandom random = new SplittableRandom(seed);
    Endpoint client = new Endpoint("client", data(random, bytes));
    Endpoint server = new Endpoint("server", Payload.EMPTY);
    Host.Listening listening = null;
    switch (scenario) {
      case CLIENT_CLOSE, BULK -> {
        client.closeAfterSending = true;
        server.closeAfterPeer = true;
      }
      case SERVER_CLOSE -> {
        client.closeAfterPeer = true;
        server.closeAfterSending = true;
        server.payload(client.toSend); // the server sends; the client only reads
        client.payload(Payload.EMPTY);
      }
      case SIMULTANEOUS_CLOSE -> {
        client.closeAfterSending = true;
        server.closeAfterSending = true;
      }
      case HALF_CLOSE -> {
        client.closeAfterSending = true;
        server.closeAfterPeer = true;
        server.sendAfterPeerClose = true;
        server.payload(data(random, Math.max(1, bytes / 2)));
      }
      case ABORT -> {
        client.abortAt = bytes / 2;
        server.closeAfterPeer = true;
        // The server sends too: if the client's RST is lost, the server's data draws another from
        // the client's CLOSED state (RFC 9293 3.10.7.1), so the server learns of the abort.
        server.payload(data(random, 100));
      }
      case REFUSED, SIMULTANEOUS_OPEN -> {
        client.closeAfterSending = true;
        server.closeAfterPeer = true;
      }
    }
    Endpoint srv = server;
    client.expected = server.toSend;
    server.expected = client.toSend;
    if (scenario == Scenario.SIMULTANEOUS_OPEN) {
      client.connection = pair.client.connect(SimPair.SERVER, 6000, 5000, 0);
      srv.connection = pair.server.connect(SimPair.CLIENT, 5000, 6000, 0);
    } else {
      if (scenario != Scenario.REFUSED) {
        listening = pair.server.listen(PORT, 16);
      }
      client.connection = pair.client.connect(SimPair.SERVER, PORT, 0);
    }
    Host.Listening l = listening;
    boolean simultaneousClose = scenario == Scenario.SIMULTANEOUS_CLOSE;
    long[] peerGoneAt = {-1};
    long[] neverAcceptedSince = {-1};
    long expected = client.toSend.length() + srv.toSend.length();
    boolean finished = pair.run(() -> done(pair, client, srv), LIMIT, () -> {
      long now = pair.now();
      if (l != null && srv.connection == null) {
        srv.connection = l.accept();
      }
      if (simultaneousClose && !client.closed && !srv.closed) {
        closeTogether(client, srv, now);
      }
      client.act(now);
      srv.act(now);
      abandonHalfOpen(client, srv, peerGoneAt, now);
      abandonNeverAccepted(client, srv, pair.server, neverAcceptedSince, now);
      progress.progress(client.received + srv.received, expected, now);
    });
    return result(scenario, pair, client, srv, finished);
  }

  /**
   * When one side gave up (its retransmissions unanswered, RFC 9293 3.8.3 R2) and was told so,
   * the other may wait forever for a peer that is gone, as a real half-open connection does. Its
   * application, like any that uses no keep-alive, gives up after five idle minutes and aborts,
   * even after its own CLOSE: an end left in FIN-WAIT-2 has no timeout of its own in RFC 793 or
   * 9293 (Linux's tcp_fin_timeout is an implementation's), and ABORT is a call it may still make.
   */
  private static void abandonHalfOpen(Endpoint a, Endpoint b, long[] goneAt, long now) {
    if (a.connection == null || b.connection == null || a.connection.isDeleted() == b.connection.isDeleted()) {
      goneAt[0] = -1;
      return;
    }
    Endpoint gone = a.connection.isDeleted() ? a : b;
    Endpoint left = gone == a ? b : a;
    if (!gone.connection.signals().stream().anyMatch(ScenarioRunner::told) && !told(gone.connection.response())) {
      return;
    }
    if (idleTooLong(goneAt, now)) {
      left.closed = true;
      left.connection.abort(now);
    }
  }

  /** Whether the wait that {@code since} times (from now, if it has not begun) has passed {@link #IDLE_ABORT}. */
  private static boolean idleTooLong(long[] since, long now) {
    if (since[0] < 0) {
      since[0] = now;
    }
    return now - since[0] > IDLE_ABORT;
  }

  /**
   * The client is established but the server's end never was: its SYN-RECEIVED gave up (every
   * SYN,ACK again and the ACK of the first lost, RFC 9293 3.8.3) before the listener had a
   * connection to hand its application, so no application was told anything, and the server's
   * host holds no connection for it. The client, with nothing to send, waits for a peer that is
   * gone; its application gives up after five idle minutes, as in {@link #abandonHalfOpen}.
   */
  private static void abandonNeverAccepted(Endpoint client, Endpoint server, Host serverHost, long[] since, long now) {
    Connection c = client.connection;
    boolean alone = server.connection == null && c != null && !c.isDeleted() && past(c.state())
        && serverHost.connectionCount() == 0;
    if (!alone) {
      since[0] = -1;
    } else if (idleTooLong(since, now)) {
      client.closed = true;
      c.abort(now);
    }
  }

  /** ESTABLISHED or a later state: past the handshake. */
  private static boolean past(TcpState s) {
    return s != TcpState.CLOSED && s != TcpState.LISTEN && s != TcpState.SYN_SENT && s != TcpState.SYN_RECV;
  }

  /** Both close at the same instant, once each has sent everything and it is acknowledged. */
  private static void closeTogether(Endpoint a, Endpoint b, long now) {
    Connection x = a.connection;
    Connection y = b.connection;
    if (x == null || y == null || x.state() != TcpState.ESTABLISHED || y.state() != TcpState.ESTABLISHED) {
      a.closeAfterSending = false;
      b.closeAfterSending = false;
      return;
    }
    if (a.sentAll() && b.sentAll() && x.unacknowledged() == 0 && y.unacknowledged() == 0
        && b.received == a.toSend.length()) {
      a.closed = true;
      b.closed = true;
      x.close(now);
      y.close(now);
    }
  }

  /** Both TCBs deleted, and neither host holds a connection (an unaccepted child counts). */
  private static boolean done(SimPair pair, Endpoint a, Endpoint b) {
    return a.connection.isDeleted() && (b.connection == null || b.connection.isDeleted())
        && pair.client.connectionCount() == 0 && pair.server.connectionCount() == 0;
  }

  private ScenarioResult result(Scenario scenario, SimPair pair, Endpoint client, Endpoint server, boolean finished) {
    ScenarioResult.Side c = side(client, server);
    ScenarioResult.Side s = side(server, client);
    long retransmissions = count(client) + count(server);
    String problem = null;
    if (!finished) {
      problem = "did not finish within an hour of virtual time: client " + c.finalState() + ", server " + s.finalState();
    } else if (!c.dataIntact() || !s.dataIntact()) {
      problem = "data differs: client received " + client.received + " of " + server.sent + (client.corruptAt >= 0 ? " (wrong from byte " + client.corruptAt + ")" : "")
          + ", server " + server.received + " of " + client.sent + (server.corruptAt >= 0 ? " (wrong from byte " + server.corruptAt + ")" : "");
    } else if (pair.client.connectionCount() + pair.server.connectionCount() > 0) {
      problem = "connections left: client " + pair.client.connectionCount() + ", server " + pair.server.connectionCount();
    } else if (pair.client.pendingTimers() + pair.server.pendingTimers() > 0) {
      problem = "timers left: client " + pair.client.pendingTimers() + ", server " + pair.server.pendingTimers();
    } else if (scenario == Scenario.ABORT && server.connection != null
        && !server.connection.signals().contains("connection reset") && !told(server.connection.response())) {
      problem = "the server was not told the connection was reset: " + server.connection.signals();
    }
    return new ScenarioResult(scenario, seed, config.profile().specName(), c, s, retransmissions,
        pair.link.stats(), pair.now(), problem == null, problem);
  }

  private static long count(Endpoint e) {
    return e.connection == null ? 0 : e.connection.retransmissions();
  }

  /** Intact: the peer's bytes arrived whole and in order, or this side was told why not. */
  private static ScenarioResult.Side side(Endpoint me, Endpoint peer) {
    Connection c = me.connection;
    if (c == null) {
      return new ScenarioResult.Side(List.of(), TcpState.CLOSED, 0, 0, List.of(), true);
    }
    // every byte read matched the peer's stream (checked on arrival); all of what it sent, or told why not
    boolean prefix = me.corruptAt < 0 && me.received <= peer.sent;
    boolean intact = prefix && (me.received == peer.sent
        || told(c.response()) || c.signals().stream().anyMatch(ScenarioRunner::told));
    return new ScenarioResult.Side(c.history(), c.state(), me.sent, me.received, c.signals(), intact);
  }

  /** A signal that tells the application its connection is gone. */
  private static boolean told(String signal) {
    return signal != null && (signal.contains("reset") || signal.contains("abort") || signal.contains("refused"));
  }

  private static Payload data(SplittableRandom random, long n) {
    return new Payload(random.nextLong(), n);
  }
}
