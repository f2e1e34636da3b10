package io.tcpfsm.bench;

import io.tcpfsm.tcp.Addresses;
import io.tcpfsm.tcp.Host;
import io.tcpfsm.tcp.TcpConfig;
import io.tcpfsm.time.TimerWheel;
import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * Two hosts wired back to back without SimLink's delays: each host's link puts the packet on one
 * FIFO queue, which {@link #drain} empties in a loop (no recursion from a receive into the other
 * host's receive). Time is a counter: each delivered packet advances it by {@link #TICK_NANOS};
 * when the queue is empty and a host waits for a timer, {@link #jump} moves it to the deadline.
 * A seeded random drops a {@code loss} fraction of the packets, either way.
 */
final class DirectPair {
  static final byte[] A = Addresses.parse("10.0.0.1");
  static final byte[] B = Addresses.parse("10.0.0.2");
  static final long TICK_NANOS = 1_000;

  final Host a;
  final Host b;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private final SplittableRandom random = new SplittableRandom(7);
  private final double loss;
  private long now;
  long dropped;

  DirectPair(TcpConfig config, double loss) {
    this.loss = loss;
    this.a = new Host(A, config, this::send);
    this.b = new Host(B, config, this::send);
  }

  private void send(byte[] packet) {
    if (loss > 0 && random.nextDouble() < loss) {
      dropped++;
      return;
    }
    queue.add(packet);
  }

  long now() {
    return now;
  }

  /** Delivers packets until none is left; {@code onB} runs after each packet B received. */
  void drain(Runnable onB) {
    for (byte[] p; (p = queue.poll()) != null; ) {
      now += TICK_NANOS;
      if (p[19] == B[3]) { // the destination address's last byte
        b.receive(p, now);
        onB.run();
      } else {
        a.receive(p, now);
      }
    }
  }

  /** Nothing in flight: moves time to the hosts' next deadline and runs their timers. */
  void jump() {
    long next = Math.min(a.poll(now), b.poll(now));
    if (next != TimerWheel.NO_DEADLINE) {
      now = Math.max(now, next);
      a.poll(now);
      b.poll(now);
    }
  }
}
