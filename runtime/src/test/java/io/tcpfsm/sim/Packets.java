package io.tcpfsm.sim;

import io.tcpfsm.wire.Checksum;
import io.tcpfsm.wire.DecodeException;
import io.tcpfsm.wire.IpHeader;
import io.tcpfsm.wire.Ipv4;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;

/** IPv4/TCP packets for the link tests, and the receiver's checks on them. */
final class Packets {
  static final byte[] A = {10, 0, 0, 1};
  static final byte[] B = {10, 0, 0, 2};

  private Packets() {}

  /** An IPv4 packet holding a TCP segment with {@code payload} bytes, correct checksums. */
  static byte[] tcp(byte[] src, byte[] dst, int seq, int payload) {
    byte[] data = new byte[payload];
    for (int i = 0; i < payload; i++) {
      data[i] = (byte) (seq + i);
    }
    Segment s = Segment.builder().srcPort(40000).dstPort(80).seq(seq).ack(1).flags(Segment.ACK | Segment.PSH)
        .window(65535).payload(data).build();
    byte[] tcp = SegmentCodec.encode(s, src, dst);
    byte[] ip = new byte[20 + tcp.length];
    Ipv4.writeHeader(ip, 0, src, dst, 6, tcp.length, seq & 0xFFFF, 64);
    System.arraycopy(tcp, 0, ip, 20, tcp.length);
    return ip;
  }

  /** The TCP sequence number of a packet made by {@link #tcp}. */
  static int seq(byte[] ip) {
    return ((ip[24] & 0xFF) << 24) | ((ip[25] & 0xFF) << 16) | ((ip[26] & 0xFF) << 8) | (ip[27] & 0xFF);
  }

  /** Whether a receiver would accept the packet: IPv4 header checksum and TCP checksum hold. */
  static boolean intact(byte[] ip) {
    try {
      IpHeader h = Ipv4.decode(ip, 0, ip.length);
      if (!h.headerChecksumOk() || h.protocol() != 6 || !h.complete() || h.payloadLength() != ip.length - 20) {
        return false;
      }
      return Checksum.verifyTcp(h.src(), h.finalDst(), ip, h.payloadOffset(), h.payloadLength());
    } catch (DecodeException e) {
      return false;
    }
  }
}
