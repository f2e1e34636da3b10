package io.tcpfsm.tcp;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.time.TimerWheel;
import io.tcpfsm.wire.Checksum;
import io.tcpfsm.wire.DecodeException;
import io.tcpfsm.wire.IpHeader;
import io.tcpfsm.wire.Ipv4;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * One IPv4 host's TCP: its connections by 4-tuple (a hash map, so a segment costs the same with
 * ten connections or a hundred thousand), its listening ports, and the timers of all of them on
 * one wheel. Single-threaded and poll-driven: feed it packets with {@link #receive}, run its
 * timers with {@link #poll}, which returns the next deadline. Segments for no connection are
 * answered as RFC 9293 3.10.7.1 says, by the model's CLOSED state.
 *
 * <p>An echo server, whole (a test compiles and runs exactly these lines; {@code wire} is the
 * network device, {@code clock} the time, {@code running()} the application's own condition):
 *
 * <pre>{@code
 * Host server = new Host(Addresses.parse("10.0.0.2"), TcpConfig.defaults(), wire::send);
 * Host.Listening port7 = server.listen(7, 16);
 * List<Connection> open = new ArrayList<>();
 * while (running()) {
 *   long now = clock.nanos();
 *   for (byte[] packet; (packet = wire.poll()) != null; ) server.receive(packet, now);
 *   server.poll(now);
 *   for (Connection c; (c = port7.accept()) != null; ) open.add(c);
 *   for (Connection c : open) {
 *     byte[] data = c.read(65_536, now);
 *     if (data.length > 0) c.send(data, now);
 *     if (c.state() == TcpState.CLOSE_WAIT && c.available() == 0) c.close(now);
 *   }
 * }
 * }</pre>
 */
public final class Host {
  /** Where the host's IP packets go. */
  @FunctionalInterface
  public interface Link {
    void send(byte[] ipPacket);
  }

  /** A listening port: connections that completed their handshake wait here for accept. */
  public final class Listening {
    private final int port;
    private final int backlog;
    private final Deque<Connection> ready = new ArrayDeque<>();
    private int pending;

    private Listening(int port, int backlog) {
      this.port = port;
      this.backlog = backlog;
    }

    /** The next established connection, or null. */
    public Connection accept() {
      return ready.poll();
    }

    public int port() {
      return port;
    }
  }

  private final byte[] address;
  private final TcpConfig config;
  private final Link link;
  private final TimerWheel wheel;
  private final Map<FourTuple, Connection> connections = new HashMap<>();
  private final Map<Integer, Listening> listening = new HashMap<>();
  private final Map<Connection, Listening> parents = new HashMap<>();
  private final Env env = new Env();
  private long now;
  private int nextPort = 49_152;
  private int ipId;
  private long badChecksums;

  public Host(byte[] address, TcpConfig config, Link link) {
    this(address, config, link, 0);
  }

  public Host(byte[] address, TcpConfig config, Link link, long startNanos) {
    if (address.length != 4) {
      throw new IllegalArgumentException("an IPv4 address has 4 bytes, not " + address.length);
    }
    this.address = address.clone();
    this.config = config;
    this.link = link;
    // 1 ms ticks, 4096 buckets: one revolution is 4 s, longer timers wait their rounds.
    this.wheel = new TimerWheel(1_000_000L, 4096, startNanos);
    this.now = startNanos;
  }

  /**
   * LISTEN on {@code port}; at most {@code backlog} connections wait for accept or a handshake.
   *
   * @throws IllegalStateException if the port is listening already. "Every passive OPEN call
   *     either creates a new connection record in LISTEN state, or it returns an error; it MUST
   *     NOT affect any previously created connection record" (RFC 9293 3.10.1, MUST-41): a second
   *     listener would take the same SYNs, so this OPEN returns the model's answer for a passive
   *     OPEN in LISTEN (rule listen_passive_again, "error: connection already exists", as binding a
   *     second socket to the port gives EADDRINUSE), with the port, and the listener stays as it was
   */
  public Listening listen(int port, int backlog) {
    if (listening.containsKey(port)) {
      // The listener's record as the model sees it (CLOSED, passive OPEN, LISTEN) takes the second
      // OPEN; it is not kept, so the error text stays the spec's, and nothing else changes.
      Connection record = new Connection(env, new FourTuple(address, port, new byte[4], 0), config);
      record.openPassive(now);
      record.openPassive(now);
      throw new IllegalStateException(record.response() + ": port " + port + " is listening already");
    }
    Listening l = new Listening(port, backlog);
    listening.put(port, l);
    return l;
  }

  /** Active OPEN to {@code remote}:{@code port} from an ephemeral port. */
  public Connection connect(byte[] remote, int port, long at) {
    FourTuple t;
    do {
      t = new FourTuple(address, nextPort, remote, port);
      nextPort = nextPort == 65_535 ? 49_152 : nextPort + 1;
    } while (connections.containsKey(t));
    return connect(t, at);
  }

  /**
   * Active OPEN from a chosen local port (two such calls, crosswise, are a simultaneous open).
   *
   * @throws IllegalStateException if the 4-tuple has a connection already: the OPEN goes to it,
   *     and the model's answer (RFC 9293 3.10.1, "error: connection already exists") is the
   *     exception's message and that connection's signal
   */
  public Connection connect(byte[] remote, int port, int localPort, long at) {
    FourTuple t = new FourTuple(address, localPort, remote, port);
    Connection existing = connections.get(t);
    if (existing != null) {
      now = at;
      advance(at);
      existing.openAgain(at);
      throw new IllegalStateException(existing.response() + ": " + t);
    }
    return connect(t, at);
  }

  private Connection connect(FourTuple t, long at) {
    now = at;
    advance(at);
    Connection c = new Connection(env, t, config);
    connections.put(t, c);
    c.openActive(at);
    return c;
  }

  /** An IP packet arrived. Bad checksums and other packets are dropped, as a stack drops them. */
  public void receive(byte[] packet, long at) {
    now = at;
    advance(at);
    IpHeader ip;
    Segment s;
    try {
      ip = Ipv4.decode(packet, 0, packet.length);
      if (ip.protocol() != 6 || !ip.headerChecksumOk() || !ip.complete() || ip.fragment()
          || !Checksum.verifyTcp(ip.src(), ip.dst(), packet, ip.payloadOffset(), ip.payloadLength())) {
        badChecksums++;
        return;
      }
      s = SegmentCodec.decode(packet, ip.payloadOffset(), ip.payloadLength());
    } catch (DecodeException e) {
      badChecksums++;
      return;
    }
    FourTuple t = new FourTuple(ip.dst(), s.dstPort(), ip.src(), s.srcPort());
    Connection c = connections.get(t);
    if (c != null) {
      c.segmentArrives(s, at);
      return;
    }
    Listening l = listening.get(s.dstPort());
    if (l != null && (!s.syn() || l.pending < l.backlog)) {
      // A listener's child: LISTEN for this one request (RFC 9293 3.10.7.2).
      Connection child = new Connection(env, t, config);
      child.openPassive(at);
      child.chooseIss();
      connections.put(t, child);
      parents.put(child, l);
      l.pending++;
      child.segmentArrives(s, at);
      if (child.state() == TcpState.LISTEN) {
        forget(child); // the request was not one: the listener stays as it was
      }
      return;
    }
    // No connection: the CLOSED state answers (RFC 9293 3.10.7.1).
    Connection closed = new Connection(env, t, config);
    closed.segmentArrives(s, at);
  }

  /** Runs the timers due by {@code at}; returns the next deadline ({@link TimerWheel#NO_DEADLINE} if none). */
  public long poll(long at) {
    now = at;
    advance(at);
    return wheel.nextDeadline();
  }

  private void advance(long at) {
    wheel.advance(at);
  }

  /** The connection with this 4-tuple (local address and port first), or null. */
  public Connection connection(FourTuple t) {
    return connections.get(t);
  }

  public int connectionCount() {
    return connections.size();
  }

  /** Timers scheduled on the host's wheel. */
  public int pendingTimers() {
    return wheel.size();
  }

  /** Packets dropped for a bad checksum or as undecodable. */
  public long badChecksums() {
    return badChecksums;
  }

  public byte[] address() {
    return address.clone();
  }

  private void forget(Connection c) {
    connections.remove(c.tuple());
    Listening l = parents.remove(c);
    if (l != null) {
      l.pending--;
    }
  }

  private final class Env implements Connection.Env {
    @Override
    public void transmit(Connection c, Segment s) {
      byte[] remote = c.tuple().remoteAddress();
      int tcpLength = SegmentCodec.encodedLength(s);
      byte[] packet = new byte[20 + tcpLength];
      Ipv4.writeHeader(packet, 0, address, remote, 6, tcpLength, ipId++ & 0xFFFF, 64);
      SegmentCodec.encodeInto(s, address, remote, packet, 20);
      link.send(packet);
    }

    @Override
    public TimerWheel wheel() {
      return wheel;
    }

    @Override
    public void deleted(Connection c) {
      if (connections.get(c.tuple()) == c) {
        forget(c);
      }
    }

    @Override
    public void stateChanged(Connection c, TcpState from, TcpState to) {
      Listening l = parents.get(c);
      if (l == null) {
        return;
      }
      if (to == TcpState.LISTEN) {
        forget(c); // RFC 9293 3.10.7.4: a reset returns a passive connection to LISTEN
      } else if (Connection.isSynchronized(to) && !Connection.isSynchronized(from)) {
        parents.remove(c);
        l.pending--;
        l.ready.add(c);
      }
    }
  }
}
