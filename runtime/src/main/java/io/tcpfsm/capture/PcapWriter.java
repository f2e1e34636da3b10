package io.tcpfsm.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;

/**
 * Writes the classic pcap format (pcap-savefile(5)): file header, then a 16-byte record header and
 * the bytes of each packet. Microsecond or nanosecond timestamps, either byte order.
 */
public final class PcapWriter implements Closeable {
  private final OutputStream out;
  private final boolean le;
  private final boolean nano;
  private final int snapLength;
  private final byte[] header = new byte[24];

  /**
   * Writes the file header. {@code snapLength} cuts longer packets, as tcpdump's -s does.
   */
  public PcapWriter(OutputStream out, int linkType, int snapLength, boolean nano, ByteOrder order) throws IOException {
    this.out = out;
    this.le = order == ByteOrder.LITTLE_ENDIAN;
    this.nano = nano;
    this.snapLength = snapLength;
    Bytes.putI32(header, 0, nano ? PcapReader.MAGIC_NANO : PcapReader.MAGIC_MICRO, le);
    Bytes.putU16(header, 4, 2, le);
    Bytes.putU16(header, 6, 4, le);
    Bytes.putI32(header, 8, 0, le);
    Bytes.putI32(header, 12, 0, le);
    Bytes.putI32(header, 16, snapLength, le);
    Bytes.putI32(header, 20, linkType, le);
    out.write(header, 0, 24);
  }

  /** A microsecond, little-endian writer with tcpdump's default snap length. */
  public PcapWriter(OutputStream out, int linkType) throws IOException {
    this(out, linkType, Limits.MAX_PACKET, false, ByteOrder.LITTLE_ENDIAN);
  }

  /** Writes one packet captured at {@code epochSecond + nanos}; its original length is its length. */
  public void write(long epochSecond, int nanos, byte[] packet) throws IOException {
    write(epochSecond, nanos, packet, 0, packet.length, packet.length);
  }

  /** Writes {@code len} bytes at {@code off} of a packet that had {@code originalLength} bytes on the wire. */
  public void write(long epochSecond, int nanos, byte[] packet, int off, int len, int originalLength) throws IOException {
    int cap = Math.min(len, snapLength);
    Bytes.putI32(header, 0, (int) epochSecond, le);
    Bytes.putI32(header, 4, nano ? nanos : nanos / 1000, le);
    Bytes.putI32(header, 8, cap, le);
    Bytes.putI32(header, 12, originalLength, le);
    out.write(header, 0, 16);
    out.write(packet, off, cap);
  }

  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
