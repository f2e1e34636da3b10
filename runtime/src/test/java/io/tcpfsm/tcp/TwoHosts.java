package io.tcpfsm.tcp;

import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Two hosts back to back for the runtime's tests, stepped a millisecond at a time on a virtual
 * clock: every segment each sends is kept (and written to {@link #capture}, when set, as a capture
 * point at the sender would see it), and segments matching {@link #dropToServer} or {@link
 * #dropToClient} are lost on the way (still recorded as sent).
 */
final class TwoHosts {
  private static final long MS = 1_000_000L;

  final ArrayDeque<byte[]> toServer = new ArrayDeque<>();
  final ArrayDeque<byte[]> toClient = new ArrayDeque<>();
  final List<Segment> fromClient = new ArrayList<>();
  final List<Segment> fromServer = new ArrayList<>();
  final Host client;
  final Host server;
  /** Client segments lost on the way to the server (still recorded as sent). */
  java.util.function.Predicate<Segment> dropToServer = s -> false;
  /** Server segments lost on the way to the client (still recorded as sent). */
  java.util.function.Predicate<Segment> dropToClient = s -> false;
  /** Where every packet either host sends is written, at the virtual time it is sent; null for nowhere. */
  PcapWriter capture;
  /** Rewrites each server packet on its way to the client (recorded in {@link #fromServer} as sent). */
  java.util.function.UnaryOperator<byte[]> rewriteToClient = p -> p;
  long now;

  TwoHosts(TcpConfig clientConfig, TcpConfig serverConfig) {
    client = new Host(Addresses.parse("10.0.0.1"), clientConfig, p -> {
      Segment s = segment(p);
      fromClient.add(s);
      capture(p);
      if (!dropToServer.test(s)) {
        toServer.add(p);
      }
    });
    server = new Host(Addresses.parse("10.0.0.2"), serverConfig, p -> {
      Segment s = segment(p);
      fromServer.add(s);
      capture(p);
      if (!dropToClient.test(s)) {
        toClient.add(rewriteToClient.apply(p));
      }
    });
  }

  private void capture(byte[] packet) {
    if (capture != null) {
      try {
        capture.write(now / 1_000_000_000L, (int) (now % 1_000_000_000L), packet);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  void run(long untilNanos, Runnable app) {
    run(untilNanos, MS, app);
  }

  /** As {@link #run(long, Runnable)}, in steps of {@code stepNanos}: coarser steps for long idle runs. */
  void run(long untilNanos, long stepNanos, Runnable app) {
    for (; now <= untilNanos; now += stepNanos) {
      for (byte[] p; (p = toServer.poll()) != null; ) {
        server.receive(p, now);
      }
      for (byte[] p; (p = toClient.poll()) != null; ) {
        client.receive(p, now);
      }
      client.poll(now);
      server.poll(now);
      app.run();
    }
  }

  static Segment segment(byte[] packet) {
    try {
      return SegmentCodec.decode(packet, 20, packet.length - 20);
    } catch (io.tcpfsm.wire.DecodeException e) {
      throw new AssertionError(e);
    }
  }
}
