package io.tcpfsm.capture;

import io.tcpfsm.wire.Ipv4;
import io.tcpfsm.wire.Ipv6;
import io.tcpfsm.wire.Offsets;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;

/**
 * Wraps a segment in IP and a link-layer header, with correct IP and TCP checksums, so the runtime
 * (and tests) can write what it sends to a capture file. Addresses of 4 bytes make IPv4, 16 IPv6.
 */
public final class FrameBuilder {
  private FrameBuilder() {}

  private static final byte[] ETHER_A = {2, 0, 0, 0, 0, 1};
  private static final byte[] ETHER_B = {2, 0, 0, 0, 0, 2};

  /** The IP datagram alone (link type RAW). */
  public static byte[] ip(Segment s, byte[] src, byte[] dst) {
    return frame(LinkType.RAW, s, src, dst);
  }

  /** A frame of {@code linkType}: ETHERNET, RAW, IPV4/IPV6, NULL, LINUX_SLL or LINUX_SLL2. */
  public static byte[] frame(int linkType, Segment s, byte[] src, byte[] dst) {
    boolean v4 = src.length == 4;
    int ipHeader = v4 ? Offsets.IPV4_MIN_HEADER : Offsets.IPV6_HEADER;
    int link = switch (linkType) {
      case LinkType.ETHERNET -> 14;
      case LinkType.NULL, LinkType.LOOP -> 4;
      case LinkType.LINUX_SLL -> 16;
      case LinkType.LINUX_SLL2 -> 20;
      case LinkType.RAW, LinkType.IPV4, LinkType.IPV6 -> 0;
      default -> throw new IllegalArgumentException("unsupported link type: " + linkType);
    };
    byte[] tcp = SegmentCodec.encode(s, src, dst);
    byte[] out = new byte[link + ipHeader + tcp.length];
    int ethertype = v4 ? 0x0800 : 0x86DD;
    switch (linkType) {
      case LinkType.ETHERNET -> {
        System.arraycopy(ETHER_B, 0, out, 0, 6);
        System.arraycopy(ETHER_A, 0, out, 6, 6);
        putU16(out, 12, ethertype);
      }
      case LinkType.NULL -> out[0] = (byte) (v4 ? 2 : 30); // little-endian AF_INET / macOS AF_INET6
      case LinkType.LOOP -> out[3] = (byte) (v4 ? 2 : 24);
      case LinkType.LINUX_SLL -> {
        putU16(out, 0, 0); // packet to us
        putU16(out, 2, 772); // ARPHRD_LOOPBACK
        putU16(out, 14, ethertype);
      }
      case LinkType.LINUX_SLL2 -> {
        putU16(out, 0, ethertype);
        out[7] = 1; // interface index 1
        putU16(out, 8, 772);
      }
      default -> {}
    }
    if (v4) {
      Ipv4.writeHeader(out, link, src, dst, Offsets.PROTO_TCP, tcp.length, 1, 64);
    } else {
      Ipv6.writeHeader(out, link, src, dst, Offsets.PROTO_TCP, tcp.length, 64);
    }
    System.arraycopy(tcp, 0, out, link + ipHeader, tcp.length);
    return out;
  }

  private static void putU16(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }
}
