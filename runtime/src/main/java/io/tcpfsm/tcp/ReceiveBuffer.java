package io.tcpfsm.tcp;

/**
 * Text accepted in sequence and not yet read by the application. Its free space is the receive
 * window the connection offers (RCV.WND); the window is not shrunk below what was offered
 * (RFC 9293 3.8.6.2.2 / RFC 1122 4.2.2.16) because space is only freed, never taken back.
 */
final class ReceiveBuffer {
  private byte[] ring;
  private int head;
  private int size;
  private final int capacity;

  ReceiveBuffer(int capacity) {
    this.capacity = capacity;
    this.ring = new byte[Math.min(capacity, 4096)];
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

  /** Appends {@code data[off, off+len)}; the caller trims to {@link #window()} first. */
  void append(byte[] data, int off, int len) {
    if (len > window()) {
      throw new IllegalStateException("text beyond the receive window: " + len + " > " + window());
    }
    if (size + len > ring.length) {
      byte[] bigger = new byte[Math.min(capacity, Math.max(size + len, ring.length * 2))];
      int first = Math.min(size, ring.length - head);
      System.arraycopy(ring, head, bigger, 0, first);
      System.arraycopy(ring, 0, bigger, first, size - first);
      ring = bigger;
      head = 0;
    }
    int tail = (head + size) % ring.length;
    int first = Math.min(len, ring.length - tail);
    System.arraycopy(data, off, ring, tail, first);
    System.arraycopy(data, off + first, ring, 0, len - first);
    size += len;
  }

  /** Moves up to {@code max} bytes to the caller. */
  byte[] read(int max) {
    int n = Math.min(max, size);
    byte[] out = new byte[n];
    int first = Math.min(n, ring.length - head);
    System.arraycopy(ring, head, out, 0, first);
    System.arraycopy(ring, 0, out, first, n - first);
    head = (head + n) % ring.length;
    size -= n;
    return out;
  }
}
