package io.tcpfsm.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;

/**
 * BENCHMARKS.md's "tcpfsm against Linux over TUN": run inside a fresh network namespace
 * ({@code ip netns exec}), it moves {@code N} bytes (default 100 MB) from a tcpfsm endpoint to a
 * Linux socket and back over the TUN link, then between two Linux sockets over the namespace's
 * loopback, and prints each rate and the ratio. Wall-clock rates: a measurement, not a test.
 */
public final class ThroughputMain {
  private ThroughputMain() {}

  public static void main(String[] args) throws Exception {
    long bytes = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
    Transfer up = new Transfer("tcpfsm-to-linux", false, 0, bytes, false, false, Transfer.End.CLOSE);
    Transfer down = new Transfer("linux-to-tcpfsm", true, bytes, 0, true, false, Transfer.End.CLOSE);
    double upRate = rate(up, 6001, bytes);
    double downRate = rate(down, 6002, bytes);
    double loopback = loopback(bytes);
    System.out.printf(Locale.ROOT, "tcpfsm -> linux over TUN   %8.1f MB/s%n", upRate);
    System.out.printf(Locale.ROOT, "linux -> tcpfsm over TUN   %8.1f MB/s%n", downRate);
    System.out.printf(Locale.ROOT, "linux -> linux over lo     %8.1f MB/s%n", loopback);
    System.out.printf(Locale.ROOT, "ratio (TUN / lo)           %.3f and %.3f%n", upRate / loopback, downRate / loopback);
  }

  private static double rate(Transfer t, int port, long bytes) throws IOException {
    long start = System.nanoTime();
    TransferRun.Result r = TransferRun.run(t, port, 0, 1, null, 600_000_000_000L);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!r.ok()) {
      throw new IOException(r.report());
    }
    return bytes / 1e6 / seconds;
  }

  private static double loopback(long bytes) throws Exception {
    Netns.run(java.util.List.of(Netns.findIp(), "link", "set", "lo", "up"));
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Thread sender = new Thread(() -> {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()); OutputStream out = s.getOutputStream()) {
          byte[] chunk = new byte[1 << 16];
          for (long sent = 0; sent < bytes; sent += chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      long start = System.nanoTime();
      sender.start();
      long got = 0;
      try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) >= 0; ) {
          got += n;
        }
      }
      sender.join();
      if (got != bytes) {
        throw new IOException("loopback moved " + got + " of " + bytes + " bytes");
      }
      return bytes / 1e6 / ((System.nanoTime() - start) / 1e9);
    }
  }
}
