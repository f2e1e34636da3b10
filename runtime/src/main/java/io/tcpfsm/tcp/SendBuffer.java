package io.tcpfsm.tcp;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes the application sent that the peer has not acknowledged yet: those in flight (from
 * SND.UNA) and those not sent (from SND.NXT). The first byte has sequence number
 * {@link #headSeq()}; SYN and FIN occupy sequence space but no byte here.
 *
 * <p>The bytes sit in blocks of {@link #BLOCK} bytes (or the capacity, if smaller), made as
 * text is appended and dropped as it is acknowledged (as a stack frees a buffer per acknowledged
 * segment): an idle connection holds no storage, and a busy one never copies its bytes to grow,
 * nor allocates its whole capacity at once. The byte at offset {@code i} from the head is at
 * position {@code first + i} of the blocks laid end to end. While there is one block it may be
 * shorter, grown as bytes are appended, so a connection sending small messages allocates about
 * what it sends; blocks after the first are made whole. A segment whose bytes lie in one block
 * is sent from a view of it ({@link #view}), not a copy.
 */
final class SendBuffer {
  static final int BLOCK = 256 * 1024;
  private static final byte[][] NONE = new byte[0][];

  private final int capacity;
  private final int block;
  /** The blocks in order; {@link #NONE} while the buffer is empty. */
  private byte[][] blocks = NONE;
  private int blockCount;
  /** Where the first byte is in {@code blocks[0]}. */
  private int first;
  private int size;
  private long headSeq;

  SendBuffer(int capacity) {
    this.capacity = capacity;
    this.block = Math.max(1, Math.min(BLOCK, capacity));
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
    int at = first + size; // position of the first new byte
    int need = (at + n + block - 1) / block;
    if (need > blocks.length) {
      blocks = Arrays.copyOf(blocks, Math.max(need, (capacity + block - 1) / block + 1));
    }
    int end = at + n; // position after the last new byte
    if (blockCount == 0 && n > 0) {
      blocks[blockCount++] = new byte[Math.min(block, end)];
    } else if (blockCount == 1 && blocks[0].length < Math.min(block, end)) {
      blocks[0] = Arrays.copyOf(blocks[0], Math.min(block, Math.max(end, 2 * blocks[0].length)));
    }
    while (blockCount < need) {
      blocks[blockCount++] = new byte[block];
    }
    for (int done = 0; done < n; ) {
      int pos = at + done;
      int chunk = Math.min(n - done, block - pos % block);
      System.arraycopy(data, off + done, blocks[pos / block], pos % block, chunk);
      done += chunk;
    }
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
    int at = first + Math.max(0, Tcb.diff(seq, headSeq));
    byte[] out = new byte[len];
    for (int done = 0; done < len; ) {
      int pos = at + done;
      int chunk = Math.min(len - done, block - pos % block);
      System.arraycopy(blocks[pos / block], pos % block, out, done, chunk);
      done += chunk;
    }
    return out;
  }

  /**
   * The {@code len} bytes starting at sequence number {@code seq}, for a segment sent at once: a
   * read-only view of the buffer when they lie in one block, else a copy. The view is valid
   * until the buffer next changes.
   */
  ByteBuffer view(long seq, int len) {
    int at = first + Math.max(0, Tcb.diff(seq, headSeq));
    if (at / block == (at + len - 1) / block) {
      return ByteBuffer.wrap(blocks[at / block], at % block, len).slice().asReadOnlyBuffer();
    }
    return ByteBuffer.wrap(copy(seq, len));
  }

  /** Drops the bytes below {@code ack} (SND.UNA has moved there); returns how many. */
  int acknowledge(long ack) {
    int n = Math.min(size, Math.max(0, Tcb.diff(ack, headSeq)));
    size -= n;
    headSeq = Tcb.add(headSeq, n);
    first += n;
    if (size == 0) {
      clear();
    } else if (first >= block) {
      int done = first / block; // blocks wholly acknowledged
      System.arraycopy(blocks, done, blocks, 0, blockCount - done);
      Arrays.fill(blocks, blockCount - done, blockCount, null);
      blockCount -= done;
      first -= done * block;
    }
    return n;
  }

  void clear() {
    blocks = NONE;
    blockCount = 0;
    first = 0;
    size = 0;
  }
}
