package io.tcpfsm.trace;

import java.util.Arrays;

/**
 * A connection's 4-tuple without direction: both frames of a conversation map to one key. The
 * lower (address, port) pair comes first, so the key does not depend on who spoke first.
 */
final class FlowKey {
  private final byte[] lowAddr;
  private final int lowPort;
  private final byte[] highAddr;
  private final int highPort;
  private final int hash;

  FlowKey(byte[] src, int srcPort, byte[] dst, int dstPort) {
    int c = Arrays.compareUnsigned(src, dst);
    boolean srcLow = c < 0 || (c == 0 && srcPort <= dstPort);
    lowAddr = srcLow ? src : dst;
    lowPort = srcLow ? srcPort : dstPort;
    highAddr = srcLow ? dst : src;
    highPort = srcLow ? dstPort : srcPort;
    hash = (Arrays.hashCode(lowAddr) * 31 + lowPort) * 961 + Arrays.hashCode(highAddr) * 31 + highPort;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowKey k && k.hash == hash && k.lowPort == lowPort && k.highPort == highPort
        && Arrays.equals(k.lowAddr, lowAddr) && Arrays.equals(k.highAddr, highAddr);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
