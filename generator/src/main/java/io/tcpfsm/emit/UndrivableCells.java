package io.tcpfsm.emit;

import io.tcpfsm.analysis.CellsFile;

/**
 * Cells that no real connection of the runtime can be in, whatever the path, each with its
 * reason. The path search ({@link ConnectionPaths}) finds the rest (a state or timer no path
 * reaches); what is here is a fact about the runtime's API or about the guards themselves, one
 * rule per reason, reviewed like the answer keys.
 */
final class UndrivableCells {
  private UndrivableCells() {}

  /** Why {@code r} of {@code profile} cannot be driven through a real connection, or null if it can be tried. */
  static String reason(String profile, CellsFile.Row r) {
    boolean call = switch (r.event()) {
      case "OPEN_PASSIVE", "OPEN_ACTIVE", "SEND", "RECEIVE", "CLOSE", "ABORT", "STATUS" -> true;
      default -> false;
    };
    // A second passive OPEN in LISTEN is a second Host.listen on the port, which the runtime answers.
    boolean listenAgain = r.state().equals("LISTEN") && r.event().equals("OPEN_PASSIVE");
    if (call && r.state().equals("LISTEN") && !listenAgain) {
      return "the runtime's passive OPEN is a listening port (Host.listen), not a connection the user can call:"
          + " a listener's child is in LISTEN only while the segment that made it is processed";
    }
    if (r.event().equals("OPEN_PASSIVE") && !r.state().equals("CLOSED") && !listenAgain) {
      return "the runtime's passive OPEN is Host.listen(port), a listening port for any remote socket (RFC 9293 3.9.1.1:"
          + " \"an unspecified remote socket to wait for any call\"): beside a connection it opens another, it is no OPEN call on the connection";
    }
    Boolean ackAcceptable = r.guards().get("ack_acceptable");
    Boolean finAcked = r.guards().get("fin_acked");
    if (profile.equals("rfc793") && Boolean.FALSE.equals(ackAcceptable) && Boolean.FALSE.equals(finAcked)) {
      return "the guards contradict each other in profile rfc793: without RFC 5961's lower bound an unacceptable ACK"
          + " is one beyond SND.NXT (RFC 793 p.72: \"If the ACK acks something not yet sent (SEG.ACK > SND.NXT) then send an ACK\"),"
          + " and our FIN lies below SND.NXT, so such an ACK acknowledges it";
    }
    return null;
  }
}
