package io.tcpfsm.capture;

/**
 * A capture file that cannot be read as its format says: a wrong magic, a truncated header or
 * record, a length beyond the bound, an unknown link type. Carries the file offset and a reason;
 * its message reads "offset 1234: truncated record header: 10 bytes, need 16".
 */
public final class CaptureException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long offset;
  private final String reason;

  public CaptureException(long offset, String reason) {
    super("offset " + offset + ": " + reason, null, false, false);
    this.offset = offset;
    this.reason = reason;
  }

  /** File offset of the problem. */
  public long offset() {
    return offset;
  }

  /** What was wrong, without the offset. */
  public String reason() {
    return reason;
  }
}
