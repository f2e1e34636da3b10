package io.tcpfsm.scenario;

import java.util.Locale;
import java.util.Optional;

/**
 * The paths of the textbook diagram (TLPI Figure 61-4, RFC 9293 Figure 5), each as two
 * applications that make them happen: who opens, who sends, who closes first, who aborts.
 */
public enum Scenario {
  /** The client sends, then closes first (active close: FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT). */
  CLIENT_CLOSE("client-close"),
  /** The server sends, then closes first; the client closes on end of stream. */
  SERVER_CLOSE("server-close"),
  /** Both sides open actively at once, crosswise on fixed ports (RFC 9293 Figure 7). */
  SIMULTANEOUS_OPEN("simultaneous-open"),
  /** Both sides close at once: each FIN crosses the other (CLOSING; RFC 9293 Figure 13). */
  SIMULTANEOUS_CLOSE("simultaneous-close"),
  /** The client sends and closes; the server goes on sending into the half-closed connection. */
  HALF_CLOSE("half-close"),
  /** The client aborts mid-transfer: a RST, and the server is told "connection reset". */
  ABORT("abort"),
  /** The client connects to a port nobody listens on: RST,ACK from CLOSED, "connection reset". */
  REFUSED("refused"),
  /** A bulk transfer, client to server, then a client close. */
  BULK("bulk");

  private final String cliName;

  Scenario(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  public static Optional<Scenario> named(String name) {
    for (Scenario s : values()) {
      if (s.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
