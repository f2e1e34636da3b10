package io.tcpfsm.capture;

import io.tcpfsm.wire.DecodeException;
import io.tcpfsm.wire.IpHeader;
import io.tcpfsm.wire.Segment;

/**
 * What one captured frame turned out to hold.
 *
 * @param ip the IP header, when the frame carried IPv4 or IPv6 (null otherwise)
 * @param segment the TCP segment, for {@link Kind#TCP}
 * @param tcpLength TCP payload length the IP header declares (the segment's payload may be shorter, cut by the snap length)
 * @param checksum whether the TCP checksum verified
 * @param expectedChecksum the checksum the segment should carry, when {@code checksum} is BAD
 * @param error what was wrong, for {@link Kind#MALFORMED}; its offset is a file offset
 */
public record Frame(
    Kind kind, IpHeader ip, Segment segment, int tcpLength, ChecksumStatus checksum, int expectedChecksum, DecodeException error) {

  public enum Kind {
    /** A TCP segment. */
    TCP,
    /** Not TCP over IP: ARP, UDP, ICMP, other link protocols. */
    NOT_TCP,
    /** An IP fragment carrying (part of) TCP: reported, not reassembled. */
    FRAGMENT,
    /** Headers that do not decode. */
    MALFORMED
  }

  public enum ChecksumStatus {
    GOOD,
    BAD,
    /** Not all of the segment was captured, so the checksum cannot be checked. */
    UNVERIFIED,
    /** No segment. */
    NONE
  }

  static Frame notTcp(IpHeader ip) {
    return new Frame(Kind.NOT_TCP, ip, null, 0, ChecksumStatus.NONE, 0, null);
  }

  static Frame malformed(IpHeader ip, DecodeException e) {
    return new Frame(Kind.MALFORMED, ip, null, 0, ChecksumStatus.NONE, 0, e);
  }
}
