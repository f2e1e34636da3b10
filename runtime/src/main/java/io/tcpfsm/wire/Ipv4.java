package io.tcpfsm.wire;

import static io.tcpfsm.wire.Offsets.*;
import static io.tcpfsm.wire.TcpOptions.putU16;
import static io.tcpfsm.wire.TcpOptions.u16;

/** IPv4 framing, as much as TCP needs (RFC 791 §3.1). Fragments are recognised, not reassembled. */
public final class Ipv4 {
  private Ipv4() {}

  private static final int MORE_FRAGMENTS = 0x2000;
  private static final int DONT_FRAGMENT = 0x4000;
  private static final int FRAGMENT_OFFSET = 0x1FFF;

  /**
   * Reads the header at {@code off}, where {@code len} bytes were captured. Trailing bytes past
   * the total length (Ethernet padding) are not part of the payload. Error offsets index {@code data}.
   */
  public static IpHeader decode(byte[] data, int off, int len) throws DecodeException {
    if (len < IPV4_MIN_HEADER) {
      throw DecodeException.truncated("IPv4 header", off, len, IPV4_MIN_HEADER);
    }
    int vihl = data[off + IPV4_VERSION_IHL] & 0xFF;
    if (vihl >>> 4 != 4) {
      throw new DecodeException(off, "IP version " + (vihl >>> 4) + " in an IPv4 header");
    }
    // RFC 791 §3.1: "Internet Header Length is the length of the internet header in 32 bit
    // words ... the minimum value for a correct header is 5."
    int hlen = (vihl & 0x0F) * 4;
    if (hlen < IPV4_MIN_HEADER) {
      throw new DecodeException(off, "IPv4 header length " + (vihl & 0x0F) + " words < 5");
    }
    if (hlen > len) {
      throw DecodeException.truncated("IPv4 header with options", off, len, hlen);
    }
    int total = u16(data, off + IPV4_TOTAL_LENGTH);
    if (total < hlen) {
      throw new DecodeException(off + IPV4_TOTAL_LENGTH, "IPv4 total length " + total + " < header length " + hlen);
    }
    int frag = u16(data, off + IPV4_FLAGS_FRAGMENT);
    boolean fragment = (frag & (MORE_FRAGMENTS | FRAGMENT_OFFSET)) != 0;
    boolean ok = Checksum.fold(Checksum.sum(data, off, hlen, 0)) == 0xFFFF;
    byte[] src = new byte[4];
    byte[] dst = new byte[4];
    System.arraycopy(data, off + IPV4_SRC, src, 0, 4);
    System.arraycopy(data, off + IPV4_DST, dst, 0, 4);
    return new IpHeader(
        4,
        src,
        dst,
        data[off + IPV4_PROTOCOL] & 0xFF,
        off + hlen,
        total - hlen,
        Math.min(len, total) - hlen,
        fragment,
        (frag & FRAGMENT_OFFSET) == 0,
        ok,
        dst); // IPv4 has no routing header: the pseudo-header uses the destination as is
  }

  /** Writes a 20-byte header with DF set and a correct checksum; returns its length. */
  public static int writeHeader(byte[] out, int off, byte[] src, byte[] dst, int protocol, int payloadLength, int id, int ttl) {
    out[off] = 0x45;
    out[off + 1] = 0;
    putU16(out, off + IPV4_TOTAL_LENGTH, IPV4_MIN_HEADER + payloadLength);
    putU16(out, off + IPV4_ID, id);
    putU16(out, off + IPV4_FLAGS_FRAGMENT, DONT_FRAGMENT);
    out[off + IPV4_TTL] = (byte) ttl;
    out[off + IPV4_PROTOCOL] = (byte) protocol;
    putU16(out, off + IPV4_CHECKSUM, 0);
    System.arraycopy(src, 0, out, off + IPV4_SRC, 4);
    System.arraycopy(dst, 0, out, off + IPV4_DST, 4);
    putU16(out, off + IPV4_CHECKSUM, Checksum.of(out, off, IPV4_MIN_HEADER));
    return IPV4_MIN_HEADER;
  }
}
