package io.tcpfsm.scenario;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.tcp.Connection;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One application of a scenario: it sends its bytes, reads what arrives, and closes (or aborts)
 * when its script says. It knows the peer has finished when the connection has seen the peer's
 * FIN (CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT) and nothing is left to read.
 */
final class Endpoint {
  final String name;
  byte[] toSend;
  final ByteArrayOutputStream received = new ByteArrayOutputStream();
  Connection connection;
  int sent;
  boolean closeAfterSending;
  boolean closeAfterPeer;
  boolean sendAfterPeerClose;
  int abortAt = -1;
  boolean closed;

  Endpoint(String name, byte[] toSend) {
    this.name = name;
    this.toSend = toSend;
  }

  void payload(byte[] data) {
    toSend = data;
  }

  void act(long now) {
    Connection c = connection;
    if (c == null || c.isDeleted()) {
      return;
    }
    boolean mayStart = !sendAfterPeerClose || c.state() == TcpState.CLOSE_WAIT;
    if (!closed && mayStart && sent < toSend.length && canSend(c.state())) {
      int limit = abortAt >= 0 ? Math.min(toSend.length, abortAt) : toSend.length;
      if (sent < limit) {
        sent += c.send(Arrays.copyOfRange(toSend, sent, Math.min(limit, sent + 65_536)), now);
      }
    }
    byte[] got = c.read(1 << 20, now);
    received.writeBytes(got);
    if (closed) {
      return;
    }
    if (abortAt >= 0 && sent >= abortAt) {
      closed = true;
      c.abort(now);
    } else if (closeAfterSending && sent == toSend.length && canSend(c.state())) {
      closed = true;
      c.close(now);
    } else if (closeAfterPeer && sent == toSend.length && peerFinished(c)) {
      closed = true;
      c.close(now);
    }
  }

  private static boolean canSend(TcpState s) {
    return s == TcpState.ESTABLISHED || s == TcpState.CLOSE_WAIT;
  }

  static boolean peerFinished(Connection c) {
    TcpState s = c.state();
    return c.available() == 0 && (s == TcpState.CLOSE_WAIT || s == TcpState.CLOSING || s == TcpState.LAST_ACK || s == TcpState.TIME_WAIT);
  }
}
