package io.tcpfsm.capture;

import java.nio.ByteBuffer;

/**
 * One captured packet: where it sits in the file, when it was captured, on which interface and
 * link type, and its bytes (possibly fewer than were on the wire, when the snap length cut it).
 * The bytes belong to this record alone; {@link #data()} hands out read-only views.
 *
 * @param offset file offset of the record (pcap record header, pcapng block)
 * @param dataOffset file offset of the first packet byte, to place decoding errors in the file
 * @param originalLength bytes the packet had on the wire
 */
public record Record(
    long offset, long dataOffset, int interfaceId, int linkType, long epochSecond, int nanos, int originalLength, byte[] bytes) {

  /** The captured bytes, read-only. */
  public ByteBuffer data() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /** The captured bytes, a copy. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The array itself, for decoders in this package that only read it. */
  byte[] array() {
    return bytes;
  }

  public int capturedLength() {
    return bytes.length;
  }
}
