package io.tcpfsm.probe;

import io.tcpfsm.machine.TcpState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the kernel's view of its sockets from {@code /proc/net/tcp} of this process's network
 * namespace (proc(5): local and remote address as hex {@code AABBCCDD:PPPP} in host byte order,
 * state as the kernel's TCP_* number). Sockets must be IPv4 (the probe runs with
 * {@code java.net.preferIPv4Stack}).
 */
final class KernelSockets {
  private KernelSockets() {}

  /** include/net/tcp_states.h: TCP_ESTABLISHED = 1 ... TCP_CLOSING = 11; 12 is TCP_NEW_SYN_RECV. */
  private static final TcpState[] BY_NUMBER = {
    null, TcpState.ESTABLISHED, TcpState.SYN_SENT, TcpState.SYN_RECV, TcpState.FIN_WAIT1, TcpState.FIN_WAIT2,
    TcpState.TIME_WAIT, TcpState.CLOSED, TcpState.CLOSE_WAIT, TcpState.LAST_ACK, TcpState.LISTEN, TcpState.CLOSING,
    TcpState.SYN_RECV
  };

  /**
   * The state of the socket {@code local:localPort <-> remote:remotePort}; failing that, LISTEN if
   * {@code listenerCounts} and a listener holds {@code localPort} (the probed connection is the
   * listener, or a request of it that RFC 9293 3.10.7.4 returns to LISTEN); else CLOSED (no TCB:
   * a passively opened connection that ended leaves its listener behind, a different TCB).
   */
  static TcpState state(String local, int localPort, String remote, int remotePort, boolean listenerCounts) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("/proc/self/net/tcp"));
    String l = hex(local, localPort);
    String r = hex(remote, remotePort);
    boolean listening = false;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.trim().split("\\s+");
      int st = Integer.parseInt(f[3], 16);
      if (f[1].equals(l) && f[2].equals(r)) {
        return st < BY_NUMBER.length && BY_NUMBER[st] != null ? BY_NUMBER[st] : TcpState.CLOSED;
      }
      if (st == 10 && f[1].endsWith(String.format(Locale.ROOT, ":%04X", localPort))) {
        listening = true;
      }
    }
    return listening && listenerCounts ? TcpState.LISTEN : TcpState.CLOSED;
  }

  private static String hex(String address, int port) {
    String[] b = address.split("\\.");
    // the address is the in-memory network-order word printed as a little-endian int
    return String.format(Locale.ROOT, "%02X%02X%02X%02X:%04X",
        Integer.parseInt(b[3]), Integer.parseInt(b[2]), Integer.parseInt(b[1]), Integer.parseInt(b[0]), port);
  }
}
