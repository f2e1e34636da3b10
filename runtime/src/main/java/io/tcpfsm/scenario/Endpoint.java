package io.tcpfsm.scenario;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.tcp.Connection;

/**
 * One application of a scenario: it sends its bytes, reads what arrives, and closes (or aborts)
 * when its script says. It knows the peer has finished when the connection has seen the peer's
 * FIN (CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT) and nothing is left to read. What arrives is
 * checked against the peer's {@link Payload} as it is read and then dropped, so memory does not
 * grow with the transfer.
 */
final class Endpoint {
  private static final int CHUNK = 65_536;

  final String name;
  Payload toSend;
  /** What the peer sends, to check arrivals against. */
  Payload expected = Payload.EMPTY;
  Connection connection;
  long sent;
  long received;
  /** The stream offset of the first byte that arrived wrong, or -1. */
  long corruptAt = -1;
  boolean closeAfterSending;
  boolean closeAfterPeer;
  boolean sendAfterPeerClose;
  long abortAt = -1;
  boolean closed;

  Endpoint(String name, Payload toSend) {
    this.name = name;
    this.toSend = toSend;
  }

  void payload(Payload data) {
    toSend = data;
  }

  boolean sentAll() {
    return sent == toSend.length();
  }

  void act(long now) {
    Connection c = connection;
    if (c == null || c.isDeleted()) {
      return;
    }
    boolean mayStart = !sendAfterPeerClose || c.state() == TcpState.CLOSE_WAIT;
    if (!closed && mayStart && sent < toSend.length() && canSend(c.state())) {
      long limit = abortAt >= 0 ? Math.min(toSend.length(), abortAt) : toSend.length();
      if (sent < limit) {
        sent += c.send(toSend.slice(sent, (int) Math.min(limit - sent, CHUNK)), now);
      }
    }
    check(c.read(1 << 20, now));
    if (closed) {
      return;
    }
    if (abortAt >= 0 && sent >= abortAt) {
      closed = true;
      c.abort(now);
    } else if (closeAfterSending && sentAll() && canSend(c.state())) {
      closed = true;
      c.close(now);
    } else if (closeAfterPeer && sentAll() && peerFinished(c)) {
      closed = true;
      c.close(now);
    }
  }

  private void check(byte[] got) {
    if (got.length == 0) {
      return;
    }
    int bad = corruptAt >= 0 ? -1 : expected.firstDifference(received, got);
    if (bad >= 0) {
      corruptAt = received + bad;
    }
    received += got.length;
  }

  private static boolean canSend(TcpState s) {
    return s == TcpState.ESTABLISHED || s == TcpState.CLOSE_WAIT;
  }

  static boolean peerFinished(Connection c) {
    TcpState s = c.state();
    return c.available() == 0 && (s == TcpState.CLOSE_WAIT || s == TcpState.CLOSING || s == TcpState.LAST_ACK || s == TcpState.TIME_WAIT);
  }
}
