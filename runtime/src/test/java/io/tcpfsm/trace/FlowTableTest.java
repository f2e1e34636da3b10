package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FlowTable}'s inline IPv4 part against a {@code HashMap} (the answer key) over random puts, lookups and removals. */
class FlowTableTest {
  @Test
  void agreesWithAHashMapThroughGrowthAndRemovals() {
    FlowTable<Integer> table = new FlowTable<>();
    Map<List<Long>, Integer> key = new HashMap<>();
    Random r = new Random(7);
    for (int op = 0; op < 200_000; op++) {
      // few distinct addresses and ports, so probe runs collide and removals shift entries
      long addrs = FlowTable.addresses(r.nextInt(40), r.nextInt(40));
      int ports = r.nextInt(30);
      List<Long> k = List.of(addrs, (long) ports);
      Integer have = key.get(k);
      assertThat(table.get(addrs, ports)).isEqualTo(have);
      if (have == null && r.nextInt(3) > 0) {
        Integer v = op; // one object: the table removes by identity
        table.put(addrs, ports, v);
        key.put(k, v);
      } else if (have != null) {
        table.remove(addrs, ports, r.nextInt(10) == 0 ? Integer.valueOf(-1) : have); // a removal for another value does nothing
        if (table.get(addrs, ports) == null) {
          key.remove(k);
        }
      }
      assertThat(table.size()).isEqualTo(key.size());
    }
    assertThat(table.values()).containsExactlyInAnyOrderElementsOf(key.values());
  }

  @Test
  void bothDirectionsOfA4TupleHaveOneKey() {
    int a = FlowTable.ip4(new byte[] {10, 0, 0, 1});
    int b = FlowTable.ip4(new byte[] {(byte) 192, (byte) 168, 1, 2});
    assertThat(FlowTable.srcLow(a, 80, b, 40000)).isTrue();
    assertThat(FlowTable.srcLow(b, 40000, a, 80)).isFalse();
    assertThat(FlowTable.srcLow(a, 80, a, 81)).isTrue(); // same address: the lower port first, as FlowKey
    assertThat(FlowTable.srcLow(a, 81, a, 80)).isFalse();
  }
}
