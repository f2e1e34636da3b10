package io.tcpfsm.link;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.tcp.Addresses;
import io.tcpfsm.tcp.Connection;
import io.tcpfsm.tcp.Host;
import io.tcpfsm.tcp.KeepAlive;
import io.tcpfsm.tcp.TcpConfig;
import java.util.function.LongConsumer;

/**
 * The tcpfsm end of a {@link Transfer}, run by the link's loop after each round: it opens or
 * accepts, sends its bytes as the send buffer takes them, checks every byte it reads, and closes
 * or aborts when the transfer says.
 */
final class StackSide implements LongConsumer {
  private static final int STACK_SEED = 0x53;
  private static final int CHUNK = 1 << 16;
  /**
   * Keep-alive for the end that waits for its peer's RST (LINUX_ABORTS): a RST is never sent
   * again, so when the lossy path drops it, or the challenge ACK that would draw another, only a
   * probe of the silent connection finds that the kernel forgot it (RFC 9293 3.8.4). A second idle.
   */
  static final KeepAlive WAITING_FOR_RESET = new KeepAlive(TcpConfig.SECOND, TcpConfig.SECOND, 5);

  private final Transfer t;
  private final Host host;
  private final Host.Listening listening;
  private final int port;
  Connection connection;
  long sent;
  long received;
  long mismatchAt = -1;
  private boolean closed;
  private byte[] chunk = new byte[0];
  private long chunkStart;

  StackSide(Transfer t, Host host, int port) {
    this.t = t;
    this.host = host;
    this.port = port;
    this.listening = t.linuxOpens() && t.end() != Transfer.End.REFUSED ? host.listen(port, 4) : null;
  }

  static int seed() {
    return STACK_SEED;
  }

  /** Active OPEN, for a transfer the tcpfsm endpoint opens. */
  void open(long now) {
    if (!t.linuxOpens()) {
      connection = host.connect(Addresses.parse(TunLink.KERNEL), port, now);
    }
  }

  @Override
  public void accept(long now) {
    Connection c = connection;
    if (c == null && listening != null) {
      c = connection = listening.accept();
    }
    if (c == null) {
      return;
    }
    if (t.end() == Transfer.End.LINUX_ABORTS && c.keepAlive() == null && !c.isDeleted()) {
      c.keepAlive(WAITING_FOR_RESET, now);
    }
    if (c.isDeleted()) {
      // A reset can delete the TCB in the round the last text arrived (a kernel's RST for our
      // duplicate ACK in TIME-WAIT, RFC 1337's assassination): what TCP delivered is still read.
      take(c.read(1 << 20, now));
      return;
    }
    TcpState s = c.state();
    boolean peerFin = s == TcpState.CLOSE_WAIT || s == TcpState.LAST_ACK || s == TcpState.CLOSING || s == TcpState.TIME_WAIT;
    boolean mayStart = !(t.secondSendsAfterClose() && t.linuxClosesFirst()) || peerFin;
    if (!closed && mayStart && sent < t.stackBytes() && (s == TcpState.ESTABLISHED || s == TcpState.CLOSE_WAIT)) {
      sent += c.send(chunkAt(sent), now);
    }
    take(c.read(1 << 20, now));
    if (closed || sent < t.stackBytes()) {
      return;
    }
    switch (t.end()) {
      case STACK_ABORTS -> {
        closed = true;
        c.abort(now);
      }
      case CLOSE -> {
        boolean open = s == TcpState.ESTABLISHED || s == TcpState.CLOSE_WAIT;
        if (open && (!t.linuxClosesFirst() || (peerFin && c.available() == 0))) {
          closed = true;
          c.close(now);
        }
      }
      default -> { } // LINUX_ABORTS, REFUSED: the peer ends it
    }
  }

  private void take(byte[] got) {
    long at = Pattern.firstMismatch(got, 0, got.length, received, LinuxSide.seed());
    if (at >= 0 && mismatchAt < 0) {
      mismatchAt = at;
    }
    received += got.length;
  }

  /** The pattern from {@code from} on, at most one chunk; the last one again if none of it was taken. */
  private byte[] chunkAt(long from) {
    if (from != chunkStart || chunk.length == 0) {
      chunkStart = from;
      chunk = Pattern.fill(from, (int) Math.min(CHUNK, t.stackBytes() - from), STACK_SEED);
    }
    return chunk; // the send buffer copies what it accepts, so an unaccepted chunk is offered again
  }

  boolean finished() {
    return t.end() == Transfer.End.REFUSED && t.linuxOpens() ? true : connection != null && connection.isDeleted();
  }
}
