package io.tcpfsm.capture;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads the records of a pcap or pcapng file one at a time, as a stream: memory stays within
 * {@link Limits#MAX_BLOCK} plus a read buffer whatever the file's size.
 *
 * <p>{@link #next} throws {@link CaptureException} when the file cannot be read on (truncated,
 * garbage lengths); records that are bad but whose framing can be trusted are skipped and counted.
 */
public interface CaptureReader extends Closeable {
  /** The next record, or null at the end of the file. */
  Record next() throws CaptureException;

  /**
   * Moves {@code view} to the next record without copying its bytes where the format allows (pcap);
   * false at the end of the file. Errors and skipped records as {@link #next()}.
   */
  default boolean next(RecordView view) throws CaptureException {
    Record r = next();
    if (r == null) {
      return false;
    }
    view.set(r);
    return true;
  }

  /** Records skipped so far as bad. */
  long skipped();

  /** Why records were skipped: the first {@link Limits#MAX_KEPT_PROBLEMS} of them. */
  List<CaptureException> skipProblems();

  /** "pcap" or "pcapng". */
  String format();

  /** Opens a capture, telling pcap from pcapng by the first four bytes. Does not close {@code in} on error. */
  static CaptureReader open(InputStream in) throws CaptureException {
    ByteInput input = new ByteInput(in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16));
    byte[] magic = new byte[4];
    int n = input.readUpTo(magic, 4);
    if (n < 4) {
      throw new CaptureException(0, n == 0 ? "empty file" : "truncated file: " + n + " bytes, need a 4-byte magic number");
    }
    if (PcapngReader.isMagic(magic)) {
      return new PcapngReader(input, magic);
    }
    if (PcapReader.isMagic(magic)) {
      return new PcapReader(input, magic);
    }
    throw new CaptureException(
        0, String.format("unknown magic number 0x%02x%02x%02x%02x: not a pcap or pcapng file", magic[0], magic[1], magic[2], magic[3]));
  }

  @Override
  void close() throws IOException;
}
