package io.tcpfsm.capture;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that knows its offset and turns I/O failures into {@link CaptureException}s.
 * It keeps its own buffer, so a reader can look at a record's bytes where they lie ({@link #fill},
 * {@link #buffer}, {@link #start}, {@link #consume}) instead of copying each into a new array.
 */
final class ByteInput {
  /**
   * Four times the 64 KB of the {@code BufferedInputStream} callers wrap the file in: a read here then
   * asks for more than that buffer holds, which it hands straight to the file (one copy of every byte
   * fewer).
   */
  private static final int CHUNK = 1 << 18;

  private final InputStream in;
  private long position;
  private byte[] buf = new byte[CHUNK];
  /** Unread bytes are buf[pos, lim). */
  private int pos;
  private int lim;

  ByteInput(InputStream in) {
    this.in = in;
  }

  long position() {
    return position;
  }

  /**
   * Makes up to {@code n} unread bytes lie together in {@link #buffer} from {@link #start}, reading
   * as needed; returns how many do (fewer than {@code n} only at the end of the file). Consumes nothing.
   */
  int fill(int n) throws CaptureException {
    if (lim - pos >= n) {
      return n;
    }
    if (buf.length - pos < n) {
      byte[] to = n > buf.length ? new byte[Math.max(n, buf.length)] : buf;
      System.arraycopy(buf, pos, to, 0, lim - pos);
      lim -= pos;
      pos = 0;
      buf = to;
    }
    try {
      while (lim - pos < n) {
        int got = in.read(buf, lim, buf.length - lim);
        if (got < 0) {
          break;
        }
        lim += got;
      }
    } catch (IOException e) {
      throw new CaptureException(position, "read error: " + e.getMessage());
    }
    return Math.min(n, lim - pos);
  }

  /** The buffer {@link #fill} filled; valid until the next call that reads. */
  byte[] buffer() {
    return buf;
  }

  /** Where the unread bytes start in {@link #buffer}. */
  int start() {
    return pos;
  }

  /** Marks {@code n} filled bytes as read. */
  void consume(int n) {
    pos += n;
    position += n;
  }

  /** Reads up to {@code n} bytes; fewer only at the end of the file. */
  int readUpTo(byte[] dst, int n) throws CaptureException {
    int done = 0;
    while (done < n) {
      int want = Math.min(n - done, CHUNK);
      int got = fill(want);
      System.arraycopy(buf, pos, dst, done, got);
      consume(got);
      done += got;
      if (got < want) {
        break;
      }
    }
    return done;
  }

  /** Reads exactly {@code n} bytes, or fails naming what was being read. */
  void readFully(byte[] dst, int n, String what) throws CaptureException {
    long at = position;
    int got = readUpTo(dst, n);
    if (got < n) {
      throw new CaptureException(at, "truncated " + what + ": " + got + " bytes, need " + n);
    }
  }

  /** Skips exactly {@code n} bytes, or fails naming what was being skipped. */
  void skipFully(long n, String what) throws CaptureException {
    long at = position;
    long left = n;
    int buffered = (int) Math.min(left, lim - pos);
    consume(buffered);
    left -= buffered;
    try {
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
