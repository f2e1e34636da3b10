package io.tcpfsm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decode's and trace's output: lines are formatted straight into a byte buffer (every character is
 * ASCII), which goes to an {@link OutputStream} when full; no String, char or encoder per line.
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

  void put(byte[] s, int len) {
    System.arraycopy(s, 0, b, n, len);
    n += len;
  }

  void put(byte[] s) {
    System.arraycopy(s, 0, b, n, s.length);
    n += s.length;
  }

  private static final int[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

  /**
   * The 8 ASCII digits of {@code v} (below 10^8, zero-padded), the first in the lowest byte: all
   * digits at once in the lanes of a long (4 + 4, then 2 + 2 per half, then 1 + 1), no loop and
   * no branch, as the digit counts of sequence numbers vary from line to line.
   */
  static long digits8(int v) {
    long x = (v / 10_000) | ((long) (v % 10_000) << 32);
    long q = ((x * 5243) >>> 19) & 0x0000_01FF_0000_01FFL; // x / 100 per 32-bit lane (exact below 43,699)
    long y = q | ((x - q * 100) << 16);
    long q2 = ((y * 103) >>> 10) & 0x000F_000F_000F_000FL; // y / 10 per 16-bit lane (exact below 179)
    return (q2 | ((y - q2 * 10) << 8)) + 0x3030_3030_3030_3030L;
  }

  /** Stores the 8 bytes of {@code d}, lowest first, at {@link #n}; the caller then advances n by those it meant. */
  private void put8(long d) {
    byte[] a = b;
    int i = n;
    a[i] = (byte) d;
    a[i + 1] = (byte) (d >>> 8);
    a[i + 2] = (byte) (d >>> 16);
    a[i + 3] = (byte) (d >>> 24);
    a[i + 4] = (byte) (d >>> 32);
    a[i + 5] = (byte) (d >>> 40);
    a[i + 6] = (byte) (d >>> 48);
    a[i + 7] = (byte) (d >>> 56);
  }

  /** Puts a non-negative number in decimal. */
  void dec(long v) {
    if (v < 100_000_000L) {
      dec((int) v);
    } else {
      dec(v / 100_000_000L);
      dec((int) (v % 100_000_000L), 8);
    }
  }

  /** Puts a non-negative int in decimal. */
  void dec(int v) {
    if (v >= 100_000_000) {
      dec(v / 100_000_000);
      v %= 100_000_000;
      put8(digits8(v));
      n += 8;
      return;
    }
    // Digits: floor(log10(2) * bits) or one more (1233 / 4096 ~ log10(2)).
    int x = v | 1;
    int t = ((32 - Integer.numberOfLeadingZeros(x)) * 1233) >>> 12;
    int w = t + (x >= POW10[t] ? 1 : 0);
    put8(digits8(v) >>> ((8 - w) << 3));
    n += w;
  }

  /** Puts a non-negative number in exactly {@code width} digits (at most 9), zero-padded (it must fit). */
  void dec(int v, int width) {
    if (width > 8) {
      b[n++] = (byte) ('0' + v / 100_000_000);
      v %= 100_000_000;
      width = 8;
    }
    put8(digits8(v) >>> ((8 - width) << 3));
    n += width;
  }

  /** Puts bytes already encoded, of any length. */
  void write(byte[] s) {
    if (b.length - n < s.length) {
      flushBuffer();
      if (s.length > b.length) {
        b = new byte[s.length]; // a line longer than the buffer: it grows to hold it
      }
    }
    put(s);
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
