package io.tcpfsm.tcp;

/**
 * The bytes the application sent that the peer has not acknowledged yet: those in flight (from
 * SND.UNA) and those not sent (from SND.NXT), in one ring. The first byte has sequence number
 * {@link #headSeq()}; SYN and FIN occupy sequence space but no byte here. The ring exists only
 * while it holds bytes (an idle connection holds none); made again, it has the size it had.
 */
final class SendBuffer {
  private static final byte[] EMPTY = new byte[0];

  private byte[] ring = EMPTY;
  private int head;
  private int size;
  private long headSeq;
  private final int capacity;
  /** The ring's length when it was last released. */
  private int lastLength = 4096;

  SendBuffer(int capacity) {
    this.capacity = capacity;
  }

  /** The sequence number of the first byte (ISS+1 once the SYN is sent). */
  void start(long firstSeq) {
    headSeq = firstSeq;
  }

  long headSeq() {
    return headSeq;
  }

  int size() {
    return size;
  }

  int free() {
    return capacity - size;
  }

  /** Appends as much of {@code data[off, off+len)} as fits; returns how much. */
  int append(byte[] data, int off, int len) {
    int n = Math.min(len, free());
    if (n == 0) {
      return 0;
    }
    grow(size + n);
    int tail = (head + size) % ring.length;
    int first = Math.min(n, ring.length - tail);
    System.arraycopy(data, off, ring, tail, first);
    System.arraycopy(data, off + first, ring, 0, n - first);
    size += n;
    return n;
  }

  /** Bytes from {@code seq} to the end: what is not yet sent when {@code seq} is SND.NXT. */
  int after(long seq) {
    int offset = Tcb.diff(seq, headSeq);
    return offset < 0 ? size : Math.max(0, size - offset);
  }

  /** Copies {@code len} bytes starting at sequence number {@code seq}. */
  byte[] copy(long seq, int len) {
    int offset = Math.max(0, Tcb.diff(seq, headSeq));
    byte[] out = new byte[len];
    int from = (head + offset) % ring.length;
    int first = Math.min(len, ring.length - from);
    System.arraycopy(ring, from, out, 0, first);
    System.arraycopy(ring, 0, out, first, len - first);
    return out;
  }

  /** Drops the bytes below {@code ack} (SND.UNA has moved there); returns how many. */
  int acknowledge(long ack) {
    int n = Math.min(size, Math.max(0, Tcb.diff(ack, headSeq)));
    if (n == 0) {
      return 0;
    }
    head = (head + n) % ring.length;
    size -= n;
    headSeq = Tcb.add(headSeq, n);
    if (size == 0) {
      release();
    }
    return n;
  }

  void clear() {
    size = 0;
    release();
  }

  private void release() {
    if (ring.length > 0) {
      lastLength = ring.length;
    }
    ring = EMPTY;
    head = 0;
  }

  private void grow(int need) {
    if (need <= ring.length) {
      return;
    }
    int length = ring.length == 0 ? lastLength : ring.length * 2;
    byte[] bigger = new byte[Math.min(capacity, Math.max(need, length))];
    int first = Math.min(size, ring.length - head);
    System.arraycopy(ring, head, bigger, 0, first);
    System.arraycopy(ring, 0, bigger, first, size - first);
    ring = bigger;
    head = 0;
  }
}
