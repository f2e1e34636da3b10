package io.tcpfsm.wire;

import static io.tcpfsm.wire.Offsets.*;
import static io.tcpfsm.wire.TcpOptions.i32;
import static io.tcpfsm.wire.TcpOptions.putI32;
import static io.tcpfsm.wire.TcpOptions.putU16;
import static io.tcpfsm.wire.TcpOptions.u16;

import java.nio.ByteBuffer;

/**
 * Converts between TCP header bytes (RFC 9293 §3.1, Figure 1) and {@link Segment}. Lengths are
 * checked once on entry, as smoltcp's {@code check_len}, so no read below can go out of bounds.
 */
public final class SegmentCodec {
  private SegmentCodec() {}

  /**
   * Decodes the {@code len} bytes at {@code off} as one segment, the payload being everything
   * after the header. The payload is a view of {@code data}, not a copy. Error offsets are indexes
   * into {@code data}.
   */
  public static Segment decode(byte[] data, int off, int len) throws DecodeException {
    if (len < TCP_MIN_HEADER) {
      throw DecodeException.truncated("TCP header", off, len, TCP_MIN_HEADER);
    }
    int word3 = u16(data, off + TCP_DATA_OFFSET);
    int dataOffset = word3 >>> 12;
    int hlen = dataOffset * 4;
    // RFC 9293 §3.1: "Data Offset (DOffset): 4 bits. The number of 32-bit words in the TCP header."
    // A header is at least 5 words.
    if (dataOffset < 5) {
      throw new DecodeException(off + TCP_DATA_OFFSET, "TCP data offset " + dataOffset + " < 5");
    }
    if (hlen > len) {
      throw new DecodeException(
          off + TCP_DATA_OFFSET, "TCP data offset " + dataOffset + " (" + hlen + " bytes) points past the segment end: " + len + " bytes");
    }
    return new Segment(
        u16(data, off + TCP_SRC_PORT),
        u16(data, off + TCP_DST_PORT),
        i32(data, off + TCP_SEQ),
        i32(data, off + TCP_ACK),
        dataOffset,
        word3 & 0xFFF,
        u16(data, off + TCP_WINDOW),
        u16(data, off + TCP_CHECKSUM),
        u16(data, off + TCP_URGENT),
        TcpOptions.parse(data, off + TCP_OPTIONS, off + hlen),
        ByteBuffer.wrap(data, off + hlen, len - hlen).slice().asReadOnlyBuffer());
  }

  /** Decodes a whole array. */
  public static Segment decode(byte[] data) throws DecodeException {
    return decode(data, 0, data.length);
  }

  /** Bytes {@link #encode} writes: header with padded options, then payload. */
  public static int encodedLength(Segment s) {
    return s.headerLength() + s.length();
  }

  /** The segment's bytes with its checksum field as it stands. */
  public static byte[] encode(Segment s) {
    byte[] out = new byte[encodedLength(s)];
    encodeInto(s, out, 0);
    return out;
  }

  /**
   * The segment's bytes with the checksum computed over the pseudo-header of {@code src} and
   * {@code dst} (4-byte IPv4 or 16-byte IPv6 addresses; RFC 9293 §3.1, RFC 8200 §8.1).
   */
  public static byte[] encode(Segment s, byte[] src, byte[] dst) {
    byte[] out = new byte[encodedLength(s)];
    encodeInto(s, src, dst, out, 0);
    return out;
  }

  /**
   * Writes the segment at {@code off} in {@code out} (room for {@link #encodedLength} bytes) with
   * the checksum of {@link #encode(Segment, byte[], byte[])}; returns the bytes written. A stack
   * encodes straight after its IP header this way, with no copy of the segment.
   */
  public static int encodeInto(Segment s, byte[] src, byte[] dst, byte[] out, int off) {
    int len = encodeInto(s, out, off);
    putU16(out, off + TCP_CHECKSUM, Checksum.computeTcp(src, dst, out, off, len));
    return len;
  }

  /** Writes the segment at {@code off} in {@code out}; returns the bytes written. */
  public static int encodeInto(Segment s, byte[] out, int off) {
    putU16(out, off + TCP_SRC_PORT, s.srcPort());
    putU16(out, off + TCP_DST_PORT, s.dstPort());
    putI32(out, off + TCP_SEQ, s.seq());
    putI32(out, off + TCP_ACK, s.ack());
    putU16(out, off + TCP_DATA_OFFSET, (s.dataOffset() << 12) | s.flags());
    putU16(out, off + TCP_WINDOW, s.window());
    putU16(out, off + TCP_CHECKSUM, s.checksum());
    putU16(out, off + TCP_URGENT, s.urgentPointer());
    int end = TcpOptions.write(s.options(), out, off + TCP_OPTIONS);
    int hend = off + s.headerLength();
    // RFC 9293 §3.1: "The TCP header padding is used to ensure that the TCP header ends ... on a
    // 32-bit boundary. The padding is composed of zeros."
    java.util.Arrays.fill(out, end, hend, (byte) 0);
    s.payload().get(out, hend, s.length());
    return s.headerLength() + s.length();
  }
}
