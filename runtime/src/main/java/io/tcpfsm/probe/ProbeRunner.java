package io.tcpfsm.probe;

import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.link.TunDevice;
import io.tcpfsm.link.TunLink;
import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.tcp.Addresses;
import io.tcpfsm.tcp.ObservedTcb;
import io.tcpfsm.wire.DecodeException;
import io.tcpfsm.wire.IpHeader;
import io.tcpfsm.wire.Ipv4;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs probes against the kernel of this process's network namespace through one TUN device: the
 * kernel's socket (java.net, IPv4) is the system under test on {@link TunLink#KERNEL}; this
 * runner plays the peer {@link TunLink#STACK} with segments it makes by hand. Each probe uses its
 * own ports, walks the model's path to its state ({@link ModelPaths}), injects one segment,
 * collects the kernel's segments for {@code captureMillis} and reads the socket's state from
 * {@code /proc/net/tcp}. It writes each probe's pcap and packetdrill script under {@code out}.
 */
public final class ProbeRunner implements AutoCloseable {
  private static final byte[] KERNEL = Addresses.parse(TunLink.KERNEL);
  private static final byte[] PEER = Addresses.parse(TunLink.STACK);
  /** The window the peer offers: never scaled, since its SYNs carry no options. */
  static final int PEER_WINDOW = 65_535;
  private static final int STEP_TIMEOUT_MS = 1_000;
  /** TCP_RTO_MIN (include/net/tcp.h): no retransmission timer fires sooner after a transmission. */
  private static final long RTO_MIN_NANOS = 200_000_000L;
  /** TCP_TIMEOUT_MIN is 2 jiffies: at most 20 ms at the smallest HZ (100). */
  private static final long TIMEOUT_MIN_JIFFIES_NANOS = 20_000_000L;

  private final TunDevice tun;
  private final ModelPaths paths;
  private final Path out;
  private final int captureMillis;
  private final byte[] buffer = new byte[65_536];
  private final long epochNanos = System.currentTimeMillis() * 1_000_000L;
  private final long startNanos = System.nanoTime();

  public ProbeRunner(ModelPaths paths, Path out, int captureMillis) throws IOException {
    this.paths = paths;
    this.out = out;
    this.captureMillis = captureMillis;
    if (out != null) {
      Files.createDirectories(out.resolve("pcap"));
      Files.createDirectories(out.resolve("pkt"));
    }
    this.tun = TunLink.openDevice("probe0");
  }

  /** Runs {@code p} on ports derived from {@code index} (unique within this namespace). */
  public Observation run(Probe p, int index) throws IOException {
    try (Run r = new Run(p, 20_000 + index, 40_000 + index, 0x1000_0000L + index * 0x10_0000L)) {
      return r.execute();
    }
  }

  @Override
  public void close() {
    tun.close();
  }

  /** One probe's connection: what it knows of the kernel's TCB, its capture and its script. */
  private final class Run implements AutoCloseable {
    final Probe probe;
    final int kport;
    final int pport;
    final long irs;
    final Packetdrill pkt;
    final PcapWriter pcap;
    final OutputStream pcapOut;
    ServerSocket server;
    SocketChannel client;
    Socket accepted;
    long iss;
    /** What the script's inbound numbers are relative to: our ISN once we sent a SYN, 1000 below it before. */
    long inBase;
    long ourNxt;
    long kernelNxt;
    long kernelUna;
    long rcvWnd = PEER_WINDOW;
    boolean passive;
    boolean finSent;
    long finSeq;
    TcpState at = TcpState.CLOSED;
    /** When the kernel last sent each SYN or FIN segment (by flags and SEQ), before the injection. */
    final Map<String, Long> sentAt = new HashMap<>();
    /** When the probe's segment went out; 0 before. */
    long injectedAt;

    Run(Probe probe, int kport, int pport, long irs) throws IOException {
      this.probe = probe;
      this.kport = kport;
      this.pport = pport;
      this.irs = irs;
      this.ourNxt = irs;
      this.inBase = add(irs, -1000);
      this.pkt = new Packetdrill(probe);
      if (out != null) {
        pcapOut = new BufferedOutputStream(Files.newOutputStream(out.resolve("pcap").resolve(probe.id() + ".pcap")));
        pcap = new PcapWriter(pcapOut, LinkType.RAW);
      } else {
        pcapOut = null;
        pcap = null;
      }
    }

    Observation execute() throws IOException {
      List<SetupStep> steps = paths.to(probe.state()).orElse(null);
      if (steps == null) {
        return failed("the model has no path to " + probe.state() + " by socket calls and well-formed segments");
      }
      try {
        for (SetupStep s : steps) {
          String why = step(s);
          if (why != null) {
            return failed("cannot bring the kernel to " + probe.state() + ": " + why);
          }
        }
      } catch (IOException | RuntimeException e) {
        return failed("cannot bring the kernel to " + probe.state() + ": " + e);
      }
      if (probe.state() == TcpState.CLOSED) {
        bindOnly();
      }
      return inject();
    }

    private Observation failed(String why) {
      return new Observation(probe, why, null, List.of(), null, 0, 0);
    }

    /** CLOSED: a socket bound to the port but not listening, so packetdrill's script has a port. */
    private void bindOnly() throws IOException {
      pkt.call("socket(..., SOCK_STREAM, IPPROTO_TCP) = 3");
      pkt.call("bind(3, ..., ...) = 0");
    }

    /** Does one setup step; null when the kernel answered as the step needs, else why not. */
    private String step(SetupStep s) throws IOException {
      switch (s) {
        case OPEN_PASSIVE -> {
          server = new ServerSocket();
          server.setReuseAddress(true);
          server.bind(new InetSocketAddress(TunLink.KERNEL, kport), 8);
          server.setSoTimeout(STEP_TIMEOUT_MS);
          passive = true;
          pkt.call("socket(..., SOCK_STREAM, IPPROTO_TCP) = 3");
          pkt.call("setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
          pkt.call("bind(3, ..., ...) = 0");
          pkt.call("listen(3, 8) = 0");
        }
        case OPEN_ACTIVE -> {
          client = SocketChannel.open();
          client.configureBlocking(false);
          client.bind(new InetSocketAddress(TunLink.KERNEL, kport)); // the probe's port, not an ephemeral one
          client.connect(new InetSocketAddress(TunLink.STACK, pport));
          pkt.call("socket(..., SOCK_STREAM, IPPROTO_TCP) = 3");
          pkt.call("fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0");
          pkt.call("bind(3, ..., ...) = 0");
          pkt.call("connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)");
          Segment syn = expect(x -> x.syn() && !x.ackFlag(), "its SYN");
          if (syn == null) {
            return "connect() sent no SYN within " + STEP_TIMEOUT_MS + " ms";
          }
          iss = u(syn.seq());
          kernelNxt = add(iss, 1);
          kernelUna = iss;
          rcvWnd = syn.window();
        }
        case PEER_SYN -> {
          inBase = irs;
          send(Segment.SYN, irs, 0, null);
          ourNxt = add(irs, 1);
          Segment sa = expect(x -> x.syn() && x.ackFlag(), "its SYN+ACK");
          if (sa == null) {
            return "no SYN+ACK within " + STEP_TIMEOUT_MS + " ms after the peer's SYN";
          }
          iss = u(sa.seq());
          kernelNxt = add(iss, 1);
          kernelUna = iss;
          rcvWnd = sa.window();
        }
        case PEER_SYN_ACK -> {
          inBase = irs;
          send(Segment.SYN | Segment.ACK, irs, kernelNxt, null);
          ourNxt = add(irs, 1);
          kernelUna = kernelNxt;
          Segment a = expect(x -> x.ackFlag() && !x.syn(), "its ACK");
          if (a == null) {
            return "no ACK within " + STEP_TIMEOUT_MS + " ms after the peer's SYN+ACK";
          }
          rcvWnd = a.window();
        }
        case PEER_ACK -> {
          send(Segment.ACK, ourNxt, kernelNxt, null);
          kernelUna = kernelNxt;
          settle();
        }
        case CLOSE -> {
          String why = shutdownOutput();
          if (why != null) {
            return why;
          }
          Segment fin = expect(Segment::fin, "its FIN");
          if (fin == null) {
            return "shutdown(SHUT_WR) sent no FIN within " + STEP_TIMEOUT_MS + " ms";
          }
          finSent = true;
          finSeq = add(u(fin.seq()), fin.length());
          kernelNxt = add(finSeq, 1);
          rcvWnd = fin.window();
        }
        case PEER_FIN_ACK, PEER_FIN_ACK_NOT_OUR_FIN -> {
          long ack = s == SetupStep.PEER_FIN_ACK ? kernelNxt : (finSent ? finSeq : kernelNxt);
          send(Segment.FIN | Segment.ACK, ourNxt, ack, null);
          ourNxt = add(ourNxt, 1);
          kernelUna = ack;
          Segment a = expect(x -> x.ackFlag() && u(x.ack()) == ourNxt, "its ACK of the peer's FIN");
          if (a == null) {
            return "no ACK of the peer's FIN within " + STEP_TIMEOUT_MS + " ms";
          }
          rcvWnd = a.window();
        }
      }
      at = s == SetupStep.OPEN_PASSIVE ? TcpState.LISTEN : at;
      return null;
    }

    private String shutdownOutput() throws IOException {
      if (client != null) {
        long end = System.nanoTime() + STEP_TIMEOUT_MS * 1_000_000L;
        while (!client.finishConnect()) {
          if (System.nanoTime() - end > 0) {
            return "connect() has not completed";
          }
          Thread.onSpinWait();
        }
        client.shutdownOutput();
        pkt.call("shutdown(3, SHUT_WR) = 0");
        return null;
      }
      if (server == null) {
        return "no socket to close";
      }
      accepted = server.accept();
      pkt.call("accept(3, ..., ...) = 4");
      accepted.shutdownOutput();
      pkt.call("shutdown(4, SHUT_WR) = 0");
      return null;
    }

    private Observation inject() throws IOException {
      SegmentClass c = probe.segment();
      boolean synchronizedState = iss != 0 && probe.state() != TcpState.SYN_SENT && probe.state() != TcpState.SYN_RECV;
      long seq = probe.seq().seq(ourNxt, rcvWnd);
      long ack = switch (probe.ack()) {
        case NEXT -> kernelNxt;
        case AHEAD -> add(kernelNxt, 1);
        case BEHIND -> synchronizedState ? add(kernelUna, -PEER_WINDOW - 1) : kernelUna;
      };
      if (!c.hasAck()) {
        ack = 0;
      }
      ObservedTcb tcb = new ObservedTcb(iss, irs, kernelUna, kernelNxt, ourNxt, rcvWnd, PEER_WINDOW, passive, finSent, finSeq);
      pkt.comment("inject " + c.label() + " with SEG.SEQ at " + probe.seq().label() + ", SEG.ACK at " + probe.ack().label());
      send(c.flags(), seq, ack, c.dataLength() > 0 ? "probe data".getBytes(StandardCharsets.US_ASCII) : null);
      injectedAt = System.nanoTime();
      List<String> sends = new ArrayList<>();
      collect(sends);
      boolean listenerCounts = probe.state() == TcpState.LISTEN || probe.state() == TcpState.SYN_RECV;
      if (c == SegmentClass.DATA_CLOSE) {
        closeWithTextUnread();
        collect(sends);
      }
      TcpState state = KernelSockets.state(TunLink.KERNEL, kport, TunLink.STACK, pport, listenerCounts);
      if (sends.isEmpty()) {
        pkt.comment("Linux sent nothing within " + captureMillis + " ms");
      }
      pkt.comment("afterwards /proc/net/tcp shows " + state);
      return new Observation(probe, null, state, List.copyOf(sends), tcb, seq, ack);
    }

    /** Adds the control bits of what the kernel sends on this connection for the capture time. */
    private void collect(List<String> sends) throws IOException {
      long end = System.nanoTime() + captureMillis * 1_000_000L;
      for (long left; (left = end - System.nanoTime()) > 0; ) {
        Segment s = receive((int) Math.max(1, left / 1_000_000L));
        if (s != null && ownTimer(s)) {
          pkt.comment("Linux's retransmission timer resent its " + TcpEvent.fromHeader(s.flags() & 0x17).label()
              + " (not an answer to the probe)");
        } else if (s != null) {
          sends.add(TcpEvent.fromHeader(s.flags() & 0x17).label());
        }
      }
    }

    /**
     * Whether {@code s} is the kernel's retransmission timer resending a SYN or FIN it sent before
     * the injection, rather than an answer: the same segment again, at least TCP_RTO_MIN (200 ms,
     * include/net/tcp.h) after the first copy, and later than TIMEOUT_MIN_JIFFIES after the probe (a
     * timer the probe re-arms fires within 2 jiffies, at most 20 ms: tcp_rcv_synsent_state_process).
     * Without this a probe in FIN-WAIT-1, CLOSING or LAST-ACK whose setup took long sees the FIN
     * again and reads it as the answer.
     */
    private boolean ownTimer(Segment s) {
      Long first = sentAt.get(key(s));
      long now = System.nanoTime();
      return first != null && now - first >= RTO_MIN_NANOS && now - injectedAt > TIMEOUT_MIN_JIFFIES_NANOS;
    }

    private static String key(Segment s) {
      return (s.flags() & 0x17) + "/" + u(s.seq());
    }

    /** close() of the application's socket (lingering as by default) with the probe's text unread. */
    private void closeWithTextUnread() throws IOException {
      if (client != null) {
        client.close();
        pkt.call("close(3) = 0");
      } else if (accepted != null) {
        accepted.close();
        pkt.call("close(4) = 0");
      }
    }

    /** Lets the kernel act on what it got (an ACK that completes a handshake has no answer). */
    private void settle() throws IOException {
      long end = System.nanoTime() + 5_000_000L;
      for (long left; (left = end - System.nanoTime()) > 0; ) {
        receive((int) Math.max(1, left / 1_000_000L));
      }
    }

    private void send(int flags, long seq, long ack, byte[] data) throws IOException {
      Segment.Builder b = Segment.builder().srcPort(pport).dstPort(kport).seq((int) seq).ack((int) ack)
          .flags(flags).window(PEER_WINDOW);
      if (data != null) {
        b.payload(data);
      }
      Segment s = b.build();
      int tcpLength = SegmentCodec.encodedLength(s);
      byte[] packet = new byte[20 + tcpLength];
      Ipv4.writeHeader(packet, 0, PEER, KERNEL, 6, tcpLength, 1, 64);
      SegmentCodec.encodeInto(s, PEER, KERNEL, packet, 20);
      capture(packet);
      pkt.in(s, inBase, iss);
      tun.write(packet, 0, packet.length);
    }

    /** Reads until a segment of this probe's connection that {@code want} accepts comes, or 1 s. */
    private Segment expect(Predicate<Segment> want, String what) throws IOException {
      long end = System.nanoTime() + STEP_TIMEOUT_MS * 1_000_000L;
      for (long left; (left = end - System.nanoTime()) > 0; ) {
        Segment s = receive((int) Math.max(1, left / 1_000_000L));
        if (s != null && want.test(s)) {
          return s;
        }
      }
      pkt.comment("Linux did not send " + what);
      return null;
    }

    /** The next segment the kernel sent on this probe's connection, or null after the wait. */
    private Segment receive(int waitMillis) throws IOException {
      int n = tun.read(buffer, waitMillis);
      if (n <= 0) {
        return null;
      }
      try {
        IpHeader ip = Ipv4.decode(buffer, 0, n);
        if (ip.protocol() != 6) {
          return null;
        }
        Segment s = SegmentCodec.decode(buffer, ip.payloadOffset(), ip.payloadLength());
        if (s.srcPort() != kport || s.dstPort() != pport) {
          return null; // an earlier probe's connection (a retransmission, a reset on close)
        }
        byte[] packet = java.util.Arrays.copyOf(buffer, n);
        capture(packet);
        if (injectedAt == 0 && (s.syn() || s.fin())) {
          sentAt.putIfAbsent(key(s), System.nanoTime());
        }
        pkt.out(s, s.syn() ? u(s.seq()) : iss, inBase); // its SYN is sequence 0 of its side
        return s;
      } catch (DecodeException e) {
        return null;
      }
    }

    private void capture(byte[] packet) throws IOException {
      if (pcap != null) {
        long t = epochNanos + (System.nanoTime() - startNanos);
        pcap.write(t / 1_000_000_000L, (int) (t % 1_000_000_000L), packet);
      }
    }

    @Override
    public void close() throws IOException {
      for (AutoCloseable c : new AutoCloseable[] {accepted, client, server}) {
        try {
          if (c instanceof Socket s) {
            s.setSoLinger(true, 0);
          }
          if (c != null) {
            c.close();
          }
        } catch (Exception ignored) {
          // a socket the probe reset may refuse an option; it is closed either way
        }
      }
      if (pcap != null) {
        pcap.close();
      }
      if (out != null) {
        Files.writeString(out.resolve("pkt").resolve(probe.id() + ".pkt"), pkt.text());
      }
    }
  }

  static long u(int v) {
    return v & 0xFFFF_FFFFL;
  }

  static long add(long a, long n) {
    return (a + n) & 0xFFFF_FFFFL;
  }
}
