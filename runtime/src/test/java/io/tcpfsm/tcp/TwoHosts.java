package io.tcpfsm.tcp;

import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Two hosts back to back for the runtime's tests, stepped a millisecond at a time on a virtual
 * clock: every segment each sends is kept, and client segments matching {@link #dropToServer} are
 * lost on the way (still recorded as sent).
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
  /** Rewrites each server packet on its way to the client (recorded in {@link #fromServer} as sent). */
  java.util.function.UnaryOperator<byte[]> rewriteToClient = p -> p;
  long now;

  TwoHosts(TcpConfig clientConfig, TcpConfig serverConfig) {
    client = new Host(Addresses.parse("10.0.0.1"), clientConfig, p -> {
      Segment s = segment(p);
      fromClient.add(s);
      if (!dropToServer.test(s)) {
        toServer.add(p);
      }
    });
    server = new Host(Addresses.parse("10.0.0.2"), serverConfig, p -> {
      fromServer.add(segment(p));
      toClient.add(rewriteToClient.apply(p));
    });
  }

  void run(long untilNanos, Runnable app) {
    for (; now <= untilNanos; now += MS) {
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
