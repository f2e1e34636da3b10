package io.tcpfsm.capture;

import io.tcpfsm.wire.Checksum;
import io.tcpfsm.wire.DecodeException;
import io.tcpfsm.wire.IpHeader;
import io.tcpfsm.wire.Ipv4;
import io.tcpfsm.wire.Ipv6;
import io.tcpfsm.wire.Offsets;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;

/**
 * Peels a captured frame down to TCP: link layer (linktypes.html), IPv4/IPv6, then the segment,
 * whose checksum it verifies. It never throws: every problem becomes a {@link Frame.Kind#MALFORMED}
 * frame whose error names the file offset.
 */
public final class FrameDecoder {
  private FrameDecoder() {}

  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int ETHERTYPE_IPV6 = 0x86DD;
  /** IEEE 802.1Q, 802.1ad (QinQ) and the older 0x9100 QinQ tag: each adds 4 bytes before the real type. */
  private static final int ETHERTYPE_VLAN = 0x8100;
  private static final int ETHERTYPE_QINQ = 0x88A8;
  private static final int ETHERTYPE_QINQ_OLD = 0x9100;
  /** AF_INET everywhere; BSD AF_INET6 differs by OS: 24 (NetBSD/OpenBSD), 28 (FreeBSD), 30 (macOS), as tcpdump's print-null.c. */
  private static final int AF_INET = 2;

  /** Decodes a record from a capture. */
  public static Frame decode(Record r) {
    return decode(r.linkType(), r.array(), r.dataOffset());
  }

  /** Decodes a frame of the given link type; {@code fileOffset} is where its first byte sits in the file. */
  public static Frame decode(int linkType, byte[] data, long fileOffset) {
    try {
      return decodeLink(linkType, data);
    } catch (DecodeException e) {
      return Frame.malformed(null, e.shifted(fileOffset));
    } catch (Malformed m) {
      return Frame.malformed(m.ip, m.cause.shifted(fileOffset));
    }
  }

  private static Frame decodeLink(int linkType, byte[] b) throws DecodeException, Malformed {
    int len = b.length;
    switch (linkType) {
      case LinkType.ETHERNET: {
        need(b, 0, 14, "Ethernet header");
        int p = 12;
        int type = u16(b, p);
        // IEEE 802.1Q: a tag is 0x8100, 2 bytes of TCI, then the encapsulated type.
        while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD) {
          p += 4;
          need(b, 0, p + 2, "802.1Q tag");
          type = u16(b, p);
        }
        return decodeEthertype(type, b, p + 2);
      }
      case LinkType.LINUX_SLL:
        // pcap-linktype(7) LINKTYPE_LINUX_SLL: 16 bytes, protocol type in the last 2.
        need(b, 0, 16, "Linux cooked (SLL) header");
        return decodeEthertype(u16(b, 14), b, 16);
      case LinkType.LINUX_SLL2:
        // LINKTYPE_LINUX_SLL2: 20 bytes, protocol type first.
        need(b, 0, 20, "Linux cooked v2 (SLL2) header");
        return decodeEthertype(u16(b, 0), b, 20);
      case LinkType.NULL:
      case LinkType.LOOP: {
        need(b, 0, 4, "loopback header");
        int family = i32(b, 0);
        // NULL holds the family in the capturing host's byte order: a value with high bytes set was written little-endian.
        if (linkType == LinkType.NULL && (family & 0xFFFF0000) != 0) {
          family = Integer.reverseBytes(family);
        }
        if (family == AF_INET) {
          return decodeIp(4, b, 4);
        }
        if (family == 24 || family == 28 || family == 30) {
          return decodeIp(6, b, 4);
        }
        return Frame.notTcp(null);
      }
      case LinkType.RAW:
      case LinkType.RAW_12:
      case LinkType.RAW_14:
        need(b, 0, 1, "IP header");
        return decodeIp((b[0] & 0xFF) >>> 4, b, 0);
      case LinkType.IPV4:
        return decodeIp(4, b, 0);
      case LinkType.IPV6:
        return decodeIp(6, b, 0);
      default:
        throw new DecodeException(0, "unsupported link type " + linkType);
    }
  }

  private static Frame decodeEthertype(int type, byte[] b, int off) throws DecodeException, Malformed {
    if (type == ETHERTYPE_IPV4) {
      return decodeIp(4, b, off);
    }
    if (type == ETHERTYPE_IPV6) {
      return decodeIp(6, b, off);
    }
    return Frame.notTcp(null);
  }

  private static Frame decodeIp(int version, byte[] b, int off) throws DecodeException, Malformed {
    IpHeader ip;
    if (version == 4) {
      ip = Ipv4.decode(b, off, b.length - off);
    } else if (version == 6) {
      ip = Ipv6.decode(b, off, b.length - off);
    } else {
      throw new DecodeException(off, "IP version " + version + ", need 4 or 6");
    }
    if (ip.protocol() != Offsets.PROTO_TCP) {
      return Frame.notTcp(ip);
    }
    if (ip.fragment()) {
      return new Frame(Frame.Kind.FRAGMENT, ip, null, 0, Frame.ChecksumStatus.NONE, 0, null);
    }
    if (!ip.complete() && ip.capturedLength() >= Offsets.TCP_MIN_HEADER) {
      // The snap length cut the options: the data offset agrees with the IP length, the capture is short.
      int hlen = ((b[ip.payloadOffset() + Offsets.TCP_DATA_OFFSET] & 0xFF) >>> 4) * 4;
      if (hlen > ip.capturedLength() && hlen <= ip.payloadLength()) {
        throw new Malformed(ip, new DecodeException(ip.payloadOffset(), "truncated TCP header: " + ip.capturedLength() + " bytes, need " + hlen));
      }
    }
    Segment s;
    try {
      s = SegmentCodec.decode(b, ip.payloadOffset(), ip.capturedLength());
    } catch (DecodeException e) {
      throw new Malformed(ip, e);
    }
    int tcpLength = ip.payloadLength() - s.headerLength();
    if (tcpLength < 0) {
      throw new Malformed(ip, new DecodeException(ip.payloadOffset() + Offsets.TCP_DATA_OFFSET,
          "TCP header length " + s.headerLength() + " exceeds the IP payload length " + ip.payloadLength()));
    }
    if (!ip.complete()) {
      return new Frame(Frame.Kind.TCP, ip, s, tcpLength, Frame.ChecksumStatus.UNVERIFIED, 0, null);
    }
    boolean ok = Checksum.verifyTcp(ip.src(), ip.finalDst(), b, ip.payloadOffset(), ip.payloadLength());
    int expected = ok ? s.checksum() : Checksum.computeTcp(ip.src(), ip.finalDst(), b, ip.payloadOffset(), ip.payloadLength());
    return new Frame(Frame.Kind.TCP, ip, s, tcpLength, ok ? Frame.ChecksumStatus.GOOD : Frame.ChecksumStatus.BAD, expected, null);
  }

  private static void need(byte[] b, int off, int n, String what) throws DecodeException {
    if (b.length - off < n) {
      throw new DecodeException(off, "truncated " + what + ": " + (b.length - off) + " bytes, need " + n);
    }
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static int i32(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }

  /** Carries the IP header along with a TCP-level error, so the report can still name the hosts. */
  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final transient IpHeader ip;
    final DecodeException cause;

    Malformed(IpHeader ip, DecodeException cause) {
      super(null, null, false, false);
      this.ip = ip;
      this.cause = cause;
    }
  }
}
