package io.tcpfsm.link;

/**
 * One run of tcpfsm against the kernel: who opens, how many bytes each side sends, who closes
 * first, and what ends the connection. A Linux socket is one end, the runtime's endpoint behind
 * the TUN device the other.
 *
 * @param name the scenario's name (its pcap is {@code NAME.pcap})
 * @param linuxOpens the Linux socket connects (the tcpfsm endpoint listens), else the reverse
 * @param linuxBytes bytes the Linux side sends
 * @param stackBytes bytes the tcpfsm side sends
 * @param linuxClosesFirst the Linux side closes (shuts its output) first; else tcpfsm's CLOSE does
 * @param secondSendsAfterClose the side that closes second starts sending only after the first
 *     side's FIN arrived: a half-closed connection carries the whole transfer
 * @param end how the connection ends
 */
public record Transfer(
    String name, boolean linuxOpens, long linuxBytes, long stackBytes, boolean linuxClosesFirst,
    boolean secondSendsAfterClose, End end) {

  /** How a run ends. */
  public enum End {
    /** Both sides close; every byte arrives. */
    CLOSE,
    /** The tcpfsm endpoint ABORTs after sending its bytes: RST, the Linux socket sees a reset. */
    STACK_ABORTS,
    /** The Linux socket closes with SO_LINGER 0 after sending its bytes: RST, tcpfsm sees a reset. */
    LINUX_ABORTS,
    /** The opener's connect finds no listener: RST, "connection refused". */
    REFUSED
  }

  private static final long MB = 1_000_000L;

  /** The scenarios of issue 13 point 2, each on the path with loss applied or not. */
  public static java.util.List<Transfer> standard(long bytes) {
    return java.util.List.of(
        new Transfer("linux-connects-linux-closes", true, bytes, bytes, true, false, End.CLOSE),
        new Transfer("linux-connects-tcpfsm-closes", true, bytes, bytes, false, false, End.CLOSE),
        new Transfer("tcpfsm-connects-tcpfsm-closes", false, bytes, bytes, false, false, End.CLOSE),
        new Transfer("tcpfsm-connects-linux-closes", false, bytes, bytes, true, false, End.CLOSE),
        new Transfer("half-close-linux-first", true, 0, bytes, true, true, End.CLOSE),
        new Transfer("half-close-tcpfsm-first", false, bytes, 0, false, true, End.CLOSE),
        new Transfer("tcpfsm-aborts", true, 0, MB, false, false, End.STACK_ABORTS),
        new Transfer("linux-aborts", false, MB, 0, true, false, End.LINUX_ABORTS),
        new Transfer("linux-connects-refused", true, 0, 0, true, false, End.REFUSED),
        new Transfer("tcpfsm-connects-refused", false, 0, 0, false, false, End.REFUSED));
  }
}
