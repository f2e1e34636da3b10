package io.tcpfsm.tcp;

import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.rto.RtoConfig;

/**
 * What a host's connections are configured with. The defaults follow the RFCs: MSS 1460 (the
 * Ethernet value; RFC 9293 3.7.1's default of 536 applies when the peer sends no MSS option),
 * a TIME-WAIT (2 MSL) of 60 s (RFC 9293 3.4.2 takes MSL as 2 minutes, so 4; the
 * 60 s Linux uses is the common practice), a user timeout of 5 minutes (RFC 9293 3.8.3,
 * R2 for data: at least 100 s), RFC 6298's RTO bounds, and a 256 KiB buffer each way.
 *
 * @param profile the machine every connection runs
 * @param mss the segment size we announce and send at most
 * @param sendBuffer bytes the application may have unacknowledged
 * @param receiveBuffer bytes of receive window (RCV.WND) we offer, at most
 * @param windowScale our window-scale shift (RFC 7323 2.2), 0 to 14
 * @param twoMslNanos how long TIME-WAIT lasts
 * @param userTimeoutNanos how long a connection may make no progress (R2, RFC 9293 3.8.3)
 * @param rto the retransmission timer's bounds (RFC 6298)
 * @param maxRetransmissions R2 as a count: retransmissions of one segment before giving up
 * @param isnSecret the key of RFC 6528's ISN hash
 */
public record TcpConfig(
    TcpProfile profile,
    int mss,
    int sendBuffer,
    int receiveBuffer,
    int windowScale,
    long twoMslNanos,
    long userTimeoutNanos,
    RtoConfig rto,
    int maxRetransmissions,
    long isnSecret) {
  public static final long SECOND = 1_000_000_000L;

  public TcpConfig {
    if (mss < 64 || mss > 65_495) {
      throw new IllegalArgumentException("mss must be 64..65495: " + mss);
    }
    if (windowScale < 0 || windowScale > 14) {
      throw new IllegalArgumentException("windowScale must be 0..14 (RFC 7323 2.3): " + windowScale);
    }
    if ((long) receiveBuffer > (65_535L << windowScale)) {
      throw new IllegalArgumentException("a receive buffer of " + receiveBuffer + " needs a window scale above " + windowScale);
    }
  }

  /** RFC 9293 with RFC 5961, MSS 1460, 256 KiB buffers. */
  public static TcpConfig defaults() {
    return new TcpConfig(TcpProfile.RFC9293, 1460, 256 * 1024, 256 * 1024, 3, 60 * SECOND, 300 * SECOND,
        RtoConfig.RFC6298, 15, 0x5eed_1234_abcdL);
  }

  /**
   * Linux's choices (profile linux): TIME-WAIT a fixed 60 s (include/net/tcp.h TCP_TIMEWAIT_LEN,
   * not 2 MSL), data given up after tcp_retries2 = 15 retransmissions; the RTO bounds are RFC
   * 6298's (Linux's TCP_TIMEOUT_INIT is its 1 s; its 200 ms TCP_RTO_MIN is below RFC 6298's
   * 1 s minimum, which this runtime keeps, and its first four SYN retransmissions do not double
   * the timer, tcp_syn_linear_timeouts, which this runtime does not copy). The rest as
   * {@link #defaults()}.
   */
  public static TcpConfig linux() {
    return defaults().withProfile(TcpProfile.LINUX).withTwoMsl(60 * SECOND);
  }

  public TcpConfig withProfile(TcpProfile p) {
    return new TcpConfig(p, mss, sendBuffer, receiveBuffer, windowScale, twoMslNanos, userTimeoutNanos, rto, maxRetransmissions, isnSecret);
  }

  public TcpConfig withMss(int m) {
    return new TcpConfig(profile, m, sendBuffer, receiveBuffer, windowScale, twoMslNanos, userTimeoutNanos, rto, maxRetransmissions, isnSecret);
  }

  public TcpConfig withBuffers(int send, int receive, int scale) {
    return new TcpConfig(profile, mss, send, receive, scale, twoMslNanos, userTimeoutNanos, rto, maxRetransmissions, isnSecret);
  }

  public TcpConfig withTwoMsl(long nanos) {
    return new TcpConfig(profile, mss, sendBuffer, receiveBuffer, windowScale, nanos, userTimeoutNanos, rto, maxRetransmissions, isnSecret);
  }

  public TcpConfig withUserTimeout(long nanos) {
    return new TcpConfig(profile, mss, sendBuffer, receiveBuffer, windowScale, twoMslNanos, nanos, rto, maxRetransmissions, isnSecret);
  }

  public TcpConfig withRto(RtoConfig r) {
    return new TcpConfig(profile, mss, sendBuffer, receiveBuffer, windowScale, twoMslNanos, userTimeoutNanos, r, maxRetransmissions, isnSecret);
  }

  /** Whether the profile applies RFC 5961's ACK check (its guard ack_acceptable says so). */
  boolean rfc5961() {
    return profile != TcpProfile.RFC793;
  }
}
