package io.tcpfsm.bench;

import io.tcpfsm.tcp.Connection;
import io.tcpfsm.tcp.TcpConfig;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Heap bytes per idle ESTABLISHED connection: opens {@code n} connections between two hosts
 * (default TcpConfig; so 2n connection ends, each a {@link Connection} in a host's table) and
 * divides the growth of the heap in use, after full collections, by 2n. Everything a host keeps
 * for a connection counts: the Connection and what it holds, its 4-tuple key, the hash-map entry,
 * its timers; and the application's own list of the connections.
 *
 * <pre>java -Xmx2g -cp bench/target/benchmarks.jar io.tcpfsm.bench.IdleConnections 100000</pre>
 */
public final class IdleConnections {
  private IdleConnections() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    DirectPair warm = new DirectPair(TcpConfig.defaults(), 0);
    SegmentCostBenchmark.openIdle(warm, 1000); // load and compile the code paths first
    warm = null;
    long before = usedAfterGc();
    DirectPair pair = new DirectPair(TcpConfig.defaults(), 0);
    List<Connection> open = SegmentCostBenchmark.openIdle(pair, n);
    long after = usedAfterGc();
    long ends = 2L * n;
    System.out.printf("%,d connections (%,d ends), %,d timers pending: %,d heap bytes, %,.0f bytes per connection end%n",
        n, ends, pair.a.pendingTimers() + pair.b.pendingTimers(), after - before, (after - before) / (double) ends);
    if (open.size() != ends) {
      throw new AssertionError();
    }
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
