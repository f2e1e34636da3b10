package io.tcpfsm.linux;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One scenario with Linux's own TCP: real sockets, both ends in this process, run by
 * {@link LinuxCapture} inside a network namespace it made (so loopback, its nftables rules and
 * its sysctls are the namespace's own). Usage: {@code SocketScenario NAME ADDRESS}; exit 0 when
 * the scenario went as it should, 1 with a sentence on stderr otherwise.
 *
 * <p>Channels, not {@code java.net.Socket}: {@code SocketChannel.close()} is close(2), while
 * {@code Socket.close()} first shuts the output down (a FIN before the RST of unread data).
 * The server listens on port {@value #SERVER_PORT}, the client binds port {@value #CLIENT_PORT},
 * so every capture reads alike.
 */
public final class SocketScenario {
  static final int SERVER_PORT = 5001;
  static final int CLIENT_PORT = 40001;
  static final int BULK_BYTES = 200_000;

  private final InetAddress address;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  private SocketScenario(InetAddress address) {
    this.address = address;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SocketScenario NAME ADDRESS");
      System.exit(2);
    }
    SocketScenario s = new SocketScenario(InetAddress.getByName(args[1]));
    int exit = 0;
    try {
      s.run(args[0]);
    } catch (ScenarioFailed e) {
      System.err.println("scenario " + args[0] + ": " + e.getMessage());
      exit = 1;
    } finally {
      s.pool.shutdownNow();
    }
    System.exit(exit);
  }

  /** The scenario did not go as Linux's TCP should make it go. */
  static final class ScenarioFailed extends Exception {
    private static final long serialVersionUID = 1L;

    ScenarioFailed(String m) {
      super(m);
    }
  }

  private void run(String name) throws Exception {
    switch (name) {
      case "client-close" -> clientClose();
      case "server-close" -> serverClose();
      case "half-close" -> halfClose();
      case "abort" -> abort();
      case "refused" -> refused();
      case "unread-close" -> unreadClose();
      case "simultaneous-close" -> simultaneousClose();
      case "simultaneous-open" -> simultaneousOpen();
      case "bulk" -> bulk();
      case "loss" -> {
        // Every 25th data segment from the client is lost after the capture point (prerouting):
        // the capture shows it once, then its retransmission after the receiver's duplicate ACKs.
        Nft.run("add table inet tcpfsm_loss",
            "add chain inet tcpfsm_loss pre { type filter hook prerouting priority raw; }",
            "add rule inet tcpfsm_loss pre tcp sport " + CLIENT_PORT + " meta length > 200 numgen inc mod 25 == 10 drop");
        bulk();
      }
      case "syn-retries" -> synRetries();
      default -> throw new ScenarioFailed("unknown scenario");
    }
  }

  private ServerSocketChannel listen() throws IOException {
    ServerSocketChannel ss = ServerSocketChannel.open();
    ss.bind(new InetSocketAddress(address, SERVER_PORT), 8);
    return ss;
  }

  private SocketChannel connect() throws IOException {
    SocketChannel c = SocketChannel.open();
    c.bind(new InetSocketAddress(address, CLIENT_PORT));
    c.connect(new InetSocketAddress(address, SERVER_PORT));
    return c;
  }

  private static ByteBuffer text(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return ByteBuffer.wrap(b);
  }

  private static void write(SocketChannel c, int n) throws IOException {
    ByteBuffer b = text(n);
    while (b.hasRemaining()) {
      c.write(b);
    }
  }

  /** Reads to the end of the stream; the byte count. */
  private static long drain(SocketChannel c) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(16_384);
    long n = 0;
    for (int r; (r = c.read(buf)) >= 0; buf.clear()) {
      n += r;
    }
    return n;
  }

  private static void expect(long got, long want, String what) throws ScenarioFailed {
    if (got != want) {
      throw new ScenarioFailed(what + ": " + got + " bytes, expected " + want);
    }
  }

  /** The client sends 1,000 bytes and closes first (FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT); the server reads to the end and closes (CLOSE-WAIT, LAST-ACK). */
  private void clientClose() throws Exception {
    try (ServerSocketChannel ss = listen()) {
      Future<Long> server = pool.submit(() -> {
        try (SocketChannel s = ss.accept()) {
          return drain(s);
        }
      });
      try (SocketChannel c = connect()) {
        write(c, 1000);
        Thread.sleep(50); // the data's ACK first, so the FIN goes alone
      }
      expect(server.get(5, TimeUnit.SECONDS), 1000, "server read");
    }
    Thread.sleep(100);
  }

  /** The server sends 1,000 bytes and closes first; the client reads to the end, then closes. */
  private void serverClose() throws Exception {
    try (ServerSocketChannel ss = listen()) {
      Future<?> server = pool.submit(() -> {
        try (SocketChannel s = ss.accept()) {
          write(s, 1000);
          Thread.sleep(50);
        }
        return null;
      });
      try (SocketChannel c = connect()) {
        expect(drain(c), 1000, "client read");
        Thread.sleep(50); // CLOSE-WAIT for a moment: the FIN's ACK goes out alone
      }
      server.get(5, TimeUnit.SECONDS);
    }
    Thread.sleep(100);
  }

  /** The client sends a request and shuts down its sending side; the server reads to the end, answers 3,000 bytes, closes. */
  private void halfClose() throws Exception {
    try (ServerSocketChannel ss = listen()) {
      Future<Long> server = pool.submit(() -> {
        try (SocketChannel s = ss.accept()) {
          long n = drain(s);
          Thread.sleep(50);
          write(s, 3000);
          Thread.sleep(50);
          return n;
        }
      });
      try (SocketChannel c = connect()) {
        write(c, 100);
        Thread.sleep(50);
        c.shutdownOutput(); // FIN now; the client keeps reading in FIN-WAIT-2
        expect(drain(c), 3000, "client read after its half close");
      }
      expect(server.get(5, TimeUnit.SECONDS), 100, "server read");
    }
    Thread.sleep(100);
  }

  /**
   * Every SYN is lost (after the capture point) and this namespace's tcp_syn_retries is 2. What
   * Linux 6.18 then does (captures/linux/syn-retries.pcap): the SYN and five retransmissions 1 s
   * apart, not doubling (sysctl tcp_syn_linear_timeouts = 4: the first retransmissions keep the
   * initial 1 s RTO, TCP_TIMEOUT_INIT), and connect() fails with ETIMEDOUT 7 s after the first
   * SYN, the time a doubling backoff would take for 2 retries (tcp_timer.c tcp_model_timeout:
   * (2 << 2) - 1 = 7 RTOs), with no segment sent.
   */
  private void synRetries() throws Exception {
    java.nio.file.Files.writeString(java.nio.file.Path.of("/proc/sys/net/ipv4/tcp_syn_retries"), "2");
    Nft.run("add table inet tcpfsm_syn",
        "add chain inet tcpfsm_syn pre { type filter hook prerouting priority raw; }",
        "add rule inet tcpfsm_syn pre tcp dport " + SERVER_PORT + " tcp flags & (syn | ack) == syn drop");
    try (SocketChannel c = SocketChannel.open()) {
      c.bind(new InetSocketAddress(address, CLIENT_PORT));
      long start = System.nanoTime();
      try {
        c.connect(new InetSocketAddress(address, SERVER_PORT));
        throw new ScenarioFailed("connected although every SYN was dropped");
      } catch (java.net.ConnectException e) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (ms < 5_000) { // 7 s, less scheduling slack
          throw new ScenarioFailed("gave up after " + ms + " ms: " + e.getMessage());
        }
      }
    }
  }

  /** The client sends 1,000 bytes, then closes with SO_LINGER 0: an abort, RST instead of FIN. */
  private void abort() throws Exception {
    try (ServerSocketChannel ss = listen()) {
      Future<String> server = pool.submit(() -> {
        try (SocketChannel s = ss.accept()) {
          drain(s);
          return "the end of the stream";
        } catch (SocketException e) {
          return "reset";
        }
      });
      SocketChannel c = connect();
      write(c, 1000);
      Thread.sleep(50);
      c.setOption(StandardSocketOptions.SO_LINGER, 0);
      c.close();
      String seen = server.get(5, TimeUnit.SECONDS);
      if (!seen.equals("reset")) {
        throw new ScenarioFailed("the server saw " + seen + ", not a reset");
      }
    }
  }

  /** A connection to a port nobody listens on: SYN, then RST,ACK. */
  private void refused() throws Exception {
    try (SocketChannel c = SocketChannel.open()) {
      c.bind(new InetSocketAddress(address, CLIENT_PORT));
      c.connect(new InetSocketAddress(address, SERVER_PORT));
      throw new ScenarioFailed("connected to a port nobody listens on");
    } catch (ConnectException e) {
      // what Linux answers: "Connection refused"
    }
  }

  /** The client sends 100 bytes; the server closes without reading them: RST (RFC 2525 2.17). */
  private void unreadClose() throws Exception {
    try (ServerSocketChannel ss = listen()) {
      Future<SocketChannel> accepted = pool.submit(() -> ss.accept());
      try (SocketChannel c = connect()) {
        SocketChannel s = accepted.get(5, TimeUnit.SECONDS);
        write(c, 100);
        Thread.sleep(50); // the 100 bytes are in the server's receive queue, unread
        s.close();
        try {
          int r = c.read(ByteBuffer.allocate(10));
          throw new ScenarioFailed("the client read " + r + " instead of a reset");
        } catch (SocketException e) {
          // "Connection reset"
        }
      }
    }
  }

  /**
   * Both ends close while the other's FIN is in flight. Loopback delivers at once, so the
   * client's first FIN is dropped after the capture point (nftables, prerouting) and the server
   * closes before it is retransmitted: the FINs cross, and the client passes CLOSING.
   */
  private void simultaneousClose() throws Exception {
    try (ServerSocketChannel ss = listen()) {
      Future<SocketChannel> accepted = pool.submit(() -> ss.accept());
      SocketChannel c = connect();
      SocketChannel s = accepted.get(5, TimeUnit.SECONDS);
      write(c, 100);
      ByteBuffer got = ByteBuffer.allocate(100);
      while (got.hasRemaining() && s.read(got) >= 0) {
        // the 100 bytes
      }
      Thread.sleep(50);
      Nft.run("add table inet tcpfsm_simclose",
          "add chain inet tcpfsm_simclose pre { type filter hook prerouting priority raw; }",
          "add rule inet tcpfsm_simclose pre tcp sport " + CLIENT_PORT + " tcp flags & fin == fin drop");
      c.close(); // FIN captured, then dropped: the server does not see it
      Thread.sleep(20);
      Nft.run("delete table inet tcpfsm_simclose");
      s.close(); // the server's FIN crosses the client's
      Thread.sleep(1500); // the client's FIN is retransmitted (RTO) and both reach TIME-WAIT
    }
  }

  /**
   * Two sockets bound to each other's address connect at once. On loopback a SYN arrives before
   * the other socket has sent its own, and is refused; so the first SYNs are dropped after the
   * capture point, and the retransmitted SYNs (RTO 1 s) meet sockets that are both in SYN-SENT.
   */
  private void simultaneousOpen() throws Exception {
    Nft.run("add table inet tcpfsm_simopen",
        "add chain inet tcpfsm_simopen pre { type filter hook prerouting priority raw; }",
        "add rule inet tcpfsm_simopen pre tcp flags & (syn | ack) == syn drop");
    InetSocketAddress a = new InetSocketAddress(address, CLIENT_PORT);
    InetSocketAddress b = new InetSocketAddress(address, SERVER_PORT);
    try (SocketChannel ca = SocketChannel.open(); SocketChannel cb = SocketChannel.open()) {
      ca.bind(a);
      cb.bind(b);
      ca.configureBlocking(false);
      cb.configureBlocking(false);
      ca.connect(b);
      cb.connect(a);
      Thread.sleep(300);
      Nft.run("delete table inet tcpfsm_simopen");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!(finish(ca) & finish(cb))) {
        if (System.nanoTime() > deadline) {
          throw new ScenarioFailed("simultaneous open did not complete");
        }
        Thread.sleep(10);
      }
      ca.configureBlocking(true);
      cb.configureBlocking(true);
      write(ca, 100);
      ByteBuffer got = ByteBuffer.allocate(100);
      while (got.hasRemaining() && cb.read(got) >= 0) {
        // the 100 bytes
      }
      expect(got.position(), 100, "read over the simultaneously opened connection");
      Thread.sleep(50);
      ca.shutdownOutput();
      expect(drain(cb), 0, "bytes after the FIN");
    }
    Thread.sleep(100);
  }

  private static boolean finish(SocketChannel c) throws IOException {
    return c.isConnected() || c.finishConnect();
  }

  /** The client sends {@value #BULK_BYTES} bytes and closes; the server reads them all and closes. */
  private void bulk() throws Exception {
    try (ServerSocketChannel ss = listen()) {
      Future<Long> server = pool.submit(() -> {
        try (SocketChannel s = ss.accept()) {
          return drain(s);
        }
      });
      try (SocketChannel c = connect()) {
        write(c, BULK_BYTES);
      }
      expect(server.get(30, TimeUnit.SECONDS), BULK_BYTES, "server read");
    }
    Thread.sleep(100);
  }
}
