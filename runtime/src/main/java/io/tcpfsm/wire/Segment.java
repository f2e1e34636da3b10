package io.tcpfsm.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One TCP segment as a value (RFC 9293 §3.1): the header fields, the parsed options and the
 * payload as a read-only view. Sequence and acknowledgment numbers are unsigned 32-bit values
 * held in ints (compare them with {@link SeqNum}). The connection layer sees only this type,
 * never bytes; {@link SegmentCodec} converts. Options that leave part of the header's last word
 * free are followed by zero padding on the wire, which reads back as an {@link TcpOption.EndOfList}
 * (RFC 9293 §3.1), so such a value round-trips through bytes with an EOL added.
 *
 * @param dataOffset header length in 32-bit words, 5..15
 * @param flags the low 12 bits of header word 3: FIN..CWR in bits 0-7 and the reserved bits 8-11
 * @param checksum the checksum field as received or to be sent
 */
public record Segment(
    int srcPort,
    int dstPort,
    int seq,
    int ack,
    int dataOffset,
    int flags,
    int window,
    int checksum,
    int urgentPointer,
    List<TcpOption> options,
    ByteBuffer payload) {

  // RFC 9293 §3.1 "Control bits", RFC 3168 §6.1 (ECE, CWR), RFC 9768 (AE, formerly NS).
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;
  public static final int URG = 0x20;
  public static final int ECE = 0x40;
  public static final int CWR = 0x80;
  public static final int AE = 0x100;

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

  public Segment {
    Checks.checkArgument(srcPort >= 0 && srcPort <= 0xFFFF, "srcPort out of range: %s", srcPort);
    Checks.checkArgument(dstPort >= 0 && dstPort <= 0xFFFF, "dstPort out of range: %s", dstPort);
    Checks.checkArgument(dataOffset >= 5 && dataOffset <= 15, "dataOffset out of range: %s", dataOffset);
    Checks.checkArgument(flags >= 0 && flags <= 0xFFF, "flags out of range: %s", flags);
    Checks.checkArgument(window >= 0 && window <= 0xFFFF, "window out of range: %s", window);
    Checks.checkArgument(checksum >= 0 && checksum <= 0xFFFF, "checksum out of range: %s", checksum);
    Checks.checkArgument(urgentPointer >= 0 && urgentPointer <= 0xFFFF, "urgentPointer out of range: %s", urgentPointer);
    options = List.copyOf(options);
    int optionBytes = TcpOptions.length(options);
    Checks.checkArgument(
        optionBytes <= (dataOffset - 5) * 4, "options take %s bytes, data offset %s leaves %s", optionBytes, dataOffset, (dataOffset - 5) * 4);
    payload = payload.isReadOnly() ? payload.slice() : payload.asReadOnlyBuffer().slice();
  }

  /** A fresh read-only view of the payload: callers may move its position freely. */
  @Override
  public ByteBuffer payload() {
    return payload.duplicate();
  }

  /** Payload bytes. */
  public int length() {
    return payload.remaining();
  }

  /** SEG.LEN of RFC 9293 §3.4: payload octets plus one each for SYN and FIN. */
  public int segLen() {
    return payload.remaining() + ((flags & SYN) != 0 ? 1 : 0) + ((flags & FIN) != 0 ? 1 : 0);
  }

  /** Header length in bytes. */
  public int headerLength() {
    return dataOffset * 4;
  }

  public boolean has(int flag) {
    return (flags & flag) == flag;
  }

  public boolean fin() {
    return has(FIN);
  }

  public boolean syn() {
    return has(SYN);
  }

  public boolean rst() {
    return has(RST);
  }

  public boolean psh() {
    return has(PSH);
  }

  public boolean ackFlag() {
    return has(ACK);
  }

  public boolean urg() {
    return has(URG);
  }

  public boolean ece() {
    return has(ECE);
  }

  public boolean cwr() {
    return has(CWR);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.srcPort = srcPort;
    b.dstPort = dstPort;
    b.seq = seq;
    b.ack = ack;
    b.dataOffset = dataOffset;
    b.flags = flags;
    b.window = window;
    b.checksum = checksum;
    b.urgentPointer = urgentPointer;
    b.options = options;
    b.payload = payload;
    return b;
  }

  /** Builds segments step by step; the data offset follows the options unless set. */
  public static final class Builder {
    private int srcPort;
    private int dstPort;
    private int seq;
    private int ack;
    private int dataOffset;
    private int flags;
    private int window;
    private int checksum;
    private int urgentPointer;
    private List<TcpOption> options = List.of();
    private ByteBuffer payload = EMPTY;

    private Builder() {}

    public Builder srcPort(int v) {
      srcPort = v;
      return this;
    }

    public Builder dstPort(int v) {
      dstPort = v;
      return this;
    }

    public Builder seq(int v) {
      seq = v;
      return this;
    }

    public Builder ack(int v) {
      ack = v;
      return this;
    }

    /** Header length in words; 0 (the default) means the smallest that holds the options. */
    public Builder dataOffset(int v) {
      dataOffset = v;
      return this;
    }

    public Builder flags(int v) {
      flags = v;
      return this;
    }

    public Builder window(int v) {
      window = v;
      return this;
    }

    public Builder checksum(int v) {
      checksum = v;
      return this;
    }

    public Builder urgentPointer(int v) {
      urgentPointer = v;
      return this;
    }

    public Builder options(List<TcpOption> v) {
      options = List.copyOf(v);
      if (dataOffset != 0 && TcpOptions.length(options) > (dataOffset - 5) * 4) {
        dataOffset = 0; // the options outgrew a data offset copied from a template
      }
      return this;
    }

    public Builder options(TcpOption... v) {
      return options(List.of(v));
    }

    public Builder payload(ByteBuffer v) {
      payload = v;
      return this;
    }

    public Builder payload(byte[] v) {
      payload = ByteBuffer.wrap(v.clone());
      return this;
    }

    public Segment build() {
      int off = dataOffset != 0 ? dataOffset : 5 + (TcpOptions.length(options) + 3) / 4;
      return new Segment(srcPort, dstPort, seq, ack, off, flags, window, checksum, urgentPointer, options, payload);
    }
  }
}
