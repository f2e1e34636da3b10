package io.tcpfsm.capture;

import java.io.IOException;
import java.io.InputStream;

/** An input stream that knows its offset and turns I/O failures into {@link CaptureException}s. */
final class ByteInput {
  private final InputStream in;
  private long position;

  ByteInput(InputStream in) {
    this.in = in;
  }

  long position() {
    return position;
  }

  /** Reads up to {@code n} bytes; fewer only at the end of the file. */
  int readUpTo(byte[] buf, int n) throws CaptureException {
    try {
      int got = in.readNBytes(buf, 0, n);
      position += got;
      return got;
    } catch (IOException e) {
      throw new CaptureException(position, "read error: " + e.getMessage());
    }
  }

  /** Reads exactly {@code n} bytes, or fails naming what was being read. */
  void readFully(byte[] buf, int n, String what) throws CaptureException {
    long at = position;
    int got = readUpTo(buf, n);
    if (got < n) {
      throw new CaptureException(at, "truncated " + what + ": " + got + " bytes, need " + n);
    }
  }

  /** Skips exactly {@code n} bytes, or fails naming what was being skipped. */
  void skipFully(long n, String what) throws CaptureException {
    long at = position;
    try {
      long left = n;
      while (left > 0) {
        long s = in.skip(left);
        if (s <= 0) {
          if (in.read() < 0) {
            break;
          }
          s = 1;
        }
        left -= s;
        position += s;
      }
      if (left > 0) {
        throw new CaptureException(at, "truncated " + what + ": " + (n - left) + " bytes, need " + n);
      }
    } catch (IOException e) {
      throw new CaptureException(position, "read error: " + e.getMessage());
    }
  }

  void close() throws IOException {
    in.close();
  }
}
