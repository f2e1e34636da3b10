package io.tcpfsm.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pcapng (draft-ietf-opsawg-pcapng, "PCAP Now Generic"): a sequence of sections, each a
 * Section Header Block (SHB, which fixes the byte order) followed by Interface Description Blocks
 * (IDB, each with its own link type and timestamp resolution) and packet blocks (EPB, SPB and
 * the obsolete PB). Every other block (NRB, ISB, custom, unknown) is skipped by its length,
 * as §3.1 allows: "a reader ... MUST skip over any unknown block".
 */
final class PcapngReader implements CaptureReader {
  static final int SHB = 0x0A0D0D0A;
  private static final int IDB = 0x00000001;
  private static final int PB = 0x00000002;
  private static final int SPB = 0x00000003;
  private static final int EPB = 0x00000006;
  private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
  private static final int MIN_BLOCK = 12;
  private static final int MIN_SHB = 28;

  private final ByteInput in;
  private final Problems problems = new Problems();
  private final byte[] head = new byte[12];
  private boolean littleEndian;
  private List<Interface> interfaces = new ArrayList<>();
  private byte[] pendingMagic;

  static boolean isMagic(byte[] m) {
    return Bytes.i32(m, 0, false) == SHB;
  }

  PcapngReader(ByteInput in, byte[] magic) {
    this.in = in;
    this.pendingMagic = magic;
  }

  @Override
  public Record next() throws CaptureException {
    while (true) {
      long at = in.position() - (pendingMagic != null ? 4 : 0);
      int got;
      if (pendingMagic != null) {
        System.arraycopy(pendingMagic, 0, head, 0, 4);
        pendingMagic = null;
        got = 4 + readInto(head, 4, 4);
      } else {
        got = readInto(head, 0, 8);
        if (got == 0) {
          return null;
        }
      }
      if (got < 8) {
        throw new CaptureException(at, "truncated block header: " + got + " bytes, need 8");
      }
      int type = Bytes.i32(head, 0, littleEndian);
      if (Bytes.i32(head, 0, false) == SHB) {
        readSectionHeader(at);
        continue;
      }
      long length = Bytes.u32(head, 4, littleEndian);
      checkLength(at, length, MIN_BLOCK);
      byte[] body = new byte[(int) length - 12];
      in.readFully(body, body.length, "block body (block at offset " + at + ")");
      readTrailer(at, length);
      Record r = switch (type) {
        case IDB -> {
          readInterface(at, body);
          yield null;
        }
        case EPB -> enhancedPacket(at, body);
        case SPB -> simplePacket(at, body);
        case PB -> obsoletePacket(at, body);
        default -> null; // NRB, ISB, DSB, custom and unknown blocks: skipped by their length
      };
      if (r != null) {
        return r;
      }
    }
  }

  private int readInto(byte[] b, int off, int n) throws CaptureException {
    byte[] tmp = off == 0 ? b : new byte[n];
    int got = in.readUpTo(tmp, n);
    if (off != 0) {
      System.arraycopy(tmp, 0, b, off, got);
    }
    return got;
  }

  private void checkLength(long at, long length, int min) throws CaptureException {
    // §3.1: "Block Total Length: total size of this block ... a multiple of 4".
    if (length < min) {
      throw new CaptureException(at + 4, "block length " + length + " < minimum " + min);
    }
    if (length % 4 != 0) {
      throw new CaptureException(at + 4, "block length " + length + " is not a multiple of 4");
    }
    if (length > Limits.MAX_BLOCK) {
      throw new CaptureException(at + 4, "block length " + length + " exceeds the bound " + Limits.MAX_BLOCK);
    }
  }

  private void readTrailer(long at, long length) throws CaptureException {
    long trailerAt = in.position();
    in.readFully(head, 4, "block trailer (block at offset " + at + ")");
    long again = Bytes.u32(head, 0, littleEndian);
    // §3.1: the length is repeated at the end "to allow backward navigation"; a mismatch means
    // the framing cannot be trusted.
    if (again != length) {
      throw new CaptureException(trailerAt, "block trailer length " + again + " differs from header length " + length);
    }
  }

  /** §4.1: BOM, version 1.x, section length, options. A new section forgets the previous interfaces. */
  private void readSectionHeader(long at) throws CaptureException {
    byte[] bom = new byte[4];
    in.readFully(bom, 4, "section header byte-order magic");
    if (Bytes.i32(bom, 0, false) == BYTE_ORDER_MAGIC) {
      littleEndian = false;
    } else if (Bytes.i32(bom, 0, true) == BYTE_ORDER_MAGIC) {
      littleEndian = true;
    } else {
      throw new CaptureException(at + 8, String.format("bad byte-order magic 0x%02x%02x%02x%02x in section header", bom[0], bom[1], bom[2], bom[3]));
    }
    long length = Bytes.u32(head, 4, littleEndian);
    checkLength(at, length, MIN_SHB);
    byte[] body = new byte[(int) length - 16];
    in.readFully(body, body.length, "section header (block at offset " + at + ")");
    int major = Bytes.u16(body, 0, littleEndian);
    if (major != 1) {
      throw new CaptureException(at + 12, "unsupported pcapng version " + major + "." + Bytes.u16(body, 2, littleEndian) + ", need 1.x");
    }
    readTrailer(at, length);
    interfaces = new ArrayList<>();
  }

  /** §4.2: link type, snap length, options; if_tsresol (9) and if_tsoffset (14) matter here. */
  private void readInterface(long at, byte[] body) throws CaptureException {
    if (interfaces.size() >= 65_536) {
      throw new CaptureException(at, "more than 65536 interfaces in one section");
    }
    if (body.length < 8) {
      interfaces.add(Interface.broken("interface description too short: " + body.length + " bytes, need 8"));
      problems.add(new CaptureException(at + 8, "interface description too short: " + body.length + " bytes, need 8"));
      return;
    }
    int linkType = Bytes.u16(body, 0, littleEndian);
    long snap = Bytes.u32(body, 4, littleEndian);
    int tsresol = 6;
    long tsoffset = 0;
    for (int p = 8; p + 4 <= body.length; ) {
      int code = Bytes.u16(body, p, littleEndian);
      int len = Bytes.u16(body, p + 2, littleEndian);
      if (code == 0 || p + 4 + len > body.length) {
        break; // opt_endofopt, or an option running past the block: ignore the rest (§3.5)
      }
      if (code == 9 && len >= 1) {
        tsresol = body[p + 4] & 0xFF;
      } else if (code == 14 && len >= 8) {
        tsoffset = Bytes.i64(body, p + 4, littleEndian); // seconds, signed (§4.2)
      }
      p += 4 + ((len + 3) & ~3);
    }
    String problem = null;
    if (!LinkType.isSupported(linkType)) {
      problem = "unsupported link type " + linkType + " on interface " + interfaces.size();
    } else if ((tsresol & 0x80) == 0 ? tsresol > 18 : (tsresol & 0x7F) > 62) {
      problem = "unsupported timestamp resolution 0x" + Integer.toHexString(tsresol) + " on interface " + interfaces.size();
    }
    interfaces.add(new Interface(linkType, snap, tsresol, tsoffset, problem));
  }

  /** §4.3: interface id, 64-bit timestamp, captured and original lengths, data, options. */
  private Record enhancedPacket(long at, byte[] body) {
    return timedPacket(at, body, "enhanced packet block", false);
  }

  /** §4.4: original length and data, on interface 0; captured length is the least of block, snap and original. */
  private Record simplePacket(long at, byte[] body) {
    if (body.length < 4) {
      return skip(at + 8, "simple packet block too short: " + body.length + " bytes, need 4");
    }
    long origLen = Bytes.u32(body, 0, littleEndian);
    long capLen = Math.min(origLen, body.length - 4);
    if (!interfaces.isEmpty() && interfaces.get(0).snapLength > 0) {
      capLen = Math.min(capLen, interfaces.get(0).snapLength);
    }
    return packet(at, at + 12, 0, Long.MIN_VALUE, body, 4, (int) capLen, origLen);
  }

  /** Appendix: the obsolete Packet Block, 16-bit interface id and drops count, then as EPB. */
  private Record obsoletePacket(long at, byte[] body) {
    return timedPacket(at, body, "packet block", true);
  }

  /** The layout EPB and the obsolete PB share: only the interface id's width differs. */
  private Record timedPacket(long at, byte[] body, String block, boolean shortInterfaceId) {
    if (body.length < 20) {
      return skip(at + 8, block + " too short: " + body.length + " bytes, need 20");
    }
    long ifId = shortInterfaceId ? Bytes.u16(body, 0, littleEndian) : Bytes.u32(body, 0, littleEndian);
    long ts = (Bytes.u32(body, 4, littleEndian) << 32) | Bytes.u32(body, 8, littleEndian);
    long capLen = Bytes.u32(body, 12, littleEndian);
    long origLen = Bytes.u32(body, 16, littleEndian);
    if (capLen > body.length - 20) {
      return skip(at + 20, "captured length " + capLen + " exceeds the block's " + (body.length - 20) + " data bytes");
    }
    return packet(at, at + 28, ifId, ts, body, 20, (int) capLen, origLen);
  }

  private Record packet(long at, long dataAt, long ifId, long ts, byte[] body, int off, int capLen, long origLen) {
    if (ifId >= interfaces.size()) {
      return skip(at + 8, "packet on interface " + ifId + ", but the section describes " + interfaces.size());
    }
    Interface itf = interfaces.get((int) ifId);
    if (itf.problem != null) {
      return skip(at + 8, itf.problem);
    }
    if (capLen > origLen) {
      return skip(at + 8, "captured length " + capLen + " > original length " + origLen);
    }
    byte[] data = new byte[capLen];
    System.arraycopy(body, off, data, 0, capLen);
    long sec = 0;
    int nanos = 0;
    if (ts != Long.MIN_VALUE) { // SPBs carry no timestamp (§4.4)
      long[] t = itf.toSecondsNanos(ts);
      if (t == null) {
        return skip(at + 8, "timestamp 0x" + Long.toHexString(ts) + " plus if_tsoffset " + itf.tsoffset + " s on interface " + ifId
            + " is past the range of a 64-bit count of seconds");
      }
      sec = t[0];
      nanos = (int) t[1];
    }
    return new Record(at, dataAt, (int) ifId, itf.linkType, sec, nanos, (int) Math.min(origLen, Integer.MAX_VALUE), data);
  }

  private Record skip(long at, String reason) {
    problems.add(new CaptureException(at, reason + " (block skipped)"));
    return null;
  }

  @Override
  public long skipped() {
    return problems.count();
  }

  @Override
  public List<CaptureException> skipProblems() {
    return problems.kept();
  }

  @Override
  public String format() {
    return "pcapng";
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** One IDB's facts; {@code problem} non-null when its packets cannot be decoded. */
  private record Interface(int linkType, long snapLength, int tsresol, long tsoffset, String problem) {
    static Interface broken(String problem) {
      return new Interface(-1, 0, 6, 0, problem);
    }

    /**
     * §4.2 if_tsresol: "If the Most Significant Bit is equal to zero, the remaining bits indicates
     * the resolution of the timestamp as a negative power of 10 ... If the Most Significant Bit is
     * equal to one, ... a negative power of 2". The timestamp is an unsigned 64-bit count of units.
     *
     * @return seconds (with if_tsoffset added) and nanoseconds, or null when the seconds do not fit
     *     a long
     */
    long[] toSecondsNanos(long ts) {
      long sec;
      long nanos;
      if ((tsresol & 0x80) == 0) {
        long units = pow10(tsresol);
        sec = Long.divideUnsigned(ts, units);
        long frac = Long.remainderUnsigned(ts, units);
        nanos = tsresol <= 9 ? frac * pow10(9 - tsresol) : frac / pow10(tsresol - 9);
      } else {
        int k = tsresol & 0x7F;
        sec = k == 0 ? ts : ts >>> k;
        long frac = k == 0 ? 0 : ts & ((1L << k) - 1);
        nanos = k == 0 ? 0 : java.math.BigInteger.valueOf(frac).multiply(java.math.BigInteger.valueOf(1_000_000_000L)).shiftRight(k).longValue();
      }
      // Seconds past 2^63 - 1 (a resolution of 1 s or 2^0 s) or an offset that carries the sum
      // past a long would wrap silently: the caller skips the packet and names the offset.
      if (sec < 0 || (tsoffset > 0 && sec > Long.MAX_VALUE - tsoffset)) {
        return null;
      }
      return new long[] {sec + tsoffset, nanos};
    }

    private static long pow10(int n) {
      long v = 1;
      for (int i = 0; i < n; i++) {
        v *= 10;
      }
      return v;
    }
  }
}
