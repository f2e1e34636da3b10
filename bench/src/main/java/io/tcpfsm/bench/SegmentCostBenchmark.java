package io.tcpfsm.bench;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.tcp.Connection;
import io.tcpfsm.tcp.Host;
import io.tcpfsm.tcp.TcpConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The cost of one segment while {@code connections} are open in the same pair of hosts
 * ({@link DirectPair}, default {@link TcpConfig}: MSS 1,460, 256 KiB buffers): one connection
 * exchanges ACK-clocked data, the others sit idle in ESTABLISHED. One op is one MSS of text from
 * A to B, B's application reading it, and B's ACK back to A: two segments, each encoded with its
 * checksums, decoded, looked up by 4-tuple, classified and stepped through the machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SegmentCostBenchmark {
  @Param({"10", "100000"})
  public int connections;

  private final byte[] text = new byte[1460];
  private DirectPair pair;
  private Connection sender;
  private Connection receiver;
  private final Runnable read = this::read;
  /** Kept so that the idle connections stay reachable from the application, as a server keeps them. */
  private List<Connection> open;

  @Setup(Level.Trial)
  public void open() {
    pair = new DirectPair(TcpConfig.defaults(), 0);
    open = openIdle(pair, connections);
    sender = open.get(0);
    receiver = open.get(1);
  }

  /**
   * Opens {@code n} connections from A to B and completes their handshakes; returns them as
   * pairs (client end, server end), the client end first. Ports: B listens on 1000 + i / 50,000,
   * A uses local port 10,000 + i % 50,000.
   */
  static List<Connection> openIdle(DirectPair pair, int n) {
    List<Connection> open = new ArrayList<>(2 * n);
    List<Host.Listening> ports = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int port = 1000 + i / 50_000;
      if (ports.size() <= i / 50_000) {
        ports.add(pair.b.listen(port, 16));
      }
      Connection c = pair.a.connect(DirectPair.B, port, 10_000 + i % 50_000, pair.now());
      pair.drain(() -> {});
      Connection s = ports.get(i / 50_000).accept();
      if (c.state() != TcpState.ESTABLISHED || s == null || s.state() != TcpState.ESTABLISHED) {
        throw new IllegalStateException("connection " + i + " did not open: " + c);
      }
      open.add(c);
      open.add(s);
    }
    return open;
  }

  private void read() {
    if (receiver.available() > 0) {
      receiver.read(Integer.MAX_VALUE, pair.now());
    }
  }

  @Benchmark
  public void segment() {
    sender.send(text, pair.now());
    pair.drain(read);
  }
}
