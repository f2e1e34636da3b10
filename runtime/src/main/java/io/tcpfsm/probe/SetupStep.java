package io.tcpfsm.probe;

import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.machine.TcpGuard;

/**
 * What a probe can do to bring a kernel socket into a state: a socket call by the application, or
 * a well-formed segment from the peer (in sequence, acknowledging what it should).
 */
public enum SetupStep {
  OPEN_PASSIVE(TcpEvent.OPEN_PASSIVE, false, "listen()"),
  OPEN_ACTIVE(TcpEvent.OPEN_ACTIVE, false, "connect()"),
  /** The application's CLOSE: shutdown(SHUT_WR), so the socket keeps its TCB and sends its FIN. */
  CLOSE(TcpEvent.CLOSE, false, "shutdown(SHUT_WR)"),
  PEER_SYN(TcpEvent.SYN, false, "peer SYN"),
  PEER_SYN_ACK(TcpEvent.SYN_ACK, false, "peer SYN+ACK"),
  PEER_ACK(TcpEvent.ACK, true, "peer ACK of everything"),
  PEER_FIN_ACK(TcpEvent.FIN_ACK, true, "peer FIN+ACK of everything"),
  /** The peer's FIN crossing ours: it acknowledges everything but our FIN. */
  PEER_FIN_ACK_NOT_OUR_FIN(TcpEvent.FIN_ACK, false, "peer FIN+ACK, not acknowledging our FIN");

  private final TcpEvent event;
  private final boolean acksOurFin;
  private final String text;

  SetupStep(TcpEvent event, boolean acksOurFin, String text) {
    this.event = event;
    this.acksOurFin = acksOurFin;
    this.text = text;
  }

  public TcpEvent event() {
    return event;
  }

  public String text() {
    return text;
  }

  /**
   * The guards of a well-formed step: an in-sequence segment with an acceptable ACK, no text,
   * nothing queued; whether it acknowledges our FIN as the step says; {@code passiveOpen} as
   * the path so far made it.
   */
  int guards(boolean passiveOpen) {
    int g = TcpGuard.mask(TcpGuard.SEQ_ACCEPTABLE, TcpGuard.ACK_ACCEPTABLE, TcpGuard.RST_SEQ_EXACT);
    if (acksOurFin) {
      g |= TcpGuard.FIN_ACKED.bit();
    }
    if (passiveOpen) {
      g |= TcpGuard.PASSIVE_OPEN.bit();
    }
    return g;
  }
}
