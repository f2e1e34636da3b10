package io.tcpfsm.capture;

import java.io.IOException;
import java.util.List;

/**
 * Reads the classic libpcap format (tcpdump.org/manpages/pcap-savefile.5; draft-ietf-opsawg-pcap):
 * a 24-byte file header, then records of a 16-byte header and the captured bytes. The magic
 * number gives the byte order and the timestamp unit (microseconds 0xa1b2c3d4, nanoseconds
 * 0xa1b23c4d); 0xa1b2cd34 is Alexey Kuznetsov's variant with 8 more bytes per record header.
 */
final class PcapReader implements CaptureReader {
  static final int MAGIC_MICRO = 0xA1B2C3D4;
  static final int MAGIC_NANO = 0xA1B23C4D;
  static final int MAGIC_KUZNETSOV = 0xA1B2CD34;
  private static final int FILE_HEADER = 24;
  private static final int RECORD_HEADER = 16;

  private final ByteInput in;
  private final boolean littleEndian;
  private final boolean nano;
  private final int recordHeader;
  private final int snapLength;
  private final int linkType;
  private final Problems problems = new Problems();

  static boolean isMagic(byte[] m) {
    int be = Bytes.i32(m, 0, false);
    int le = Bytes.i32(m, 0, true);
    return isKnown(be) || isKnown(le);
  }

  private static boolean isKnown(int magic) {
    return magic == MAGIC_MICRO || magic == MAGIC_NANO || magic == MAGIC_KUZNETSOV;
  }

  PcapReader(ByteInput in, byte[] magicBytes) throws CaptureException {
    this.in = in;
    int magic = Bytes.i32(magicBytes, 0, false);
    littleEndian = !isKnown(magic);
    if (littleEndian) {
      magic = Bytes.i32(magicBytes, 0, true);
    }
    nano = magic == MAGIC_NANO;
    recordHeader = magic == MAGIC_KUZNETSOV ? RECORD_HEADER + 8 : RECORD_HEADER;
    byte[] h = new byte[FILE_HEADER];
    System.arraycopy(magicBytes, 0, h, 0, 4);
    byte[] rest = new byte[FILE_HEADER - 4];
    in.readFully(rest, rest.length, "pcap file header");
    System.arraycopy(rest, 0, h, 4, rest.length);
    int major = Bytes.u16(h, 4, littleEndian);
    int minor = Bytes.u16(h, 6, littleEndian);
    // pcap-savefile(5): the current version is 2.4; readers reject other major versions.
    if (major != 2) {
      throw new CaptureException(4, "unsupported pcap version " + major + "." + minor + ", need 2.x");
    }
    snapLength = Bytes.i32(h, 16, littleEndian);
    // draft-ietf-opsawg-pcap §4: the upper bits of LinkType carry FCS information, the link type is the low 16.
    linkType = Bytes.i32(h, 20, littleEndian) & 0xFFFF;
    if (!LinkType.isSupported(linkType)) {
      throw new CaptureException(20, "unsupported link type " + linkType);
    }
  }

  /** The file's link type. */
  int linkType() {
    return linkType;
  }

  /** The file header's snap length. */
  int snapLength() {
    return snapLength;
  }

  @Override
  public Record next() throws CaptureException {
    RecordView v = new RecordView();
    return next(v) ? v.toRecord() : null;
  }

  @Override
  public boolean next(RecordView view) throws CaptureException {
    while (true) {
      long at = in.position();
      int got = in.fill(recordHeader);
      if (got == 0) {
        return false;
      }
      if (got < recordHeader) {
        in.consume(got);
        throw new CaptureException(at, "truncated record header: " + got + " bytes, need " + recordHeader);
      }
      byte[] b = in.buffer();
      int h = in.start();
      long sec = Integer.toUnsignedLong(Bytes.i32(b, h, littleEndian));
      long frac = Integer.toUnsignedLong(Bytes.i32(b, h + 4, littleEndian));
      long capLen = Integer.toUnsignedLong(Bytes.i32(b, h + 8, littleEndian));
      long origLen = Integer.toUnsignedLong(Bytes.i32(b, h + 12, littleEndian));
      in.consume(recordHeader);
      // A record longer than the bound cannot be trusted, and the next record's place depends on it: stop.
      if (capLen > Limits.MAX_PACKET) {
        throw new CaptureException(at + 8, "record length " + capLen + " exceeds the bound " + Limits.MAX_PACKET);
      }
      int n = (int) capLen;
      got = in.fill(n);
      if (got < n) {
        in.consume(got);
        throw new CaptureException(at + recordHeader, "truncated record data (record at offset " + at + "): " + got + " bytes, need " + n);
      }
      int start = in.start();
      in.consume(n);
      // These are bad records whose length is still plausible: skip them and go on.
      if (capLen > origLen) {
        problems.add(new CaptureException(at + 8, "captured length " + capLen + " > original length " + origLen + " (record skipped)"));
        continue;
      }
      if (frac >= (nano ? 1_000_000_000L : 1_000_000L)) {
        problems.add(new CaptureException(at + 4, "timestamp fraction " + frac + " out of range (record skipped)"));
        continue;
      }
      int nanos = (int) (nano ? frac : frac * 1000);
      view.set(at, at + recordHeader, 0, linkType, sec, nanos, (int) Math.min(origLen, Integer.MAX_VALUE), in.buffer(), start, n);
      return true;
    }
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
    return "pcap";
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
