package io.tcpfsm.wire;

import static io.tcpfsm.wire.Offsets.*;
import static io.tcpfsm.wire.TcpOptions.putU16;
import static io.tcpfsm.wire.TcpOptions.u16;

/** IPv6 framing, as much as TCP needs (RFC 8200 §3, §4): extension headers are skipped to the upper layer. */
public final class Ipv6 {
  private Ipv6() {}

  // RFC 8200 §4.1 and the IANA list of extension headers that share the generic layout.
  private static final int HOP_BY_HOP = 0;
  private static final int ROUTING = 43;
  private static final int FRAGMENT = 44;
  private static final int AUTH = 51;
  private static final int DEST_OPTS = 60;
  private static final int MOBILITY = 135;
  private static final int HIP = 139;
  private static final int SHIM6 = 140;
  /** At most this many extension headers; RFC 8200 §4.1 expects a handful, so more is an attack or garbage. */
  private static final int MAX_EXTENSIONS = 16;

  /** Reads the header and any extension headers at {@code off}, where {@code len} bytes were captured. */
  public static IpHeader decode(byte[] data, int off, int len) throws DecodeException {
    if (len < IPV6_HEADER) {
      throw DecodeException.truncated("IPv6 header", off, len, IPV6_HEADER);
    }
    int version = (data[off] & 0xFF) >>> 4;
    if (version != 6) {
      throw new DecodeException(off, "IP version " + version + " in an IPv6 header");
    }
    int payloadLength = u16(data, off + IPV6_PAYLOAD_LENGTH);
    int declaredEnd = off + IPV6_HEADER + payloadLength;
    int capturedEnd = off + Math.min(len, IPV6_HEADER + payloadLength);
    int next = data[off + IPV6_NEXT_HEADER] & 0xFF;
    int p = off + IPV6_HEADER;
    boolean fragment = false;
    boolean first = true;
    int finalDst = off + IPV6_DST;
    for (int n = 0; isExtension(next); n++) {
      if (n == MAX_EXTENSIONS) {
        throw new DecodeException(p, "more than " + MAX_EXTENSIONS + " IPv6 extension headers");
      }
      int need = next == FRAGMENT ? 8 : 2;
      if (p + need > capturedEnd) {
        throw DecodeException.truncated("IPv6 extension header " + next, p, capturedEnd - p, need);
      }
      int extLen;
      if (next == FRAGMENT) {
        // RFC 8200 §4.5: 8 bytes; offset in the high 13 bits of bytes 2-3, M flag in bit 0.
        int fo = u16(data, p + 2);
        fragment = fragment || (fo & 0xFFF9) != 0;
        first = (fo & 0xFFF8) == 0;
        extLen = 8;
      } else if (next == AUTH) {
        extLen = ((data[p + 1] & 0xFF) + 2) * 4; // RFC 4302 §2.2: length in 4-octet units, minus 2
      } else {
        extLen = ((data[p + 1] & 0xFF) + 1) * 8; // RFC 8200 §4.1: in 8-octet units, not counting the first 8
      }
      if (p + extLen > capturedEnd) {
        throw DecodeException.truncated("IPv6 extension header " + next, p, capturedEnd - p, extLen);
      }
      if (next == ROUTING && (data[p + 3] & 0xFF) != 0) {
        finalDst = finalDestination(data, p, extLen, finalDst);
      }
      next = data[p] & 0xFF;
      p += extLen;
      if (!first) {
        // RFC 8200 §4.5: after the Fragment header of a non-first fragment come bytes from the
        // middle of the fragmentable part, not headers, even when its next header names one.
        break;
      }
    }
    byte[] src = new byte[16];
    byte[] dst = new byte[16];
    System.arraycopy(data, off + IPV6_SRC, src, 0, 16);
    System.arraycopy(data, off + IPV6_DST, dst, 0, 16);
    byte[] last = dst;
    if (finalDst != off + IPV6_DST) {
      last = new byte[16];
      System.arraycopy(data, finalDst, last, 0, 16);
    }
    return new IpHeader(6, src, dst, next, p, declaredEnd - p, capturedEnd - p, fragment, first, true, last);
  }

  /**
   * Where the final destination of a Routing header at {@code p} with segments left lies (RFC 8200
   * §8.1: "the Destination Address used in the pseudo-header is that of the final destination. At
   * the originating node, that address will be in the last element of the Routing header"), as
   * tcpdump's ip6_finddst reads it: the last address of type 0 (RFC 2460 §4.4) and type 2
   * (RFC 6275 §6.4), Segment List[0] of a Segment Routing header (type 4, RFC 8754 §2). Other
   * types keep {@code current}.
   */
  private static int finalDestination(byte[] data, int p, int extLen, int current) {
    int type = data[p + 2] & 0xFF;
    int addresses = (extLen - 8) / 16;
    if ((type == 0 || type == 2) && addresses > 0) {
      return p + 8 + 16 * (addresses - 1);
    }
    if (type == 4 && addresses > 0) {
      return p + 8;
    }
    return current;
  }

  private static boolean isExtension(int next) {
    return next == HOP_BY_HOP || next == ROUTING || next == FRAGMENT || next == AUTH || next == DEST_OPTS
        || next == MOBILITY || next == HIP || next == SHIM6;
  }

  /** Writes a 40-byte header; returns its length. */
  public static int writeHeader(byte[] out, int off, byte[] src, byte[] dst, int nextHeader, int payloadLength, int hopLimit) {
    out[off] = 0x60;
    out[off + 1] = 0;
    out[off + 2] = 0;
    out[off + 3] = 0;
    putU16(out, off + IPV6_PAYLOAD_LENGTH, payloadLength);
    out[off + IPV6_NEXT_HEADER] = (byte) nextHeader;
    out[off + IPV6_HOP_LIMIT] = (byte) hopLimit;
    System.arraycopy(src, 0, out, off + IPV6_SRC, 16);
    System.arraycopy(dst, 0, out, off + IPV6_DST, 16);
    return IPV6_HEADER;
  }
}
