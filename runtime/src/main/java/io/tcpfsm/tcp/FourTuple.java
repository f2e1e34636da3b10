package io.tcpfsm.tcp;

import java.util.Arrays;

/** A connection's key: local and remote address and port (IPv4, 4 bytes; or IPv6, 16). */
public record FourTuple(byte[] localAddress, int localPort, byte[] remoteAddress, int remotePort) {
  public FourTuple {
    localAddress = localAddress.clone();
    remoteAddress = remoteAddress.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FourTuple t && localPort == t.localPort && remotePort == t.remotePort
        && Arrays.equals(localAddress, t.localAddress) && Arrays.equals(remoteAddress, t.remoteAddress);
  }

  @Override
  public int hashCode() {
    return ((Arrays.hashCode(localAddress) * 31 + localPort) * 31 + Arrays.hashCode(remoteAddress)) * 31 + remotePort;
  }

  @Override
  public String toString() {
    return Addresses.format(localAddress) + ":" + localPort + "-" + Addresses.format(remoteAddress) + ":" + remotePort;
  }
}
