package io.tcpfsm.capture;

/**
 * One captured packet seen where it lies in a reader's buffer, for callers that handle millions of
 * packets and want no allocation per packet ({@link CaptureReader#next(RecordView)}). The fields
 * are those of {@link Record}; the bytes are {@code buffer()[start() .. start() + length())}, valid
 * only until the reader's next call. {@link #toRecord} makes an owned copy.
 */
public final class RecordView {
  private long offset;
  private long dataOffset;
  private int interfaceId;
  private int linkType;
  private long epochSecond;
  private int nanos;
  private int originalLength;
  private byte[] buffer;
  private int start;
  private int length;

  void set(long offset, long dataOffset, int interfaceId, int linkType, long epochSecond, int nanos, int originalLength,
      byte[] buffer, int start, int length) {
    this.offset = offset;
    this.dataOffset = dataOffset;
    this.interfaceId = interfaceId;
    this.linkType = linkType;
    this.epochSecond = epochSecond;
    this.nanos = nanos;
    this.originalLength = originalLength;
    this.buffer = buffer;
    this.start = start;
    this.length = length;
  }

  void set(Record r) {
    byte[] a = r.array();
    set(r.offset(), r.dataOffset(), r.interfaceId(), r.linkType(), r.epochSecond(), r.nanos(), r.originalLength(), a, 0, a.length);
  }

  /** An owned copy of this packet. */
  public Record toRecord() {
    byte[] data = new byte[length];
    System.arraycopy(buffer, start, data, 0, length);
    return new Record(offset, dataOffset, interfaceId, linkType, epochSecond, nanos, originalLength, data);
  }

  public long offset() {
    return offset;
  }

  public long dataOffset() {
    return dataOffset;
  }

  public int interfaceId() {
    return interfaceId;
  }

  public int linkType() {
    return linkType;
  }

  public long epochSecond() {
    return epochSecond;
  }

  public int nanos() {
    return nanos;
  }

  public int originalLength() {
    return originalLength;
  }

  /** The reader's buffer: read only, and only {@code [start(), start() + length())}. */
  public byte[] buffer() {
    return buffer;
  }

  public int start() {
    return start;
  }

  /** Captured bytes. */
  public int length() {
    return length;
  }
}
