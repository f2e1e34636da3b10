package io.tcpfsm.trace;

import io.tcpfsm.capture.FrameBuilder;
import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A capture written by hand, frame by frame, between endpoint a (10.0.0.1:40000, or an IPv6
 * address) and b (10.0.0.2:80), with correct checksums: the deviation tests' input, each frame
 * written as a protocol engineer reads a trace.
 */
final class HandCapture {
  static final int SYN = Segment.SYN;
  static final int FIN = Segment.FIN;
  static final int RST = Segment.RST;
  static final int ACK = Segment.ACK;
  static final int PSH = Segment.PSH;

  private final byte[] addrA;
  private final byte[] addrB;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PcapWriter writer;
  private long micros;

  HandCapture() {
    this(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2});
  }

  HandCapture(byte[] addrA, byte[] addrB) {
    this.addrA = addrA;
    this.addrB = addrB;
    try {
      writer = new PcapWriter(out, addrA.length == 4 ? LinkType.IPV4 : LinkType.RAW);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A frame from a: flags, SEQ, ACK, octets of text. */
  HandCapture a(int flags, long seq, long ack, int len) {
    return frame(true, flags, seq, ack, len, 65535, -1);
  }

  HandCapture b(int flags, long seq, long ack, int len) {
    return frame(false, flags, seq, ack, len, 65535, -1);
  }

  HandCapture frame(boolean fromA, int flags, long seq, long ack, int len, int window, int wscale) {
    Segment.Builder sb = Segment.builder().srcPort(fromA ? 40000 : 80).dstPort(fromA ? 80 : 40000).seq((int) seq).ack((int) ack)
        .flags(flags).window(window).payload(new byte[len]);
    if (wscale >= 0) {
      sb.options(new TcpOption.WindowScale(wscale), new TcpOption.Nop());
    }
    Segment s = sb.build();
    byte[] packet = FrameBuilder.ip(s, fromA ? addrA : addrB, fromA ? addrB : addrA);
    micros += 1000;
    try {
      writer.write(micros / 1_000_000, (int) (micros % 1_000_000) * 1000, packet);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The next frame comes {@code seconds} later (each frame is otherwise 1 ms after the one before). */
  HandCapture after(int seconds) {
    micros += seconds * 1_000_000L;
    return this;
  }

  /** The three-way handshake: a's ISS 1000, b's 5000 (frames 1 to 3). */
  HandCapture handshake() {
    return a(SYN, 1000, 0, 0).b(SYN | ACK, 5000, 1001, 0).a(ACK, 1001, 5001, 0);
  }

  byte[] bytes() {
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
