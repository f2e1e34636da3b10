package io.tcpfsm.bench;

import io.tcpfsm.tcp.Connection;
import io.tcpfsm.tcp.Host;
import io.tcpfsm.tcp.TcpConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk transfer between two in-process hosts on one thread ({@link DirectPair}: no link delay,
 * time from a counter): host A's application writes 64 KiB chunks while its send buffer has
 * room, host B's application reads everything available after every packet it receives. The
 * figure is the aux counter {@code delivered}: application bytes B read, per second. Both ends
 * use 4 MiB send and receive buffers and window scale 7; MSS is the MTU less 40 bytes of IPv4
 * and TCP headers (65,495 for Linux's {@code lo}, 1,460 for Ethernet). One benchmark invocation
 * fills the send buffer and delivers packets until none is in flight.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThroughputBenchmark {
  static final int BUFFER = 4 * 1024 * 1024;
  static final int SCALE = 7;
  private static final int PORT = 5001;

  @Param({"65535", "1500"})
  public int mtu;

  @Param({"0", "0.01"})
  public double loss;

  /** Application bytes delivered to B's reader; JMH reports them per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Delivered {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  private final byte[] chunk = new byte[64 * 1024];
  private DirectPair pair;
  private Connection sender;
  private Connection receiver;
  private Delivered counter;
  private final Runnable read = this::read;

  @Setup(Level.Trial)
  public void connect() {
    TcpConfig config = TcpConfig.defaults().withMss(mtu - 40).withBuffers(BUFFER, BUFFER, SCALE);
    pair = new DirectPair(config, loss);
    Host.Listening port = pair.b.listen(PORT, 1);
    sender = pair.a.connect(DirectPair.B, PORT, pair.now());
    while ((receiver = port.accept()) == null) {
      pair.drain(() -> {});
      pair.jump();
    }
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = (byte) i;
    }
  }

  private void read() {
    if (receiver.available() > 0) {
      counter.bytes += receiver.read(Integer.MAX_VALUE, pair.now()).length;
    }
  }

  @Benchmark
  public void transfer(Delivered delivered) {
    counter = delivered;
    while (BUFFER - sender.unacknowledged() >= chunk.length) {
      sender.send(chunk, pair.now());
    }
    pair.drain(read);
    if (sender.unacknowledged() > 0) {
      pair.jump(); // a loss the ACKs could not repair: the retransmission timer's turn
      pair.drain(read);
    }
  }
}
