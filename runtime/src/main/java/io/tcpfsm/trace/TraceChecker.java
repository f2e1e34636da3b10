package io.tcpfsm.trace;

import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.RecordView;
import io.tcpfsm.machine.TcpMachine;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Judges captured TCP connections against a profile's model: frames in, one {@link Verdict} per
 * connection out. It holds no global state, so anything that splits captures by flow can run one
 * per split. Frames are grouped by 4-tuple (IPv4 or IPv6); a SYN on a 4-tuple whose earlier
 * connection has closed starts a new connection. Memory is per open connection: a connection
 * whose likeliest ends are both CLOSED or TIME-WAIT is retired (its verdict emitted, its state
 * freed) once {@link #RETIRE_AFTER_NANOS} of capture time passed without a frame for it, or once
 * more than {@link #MAX_RETIRING} such connections wait.
 */
public final class TraceChecker implements FrameChecker {
  /** How each connection is checked: the verdicts are the same either way; what differs is the time, and what {@link #coverage} counts. */
  public enum Mode {
    /**
     * Hypotheses without hidden events first, the full checker only where they do not explain a
     * connection ({@link TieredCheck}): the fast way. {@link #coverage} then counts only the cells
     * those checks reached, not those of the hypotheses never made.
     */
    TIERED,
    /** Every hypothesis of every connection, as coverage reports need. */
    FULL
  }

  /** Hypotheses kept per endpoint; beyond it those assuming the most losses are dropped. */
  public static final int MAX_CANDIDATES = 64;
  /**
   * Hypotheses kept per endpoint on a second look at a connection that pruning left inconclusive
   * ({@link TieredCheck}): its kept frames run again with this bound. Loss makes hypotheses
   * multiply by the segments in flight whose fate the ACKs have not yet shown, 2^k for k of them.
   */
  public static final int WIDE_CANDIDATES = 256;
  /** Capture time after which a closed connection is retired: late retransmissions come sooner. */
  public static final long RETIRE_AFTER_NANOS = 60_000_000_000L;
  static final int MAX_RETIRING = 4096;
  /**
   * The shortest TIME-WAIT an endpoint is taken to keep, unless {@link #minTimeWait} says otherwise:
   * an endpoint answers as CLOSED no sooner after its TIME-WAIT timer started. RFC 9293 3.4.2 takes
   * MSL as 2 minutes (TIME-WAIT 4) and leaves it an engineering choice; Linux keeps 60 s
   * (include/net/tcp.h TCP_TIMEWAIT_LEN), FreeBSD 2 x 30 s. Half of that leaves room for stacks
   * with a shorter MSL and for the path's delay between the capture point and the endpoint.
   */
  public static final long MIN_TIME_WAIT_NANOS = 30_000_000_000L;

  private final Consumer<Verdict> out;
  private final Coverage coverage;
  /** Shared by every connection of this checker (one thread's). */
  private final SendExplainer explainer;
  private final boolean reference;
  private final Mode mode;
  /** Frames the tiered checks keep to replay, for all connections; per connection at most {@link #replayFrames}. */
  final ReplayBuffer.Budget replayBudget;
  int replayFrames = ReplayBuffer.MAX_FRAMES;
  /** Closed connections kept at most: {@link ParallelTraceChecker} gives each of its checkers a share of {@link #MAX_RETIRING}. */
  int maxRetiring = MAX_RETIRING;
  private final FlowTable<Conn> open = new FlowTable<>();
  private static final int NAME_BITS = 8;
  /** {@link #name(TcpFrame, boolean)}'s cache: an IPv4 address and port ({@code ip << 16 | port}, -1 for none) and its name. */
  private final long[] nameKeys = filled(1 << NAME_BITS, -1);
  private final String[] names = new String[1 << NAME_BITS];
  private final ArrayDeque<Conn> retiring = new ArrayDeque<>();
  private long connections;
  private long tcpFrames;
  private long ignored;

  private static final class Conn {
    /** An IPv4 4-tuple's key in {@link #open} ({@link FlowTable}), or, for others, null and {@link #key}. */
    final long addrs;
    final int ports;
    final FlowKey key;
    /** The first end's IPv6 address, or null for an IPv4 4-tuple (then {@link #ip4A}). */
    final byte[] addrA;
    final int ip4A;
    final int portA;
    final TieredCheck check;
    boolean queued;
    boolean done;

    Conn(long addrs, int ports, FlowKey key, byte[] addrA, int ip4A, int portA, TieredCheck check) {
      this.addrs = addrs;
      this.ports = ports;
      this.key = key;
      this.addrA = addrA;
      this.ip4A = ip4A;
      this.portA = portA;
      this.check = check;
    }
  }

  /** A checker for {@code machine} (a profile: {@code TcpProfile.named("rfc9293")}) that hands each verdict to {@code out}; {@link Mode#TIERED}. */
  public TraceChecker(TcpMachine machine, Consumer<Verdict> out) {
    this(machine, out, Mode.TIERED);
  }

  /** A checker of the given mode: {@link Mode#FULL} where {@link #coverage} is wanted. */
  public TraceChecker(TcpMachine machine, Consumer<Verdict> out, Mode mode) {
    this(machine, out, false, mode, ReplayBuffer.MAX_TOTAL);
  }

  /** {@code reference}: the full checker with the plain, slower structures, which the faster ones must match verdict for verdict (TraceFastPathTest). */
  TraceChecker(TcpMachine machine, Consumer<Verdict> out, boolean reference) {
    this(machine, out, reference, Mode.FULL, ReplayBuffer.MAX_TOTAL);
  }

  /** {@code replayTotal}: frames the tiered checks keep for replays, for all connections. */
  TraceChecker(TcpMachine machine, Consumer<Verdict> out, boolean reference, Mode mode, long replayTotal) {
    this.out = out;
    this.coverage = new Coverage(machine);
    this.explainer = SendExplainer.of(machine, coverage);
    this.reference = reference;
    this.mode = mode;
    this.replayBudget = new ReplayBuffer.Budget(replayTotal);
  }

  /** Feeds one decoded frame; frames other than whole TCP segments are ignored. {@code time} is the capture's, in ns. */
  @Override
  public void accept(Frame f, long frameNumber, long time) {
    TcpFrame t = TcpFrame.of(f, frameNumber, time);
    if (t != null) {
      accept(t);
    }
  }

  /**
   * Feeds the common frame (Ethernet, IPv4, TCP: see {@link FastFrames}) straight from a reader's
   * buffer, without decoding it into a {@code Frame}; false, having done nothing, for any other
   * frame, which the caller then decodes and feeds to {@link #accept(Frame, long, long)}.
   */
  @Override
  public boolean accept(RecordView view, long frameNumber) {
    TcpFrame t = FastFrames.of(view, frameNumber);
    if (t == null) {
      return false;
    }
    accept(t);
    return true;
  }

  /** Feeds one TCP frame; its segment as {@link TcpFrame#of} made it, from the first endpoint's side. */
  void accept(TcpFrame t) {
    if (!t.ipHeaderOk()) {
      ignored++; // no stack sends a bad IPv4 header checksum, offload or not: corrupted on the way
      return;
    }
    tcpFrames++;
    long time = t.time();
    FlowKey key = null;
    long addrs = 0;
    int ports = 0;
    Conn c;
    int s4 = t.src4();
    if (t.ipv4()) {
      int d4 = t.dst4();
      boolean low = FlowTable.srcLow(s4, t.srcPort(), d4, t.dstPort());
      addrs = low ? FlowTable.addresses(s4, d4) : FlowTable.addresses(d4, s4);
      ports = low ? t.srcPort() << 16 | t.dstPort() : t.dstPort() << 16 | t.srcPort();
      c = open.get(addrs, ports);
    } else {
      key = new FlowKey(t.src6(), t.srcPort(), t.dst6(), t.dstPort());
      c = open.get(key);
    }
    boolean fromA = c == null || (c.portA == t.srcPort() && (key == null ? c.ip4A == s4 : java.util.Arrays.equals(c.addrA, t.src6())));
    TraceSegment s = fromA ? t.segment() : t.segment().from(false);
    if (c != null && s.syn() && !s.ackFlag() && c.check.reopenedBy(s)) {
      retire(c);
      c = null;
    }
    if (c == null) {
      s = t.segment();
      c = new Conn(addrs, ports, key, t.src6(), s4, t.srcPort(), new TieredCheck(explainer, name(t, true), name(t, false), s,
          replayBudget, replayFrames, reference, mode == Mode.TIERED));
      if (key == null) {
        open.put(addrs, ports, c);
      } else {
        open.put(key, c);
      }
      connections++;
    }
    c.check.process(s, time);
    if (!c.queued && c.check.closed()) {
      c.queued = true;
      retiring.add(c);
    }
    while (!retiring.isEmpty()) {
      Conn head = retiring.peek();
      if (head.done) {
        retiring.poll();
      } else if (retiring.size() > maxRetiring || time - head.check.lastTime() > RETIRE_AFTER_NANOS) {
        retiring.poll();
        retire(head);
      } else {
        break;
      }
    }
  }

  private void retire(Conn c) {
    if (!c.done) {
      c.done = true;
      if (c.key == null) {
        open.remove(c.addrs, c.ports, c);
      } else {
        open.remove(c.key, c);
      }
      if (c.check.frames() == 1 && c.check.onlyBadChecksums()) {
        ignored++; // one frame of a 4-tuple nothing else used, its checksum wrong: a corrupted header
        return;
      }
      out.accept(c.check.verdict());
    }
  }

  /**
   * The shortest TIME-WAIT the endpoints are taken to keep, in ns ({@link #MIN_TIME_WAIT_NANOS}
   * unless set), before the first frame: for a stack whose TIME-WAIT is shorter (a test network's,
   * say) or known to be longer.
   */
  public TraceChecker minTimeWait(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("a TIME-WAIT cannot be negative: " + nanos);
    }
    explainer.minTimeWait = nanos;
    return this;
  }

  /** Frames judged corrupted on the way (bad IPv4 header checksum, or a lone frame with a bad TCP checksum) and left out. */
  @Override
  public long ignoredFrames() {
    return ignored;
  }

  /** Emits the verdicts of every connection still open, in the order of their first frames. */
  @Override
  public void finish() {
    List<Conn> rest = open.values();
    rest.sort(Comparator.comparingLong(c -> c.check.firstFrame()));
    for (Conn c : rest) {
      retire(c);
    }
    retiring.clear();
  }

  /** Every open connection's candidates in full, oldest connection first: for tests that compare two checkers frame by frame. */
  String dump() {
    List<Conn> conns = open.values();
    conns.sort(Comparator.comparingLong(c -> c.check.firstFrame()));
    StringBuilder sb = new StringBuilder();
    for (Conn c : conns) {
      sb.append(c.check.nameA()).append(' ').append(c.check.nameB()).append(' ').append(c.check.firstFrame()).append('\n').append(c.check.dump());
    }
    return sb.toString();
  }

  @Override
  public Coverage coverage() {
    return coverage;
  }

  /** Connections seen so far. */
  @Override
  public long connections() {
    return connections;
  }

  /** Connections checked again from their first frame by the full checker, because tier 0 did not explain them. */
  long replays() {
    return replayBudget.replays;
  }

  /** Connections checked a second time keeping {@link #WIDE_CANDIDATES} hypotheses, because pruning left them inconclusive. */
  long widened() {
    return replayBudget.widened;
  }

  /** TCP frames seen so far. */
  @Override
  public long tcpFrames() {
    return tcpFrames;
  }

  static TraceSegment segment(Frame f, long frameNumber, boolean fromA) {
    Segment seg = f.segment();
    int wscale = -1;
    if (seg.syn()) {
      for (TcpOption o : seg.options()) {
        if (o instanceof TcpOption.WindowScale w) {
          wscale = w.shift();
        }
      }
    }
    boolean bad = f.checksum() == Frame.ChecksumStatus.BAD || !f.ip().headerChecksumOk();
    return new TraceSegment(frameNumber, fromA, seg.flags(), seg.seq() & 0xFFFF_FFFFL, seg.ack() & 0xFFFF_FFFFL, seg.window(), wscale,
        f.tcpLength(), bad);
  }

  /**
   * The name of {@code t}'s source or destination: for IPv4 from a small cache of recent ones, since
   * a server's address and port start many connections of a capture (two names per connection were
   * a twentieth of the checker's time).
   */
  private String name(TcpFrame t, boolean source) {
    if (!t.ipv4()) {
      return source ? name(t.src6(), t.srcPort()) : name(t.dst6(), t.dstPort());
    }
    int ip = source ? t.src4() : t.dst4();
    int port = source ? t.srcPort() : t.dstPort();
    long key = (long) ip << 16 | port; // never -1: ports are 16 bits
    int slot = (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> (64 - NAME_BITS));
    if (nameKeys[slot] != key) {
      nameKeys[slot] = key;
      names[slot] = name(TcpFrame.bytes(ip), port);
    }
    return names[slot];
  }

  private static long[] filled(int n, long v) {
    long[] a = new long[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** {@code 10.0.0.1:80}, {@code [2001:db8::1]:80}. */
  static String name(byte[] addr, int port) {
    if (addr.length == 4) { // the common case, without InetAddress (a tenth of a trace's time went there)
      StringBuilder sb = new StringBuilder(21);
      for (int i = 0; i < 4; i++) {
        sb.append(addr[i] & 0xFF).append(i < 3 ? '.' : ':');
      }
      return sb.append(port).toString();
    }
    try {
      String a = InetAddress.getByAddress(addr).getHostAddress();
      return (addr.length == 16 ? "[" + a + "]" : a) + ":" + port;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + addr.length, e);
    }
  }
}
