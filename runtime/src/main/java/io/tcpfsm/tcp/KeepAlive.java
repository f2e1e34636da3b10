package io.tcpfsm.tcp;

/**
 * A connection's keep-alive settings (RFC 9293 3.8.4, RFC 1122 4.2.3.6), given per connection with
 * {@link Connection#keepAlive(KeepAlive, long)}; a connection has none until its application asks
 * (MUST-24, MUST-25). Once the connection has heard nothing for {@code idleNanos} and owes nothing,
 * it sends a probe, <SEQ=SND.NXT-1><ACK=RCV.NXT> without data (SHLD-12), which a live peer answers
 * with an ACK and a peer that has forgotten the connection with a RST; unanswered probes are
 * repeated every {@code intervalNanos}, and only after {@code probes} of them is the peer taken to
 * be gone (MUST-29: "MUST NOT interpret failure to respond to any specific probe as a dead
 * connection").
 *
 * @param idleNanos how long nothing may be heard before the first probe (MUST-27: configurable)
 * @param intervalNanos between unanswered probes
 * @param probes unanswered probes after which the connection is given up; at least 2
 */
public record KeepAlive(long idleNanos, long intervalNanos, int probes) {
  /**
   * Two hours idle, the least MUST-28 allows as a default, then Linux's 75 s between probes and 9
   * probes (net.ipv4.tcp_keepalive_time 7200, tcp_keepalive_intvl 75, tcp_keepalive_probes 9).
   */
  public static final KeepAlive DEFAULT = new KeepAlive(7200 * TcpConfig.SECOND, 75 * TcpConfig.SECOND, 9);

  public KeepAlive {
    if (idleNanos <= 0 || intervalNanos <= 0) {
      throw new IllegalArgumentException("keep-alive idle time and interval must be positive: " + idleNanos + ", " + intervalNanos);
    }
    if (probes < 2) {
      throw new IllegalArgumentException(
          "keep-alive needs at least 2 probes: one unanswered probe is not a dead connection (RFC 9293 MUST-29): " + probes);
    }
  }
}
