package io.tcpfsm.wire;

/**
 * Bytes that do not form a valid header. Carries the byte offset of the problem and a reason,
 * e.g. "truncated TCP header at offset 1234: 12 bytes, need 20".
 *
 * <p>Decoders throw only this on malformed input (the fuzz tests hold them to it); the offset is
 * relative to the buffer the caller handed in until {@link #shifted} moves it into a file.
 */
public final class DecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long offset;
  private final String reason;

  public DecodeException(long offset, String reason) {
    super(reason + " at offset " + offset, null, false, false);
    this.offset = offset;
    this.reason = reason;
  }

  /** Byte offset of the problem. */
  public long offset() {
    return offset;
  }

  /** What was wrong, without the offset. */
  public String reason() {
    return reason;
  }

  /** The same problem seen from a buffer that starts {@code base} bytes further out (e.g. in a file). */
  public DecodeException shifted(long base) {
    return base == 0 ? this : new DecodeException(offset + base, reason);
  }

  static DecodeException truncated(String what, int offset, int have, int need) {
    return new DecodeException(offset, "truncated " + what + ": " + have + " bytes, need " + need);
  }
}
