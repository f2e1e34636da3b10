package io.tcpfsm.tcp;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Text accepted in sequence and not yet read by the application. Its free space is the receive
 * window the connection offers (RCV.WND); the window is not shrunk below what was offered
 * (RFC 9293 3.8.6.2.2 / RFC 1122 4.2.2.16) because space is only freed, never taken back.
 *
 * <p>The text is kept as the arrays it arrived in, not copied into a ring: a segment's text is
 * handed over whole and, when the reader takes all of it, handed on without a copy; an idle
 * connection holds no storage at all. Small pieces are joined (up to {@link #JOIN} bytes), so
 * a peer sending tiny segments cannot make the per-array overhead outgrow the text.
 */
final class ReceiveBuffer {
  /** Text shorter than this is joined to the last piece while that stays within this size. */
  static final int JOIN = 4096;

  private final int capacity;
  /** The pieces in order; null when empty. */
  private ArrayDeque<byte[]> pieces;
  /** Bytes of the first piece already read. */
  private int headOffset;
  private int size;

  ReceiveBuffer(int capacity) {
    this.capacity = capacity;
  }

  int size() {
    return size;
  }

  /** RCV.WND: the bytes that still fit. */
  int window() {
    return capacity - size;
  }

  int capacity() {
    return capacity;
  }

  /**
   * Appends {@code data[off, off+len)}; the caller trims to {@link #window()} first. When it is
   * the whole array the buffer keeps the array itself: the caller must not change it afterwards.
   */
  void append(byte[] data, int off, int len) {
    if (len > window()) {
      throw new IllegalStateException("text beyond the receive window: " + len + " > " + window());
    }
    if (len == 0) {
      return;
    }
    if (pieces == null) {
      pieces = new ArrayDeque<>(4);
    }
    byte[] last = pieces.peekLast();
    if (len < JOIN && last != null && last.length + len <= JOIN) {
      byte[] joined = Arrays.copyOf(last, last.length + len);
      System.arraycopy(data, off, joined, last.length, len);
      pieces.pollLast();
      pieces.addLast(joined);
    } else {
      pieces.addLast(off == 0 && len == data.length ? data : Arrays.copyOfRange(data, off, off + len));
    }
    size += len;
  }

  /** Moves up to {@code max} bytes to the caller. */
  byte[] read(int max) {
    int n = Math.min(max, size);
    if (n == 0) {
      return new byte[0];
    }
    byte[] first = pieces.peekFirst();
    byte[] out;
    if (headOffset == 0 && first.length == n) {
      out = pieces.pollFirst(); // the whole piece: no copy
    } else {
      out = new byte[n];
      int done = 0;
      while (done < n) {
        byte[] p = pieces.peekFirst();
        int take = Math.min(n - done, p.length - headOffset);
        System.arraycopy(p, headOffset, out, done, take);
        done += take;
        headOffset += take;
        if (headOffset == p.length) {
          pieces.pollFirst();
          headOffset = 0;
        }
      }
    }
    size -= n;
    if (size == 0) {
      pieces = null;
      headOffset = 0;
    }
    return out;
  }
}
