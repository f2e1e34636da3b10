package io.tcpfsm.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The open connections by 4-tuple, direction-free. IPv4 4-tuples, nearly every frame of a capture,
 * are kept inline in primitive arrays (open addressing, linear probing): a lookup reads a slot's
 * key (addresses and ports side by side) and its value where a {@code HashMap} of {@link FlowKey}s followed a node, a key and two address
 * arrays, each a likely cache miss once thousands of connections are open (a sixth of the
 * checker's samples on the benchmark capture). Other 4-tuples (IPv6) go to a {@code HashMap}.
 */
final class FlowTable<V> {
  /** Slot i's addresses at 2i and ports at 2i + 1: one cache line read per probe, where two arrays cost two. */
  private long[] keys = new long[2048];
  private Object[] values = new Object[1024];
  private int size;
  private final Map<FlowKey, V> other = new HashMap<>();

  /** An IPv4 address as an int. */
  static int ip4(byte[] addr) {
    return (addr[0] & 0xFF) << 24 | (addr[1] & 0xFF) << 16 | (addr[2] & 0xFF) << 8 | (addr[3] & 0xFF);
  }

  /** Whether (src, srcPort) is the lower end of the 4-tuple, as {@link FlowKey} orders them: the key is then {@code src << 32 | dst}. */
  static boolean srcLow(int src, int srcPort, int dst, int dstPort) {
    int c = Integer.compareUnsigned(src, dst);
    return c < 0 || (c == 0 && srcPort <= dstPort);
  }

  /** The addresses of an IPv4 4-tuple, lower end first. */
  static long addresses(int low, int high) {
    return (long) low << 32 | (high & 0xFFFF_FFFFL);
  }

  private static int slot(long a, int p, int mask) {
    long h = (a ^ (long) p * 0x9E37_79B9_7F4A_7C15L) * 0xBF58_476D_1CE4_E5B9L;
    return (int) (h ^ (h >>> 31)) & mask;
  }

  @SuppressWarnings("unchecked")
  V get(long a, int p) {
    int mask = values.length - 1;
    for (int i = slot(a, p, mask); values[i] != null; i = (i + 1) & mask) {
      if (keys[2 * i] == a && keys[2 * i + 1] == p) {
        return (V) values[i];
      }
    }
    return null;
  }

  V get(FlowKey k) {
    return other.get(k);
  }

  /** Maps the 4-tuple, which must not be mapped yet. */
  void put(long a, int p, V v) {
    if ((size + 1) * 2 > values.length) {
      grow();
    }
    int mask = values.length - 1;
    int i = slot(a, p, mask);
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    keys[2 * i] = a;
    keys[2 * i + 1] = p;
    values[i] = v;
    size++;
  }

  void put(FlowKey k, V v) {
    other.put(k, v);
  }

  /** Unmaps the 4-tuple if it maps to {@code v}. */
  void remove(long a, int p, V v) {
    int mask = values.length - 1;
    int i = slot(a, p, mask);
    while (values[i] != null && !(keys[2 * i] == a && keys[2 * i + 1] == p && values[i] == v)) {
      i = (i + 1) & mask;
    }
    if (values[i] == null) {
      return;
    }
    size--;
    // Backward-shift deletion (Knuth 6.4, algorithm R): later entries of the probe run move up, so no tombstones.
    for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int home = slot(keys[2 * j], (int) keys[2 * j + 1], mask);
      if (((j - home) & mask) >= ((j - i) & mask)) {
        keys[2 * i] = keys[2 * j];
        keys[2 * i + 1] = keys[2 * j + 1];
        values[i] = values[j];
        i = j;
      }
    }
    values[i] = null;
  }

  void remove(FlowKey k, V v) {
    other.remove(k, v);
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    size = 0;
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != null) {
        @SuppressWarnings("unchecked")
        V v = (V) oldValues[i];
        put(oldKeys[2 * i], (int) oldKeys[2 * i + 1], v);
      }
    }
  }

  /** Every mapped value, in no particular order. */
  @SuppressWarnings("unchecked")
  List<V> values() {
    List<V> all = new ArrayList<>(other.values());
    for (Object v : values) {
      if (v != null) {
        all.add((V) v);
      }
    }
    return all;
  }

  int size() {
    return size + other.size();
  }

}
