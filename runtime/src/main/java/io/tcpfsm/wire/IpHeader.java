package io.tcpfsm.wire;

/**
 * What the TCP layer needs from an IPv4 or IPv6 header: addresses for the pseudo-header, the
 * upper-layer protocol, and where its bytes are. Addresses are arrays owned by this value.
 *
 * @param payloadOffset index of the upper-layer header in the buffer the header was read from
 * @param payloadLength upper-layer length the IP header declares
 * @param capturedLength upper-layer bytes present in the buffer (less when the capture was cut)
 * @param fragment true if this datagram is a fragment (RFC 791 MF or offset; RFC 8200 §4.5)
 * @param firstFragment true if the fragment offset is 0 (only meaningful for fragments)
 * @param headerChecksumOk IPv4 header checksum verified (RFC 791 §3.1); always true for IPv6, which has none
 * @param finalDst the destination for the TCP pseudo-header: {@code dst}, unless an IPv6 Routing
 *     header with segments left names the final destination (RFC 8200 §8.1)
 */
public record IpHeader(
    int version,
    byte[] src,
    byte[] dst,
    int protocol,
    int payloadOffset,
    int payloadLength,
    int capturedLength,
    boolean fragment,
    boolean firstFragment,
    boolean headerChecksumOk,
    byte[] finalDst) {

  /** Whether all the upper-layer bytes the header declares were captured. */
  public boolean complete() {
    return capturedLength >= payloadLength;
  }
}
