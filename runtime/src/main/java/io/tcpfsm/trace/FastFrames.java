package io.tcpfsm.trace;

import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.RecordView;
import io.tcpfsm.wire.Checksum;
import io.tcpfsm.wire.DecodeException;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOptions;

/**
 * The common frame of a capture, read straight from the reader's buffer into what the checker
 * keeps ({@link TcpFrame}): Ethernet II, Linux cooked or raw IP, then IPv4 without options, not a fragment, all of it captured,
 * TCP. No packet copy, no {@code Frame}, {@code Segment} or options list (options are read only
 * for a SYN's window scale and to make sure a segment's are well formed, which
 * {@code FrameDecoder} would refuse otherwise). Any other frame is declined (null) and goes the
 * general way; {@code FastFramesTest} checks the two agree on every frame both read.
 */
final class FastFrames {
  private FastFrames() {}

  /** The frame's TCP part as {@link TcpFrame#of} would make it from the decoded frame, or null to decline. */
  static TcpFrame of(RecordView r, long frameNumber) {
    byte[] b = r.buffer();
    int start = r.start();
    int len = r.length();
    int link = linkHeader(r.linkType(), b, start, len);
    if (link < 0 || len - link < 40 || b[start + link] != 0x45) {
      return null;
    }
    int ip = start + link;
    len -= link;
    int total = u16(b, ip + 2);
    // RFC 791 3.1: not a fragment (MF, fragment offset), TCP, all of it captured.
    if ((u16(b, ip + 6) & 0x3FFF) != 0 || (b[ip + 9] & 0xFF) != 6 || total < 40 || total > len) {
      return null;
    }
    int t = ip + 20;
    int tcpLen = total - 20;
    int word3 = u16(b, t + 12);
    int hlen = (word3 >>> 12) * 4;
    if (hlen < 20 || hlen > tcpLen) {
      return null;
    }
    int flags = word3 & 0xFFF; // as SegmentCodec: the control bits and the three reserved ones
    int wscale = -1;
    if (hlen > 20) {
      try {
        wscale = TcpOptions.windowScale(b, t + 20, t + hlen);
      } catch (DecodeException e) {
        return null; // malformed: the general decoder reports it
      }
      if ((flags & Segment.SYN) == 0) {
        wscale = -1; // RFC 7323 2.2: the option counts on a SYN only
      }
    }
    boolean ipOk = Checksum.fold(Checksum.sum(b, ip, 20, 0)) == 0xFFFF;
    // RFC 9293 3.1: the pseudo-header (addresses, protocol, TCP length), then the segment.
    long acc = Checksum.sum(b, ip + 12, 8, 0) + 6 + tcpLen;
    boolean tcpOk = Checksum.fold(Checksum.sum(b, t, tcpLen, acc)) == 0xFFFF;
    TraceSegment s = new TraceSegment(frameNumber, true, flags, i32(b, t + 4) & 0xFFFF_FFFFL, i32(b, t + 8) & 0xFFFF_FFFFL,
        u16(b, t + 14), wscale, tcpLen - hlen, !tcpOk || !ipOk);
    return new TcpFrame(i32(b, ip + 12), null, u16(b, t), i32(b, ip + 16), null, u16(b, t + 2), ipOk, s, r.epochSecond() * 1_000_000_000L + r.nanos());
  }

  /** The length of the link header before an IPv4 packet, or -1 (another protocol, or a link type left to the general decoder). */
  private static int linkHeader(int linkType, byte[] b, int start, int len) {
    return switch (linkType) {
      case LinkType.ETHERNET -> len >= 14 && u16(b, start + 12) == 0x0800 ? 14 : -1; // no 802.1Q tag
      case LinkType.LINUX_SLL -> len >= 16 && u16(b, start + 14) == 0x0800 ? 16 : -1;
      case LinkType.RAW, LinkType.RAW_12, LinkType.RAW_14, LinkType.IPV4 -> 0;
      default -> -1;
    };
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static int i32(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }
}
