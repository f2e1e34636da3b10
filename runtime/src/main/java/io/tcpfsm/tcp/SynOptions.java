package io.tcpfsm.tcp;

import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;

/**
 * The options a {@link Connection} negotiates on the SYNs: the peer's MSS (RFC 9293 3.7.1) and
 * window scaling (RFC 7323 2). What we offer is written on our SYN by {@link ActionRunner}; this
 * reads the peer's. The results live in the connection's fields ({@code peerMss}, {@code sndScale},
 * {@code rcvScale}, {@code peerOfferedScale}), which the segment path reads on every segment.
 */
final class SynOptions {
  /** RFC 9293 3.7.1: the MSS assumed when the peer sends none (536 for IPv4). */
  static final int DEFAULT_MSS = 536;

  private SynOptions() {}

  /** Reads the options of the peer's SYN (or SYN,ACK). */
  static void read(Connection c, Segment s) {
    for (TcpOption o : s.options()) {
      if (o instanceof TcpOption.Mss mss) {
        c.peerMss = mss.mss();
      } else if (o instanceof TcpOption.WindowScale ws) {
        c.peerOfferedScale = true;
        c.sndScale = Math.min(14, ws.shift()); // RFC 7323 2.3: a shift above 14 is used as 14
      }
    }
    if (!c.peerOfferedScale) {
      c.sndScale = 0;
      c.rcvScale = 0; // RFC 7323 2.2: scaling applies only when both SYNs carry the option
    }
  }

  /** The largest text a segment to the peer may carry: ours and the peer's MSS, the smaller (RFC 9293 3.7.1). */
  static int sendMss(Connection c) {
    return Math.min(c.config.mss(), c.peerMss);
  }
}
