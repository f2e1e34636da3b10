package io.tcpfsm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decode's output: lines are formatted straight into a byte buffer (every character is ASCII),
 * which goes to an {@link OutputStream} when full; no String, char or encoder per line.
 */
final class AsciiOut {
  private static final int SIZE = 1 << 16;
  /** Room a caller may take after {@link #room} without checking: longer than any fast line. */
  static final int LINE = 1024;

  private final OutputStream out;
  byte[] b = new byte[SIZE];
  int n;
  private boolean failed;

  AsciiOut(OutputStream out) {
    this.out = out;
  }

  /** Makes room for at least {@link #LINE} bytes. */
  void room() {
    if (b.length - n < LINE) {
      flushBuffer();
    }
  }

  void put(byte c) {
    b[n++] = c;
  }

  void put(byte[] s) {
    System.arraycopy(s, 0, b, n, s.length);
    n += s.length;
  }

  /** Puts a non-negative number in decimal. */
  void dec(long v) {
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) {
      digits++;
    }
    int end = n + digits;
    for (int i = end - 1; i > n; i--) {
      long q = v / 10;
      b[i] = (byte) ('0' + (int) (v - q * 10));
      v = q;
    }
    b[n] = (byte) ('0' + (int) v);
    n = end;
  }

  /** Puts a non-negative number in exactly {@code width} digits, zero-padded (it must fit). */
  void dec(int v, int width) {
    for (int i = n + width - 1; i >= n; i--) {
      int q = v / 10;
      b[i] = (byte) ('0' + (v - q * 10));
      v = q;
    }
    n += width;
  }

  /** Puts any text, e.g. a line the general formatters made; non-ASCII (never expected) as UTF-8. */
  void put(CharSequence s) {
    int len = s.length();
    for (int i = 0; i < len; ) {
      if (b.length - n < 4) {
        flushBuffer();
      }
      char c = s.charAt(i);
      if (c < 0x80) {
        b[n++] = (byte) c;
        i++;
      } else {
        int j = i + 1;
        while (j < len && s.charAt(j) >= 0x80) {
          j++;
        }
        byte[] u = s.subSequence(i, j).toString().getBytes(StandardCharsets.UTF_8);
        for (byte x : u) {
          if (n == b.length) {
            flushBuffer();
          }
          b[n++] = x;
        }
        i = j;
      }
    }
  }

  /** As PrintWriter: a failed write (a closed pipe) is remembered, later output dropped, and decoding goes on. */
  private void flushBuffer() {
    if (!failed) {
      try {
        out.write(b, 0, n);
      } catch (IOException e) {
        failed = true;
      }
    }
    n = 0;
  }

  void flush() {
    flushBuffer();
    if (!failed) {
      try {
        out.flush();
      } catch (IOException e) {
        failed = true;
      }
    }
  }
}
