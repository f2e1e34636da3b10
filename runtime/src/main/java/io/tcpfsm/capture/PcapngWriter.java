package io.tcpfsm.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;

/**
 * Writes pcapng (draft-ietf-opsawg-pcapng): a Section Header Block, Interface Description Blocks
 * as {@link #addInterface} is called (each with its link type and if_tsresol), and Enhanced
 * Packet Blocks.
 */
public final class PcapngWriter implements Closeable {
  private final OutputStream out;
  private final boolean le;
  private final java.util.List<Integer> resolutions = new java.util.ArrayList<>();

  /** Writes the section header in the given byte order. */
  public PcapngWriter(OutputStream out, ByteOrder order) throws IOException {
    this.out = out;
    this.le = order == ByteOrder.LITTLE_ENDIAN;
    startSection();
  }

  /**
   * Starts a new section (§4.1): interfaces described before are forgotten by readers, so
   * describe them again.
   */
  public void startSection() throws IOException {
    byte[] b = new byte[28];
    Bytes.putI32(b, 0, PcapngReader.SHB, le);
    Bytes.putI32(b, 4, 28, le);
    Bytes.putI32(b, 8, 0x1A2B3C4D, le);
    Bytes.putU16(b, 12, 1, le);
    Bytes.putU16(b, 14, 0, le);
    Bytes.putI32(b, 16, -1, le); // section length not specified (§4.1)
    Bytes.putI32(b, 20, -1, le);
    Bytes.putI32(b, 24, 28, le);
    out.write(b);
    resolutions.clear();
  }

  /**
   * Describes an interface; returns its id. {@code decimalDigits} is the timestamp resolution as a
   * power of ten (6 for microseconds, 9 for nanoseconds), written as if_tsresol (§4.2).
   */
  public int addInterface(int linkType, int snapLength, int decimalDigits) throws IOException {
    if (decimalDigits < 0 || decimalDigits > 9) {
      throw new IllegalArgumentException("decimalDigits out of range: " + decimalDigits);
    }
    byte[] b = new byte[32];
    Bytes.putI32(b, 0, 1, le);
    Bytes.putI32(b, 4, 32, le);
    Bytes.putU16(b, 8, linkType, le);
    Bytes.putI32(b, 12, snapLength, le);
    Bytes.putU16(b, 16, 9, le); // if_tsresol
    Bytes.putU16(b, 18, 1, le);
    b[20] = (byte) decimalDigits;
    // 3 bytes of padding, then opt_endofopt (code 0, length 0)
    Bytes.putI32(b, 28, 32, le);
    out.write(b);
    resolutions.add(decimalDigits);
    return resolutions.size() - 1;
  }

  /** Writes an Enhanced Packet Block (§4.3) on interface {@code ifId}. */
  public void write(int ifId, long epochSecond, int nanos, byte[] packet, int originalLength) throws IOException {
    int digits = resolutions.get(ifId);
    long unitsPerSecond = 1;
    for (int i = 0; i < digits; i++) {
      unitsPerSecond *= 10;
    }
    long ts = epochSecond * unitsPerSecond + nanos / (1_000_000_000L / unitsPerSecond);
    int padded = (packet.length + 3) & ~3;
    int total = 32 + padded;
    byte[] h = new byte[28];
    Bytes.putI32(h, 0, 6, le);
    Bytes.putI32(h, 4, total, le);
    Bytes.putI32(h, 8, ifId, le);
    Bytes.putI32(h, 12, (int) (ts >>> 32), le);
    Bytes.putI32(h, 16, (int) ts, le);
    Bytes.putI32(h, 20, packet.length, le);
    Bytes.putI32(h, 24, originalLength, le);
    out.write(h);
    out.write(packet);
    out.write(new byte[padded - packet.length]);
    byte[] t = new byte[4];
    Bytes.putI32(t, 0, total, le);
    out.write(t);
  }

  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
