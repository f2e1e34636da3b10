package io.tcpfsm.trace;

import java.util.Arrays;

/**
 * One connection's frames as tier 0 saw them ({@link TieredCheck}), kept so that the full checker can
 * run them again from the start: four longs a frame (SEG.SEQ and SEG.ACK, the frame's number, its
 * time, the rest packed), no object per frame for the collector to trace. Bounded per connection
 * ({@link #MAX_FRAMES}) and, through a {@link Budget}, per checker.
 */
final class ReplayBuffer {
  /** Frames kept per connection: a bulk transfer longer than this is checked on without a replay. */
  static final int MAX_FRAMES = 4096;
  /** Frames all the buffers of one checker keep at once: 32 bytes each, 16 MB. */
  static final long MAX_TOTAL = 1 << 19;
  private static final int LONGS = 4;

  /** What the buffers of one checker may still take, in frames. */
  static final class Budget {
    private long left;
    /** The most frames the buffers held at once, for tests and measurements. */
    long peak;
    /** Connections checked again from their first frame. */
    long replays;
    /** Connections checked a second time with {@link TraceChecker#WIDE_CANDIDATES} hypotheses. */
    long widened;
    final long total;

    Budget(long total) {
      this.total = total;
      this.left = total;
    }
  }

  private final Budget budget;
  private final int maxFrames;
  /** Room for 16 frames at first: most connections of a busy capture are short (a handshake, a request, a close), and growing copies. */
  private long[] data = new long[16 * LONGS];
  private int size;

  ReplayBuffer(Budget budget, int maxFrames) {
    this.budget = budget;
    this.maxFrames = maxFrames;
  }

  /** Whether {@code s}'s fields fit the packing: all but a jumbogram's text length (RFC 2675) do. */
  static boolean fits(TraceSegment s) {
    return s.dataLen() >= 0 && s.dataLen() < 1 << 25 && s.window() >>> 16 == 0 && s.flags() >>> 12 == 0 && s.wscale() >= -1 && s.wscale() < 511;
  }

  /** Whether this buffer is at its own bound (not the budget's). */
  boolean full() {
    return size == maxFrames;
  }

  /** Keeps {@code s}; false, keeping nothing, when a bound is reached or {@code s} does not {@link #fits fit} (the caller then drops the buffer). */
  boolean add(TraceSegment s, long time) {
    if (size == maxFrames || budget.left == 0 || !fits(s)) {
      return false;
    }
    if ((size + 1) * LONGS > data.length) {
      data = Arrays.copyOf(data, Math.min(maxFrames * LONGS, data.length * 2));
    }
    int at = size * LONGS;
    data[at] = s.seq() << 32 | s.ack();
    data[at + 1] = s.frame();
    data[at + 2] = time;
    // flags 12 bits, window 16, window scale + 1 in 9 (the option's shift is an octet, RFC 7323 2.2, however corrupted), checksum, side, text length 25
    data[at + 3] = s.flags() | (long) s.window() << 12 | (long) (s.wscale() + 1) << 28 | (s.checksumBad() ? 1L << 37 : 0)
        | (s.fromA() ? 1L << 38 : 0) | (long) s.dataLen() << 39;
    size++;
    budget.left--;
    budget.peak = Math.max(budget.peak, budget.total - budget.left);
    return true;
  }

  int size() {
    return size;
  }

  TraceSegment segment(int i) {
    int at = i * LONGS;
    long w = data[at + 3];
    return new TraceSegment(data[at + 1], (w & 1L << 38) != 0, (int) (w & 0xFFF), data[at] >>> 32, data[at] & 0xFFFF_FFFFL,
        (int) (w >>> 12 & 0xFFFF), (int) (w >>> 28 & 0x1FF) - 1, (int) (w >>> 39), (w & 1L << 37) != 0);
  }

  long time(int i) {
    return data[i * LONGS + 2];
  }

  /** Gives the frames back to the budget; the buffer is not used after. */
  void release() {
    budget.left += size;
    size = 0;
    data = null;
  }
}
