package io.tcpfsm.probe;

import io.tcpfsm.wire.Segment;

/**
 * Writes a probe as a packetdrill script (github.com/google/packetdrill): socket calls, then each
 * segment the probe injected ({@code <}) and each the kernel sent ({@code >}), in the order they
 * happened, with sequence numbers relative to each side's initial sequence number as packetdrill
 * reads them. What Linux sent becomes the script's expectation, so the script passes on a kernel
 * that behaves as this one did and fails, at the line that differs, on one that does not.
 *
 * <p>The grammar used is the subset of packetdrill's parser.y this writes: {@code +0 call(args) =
 * result [ERRNO (text)]}; {@code +0 < FLAGS start:end(len) [ack N] win W}; {@code +0 > FLAGS
 * start:end(len) [ack N] <...>}; FLAGS is letters from {@code SFRP} with an optional {@code .}
 * for ACK, {@code .} alone, or {@code -} for none; numbers are unsigned 32-bit and end = start +
 * len; {@code //} comments.
 */
final class Packetdrill {
  private final StringBuilder text = new StringBuilder();
  private boolean first = true;

  Packetdrill(Probe p) {
    text.append("// tcpfsm probe ").append(p.id()).append(": Linux in ").append(p.state()).append(", inject ")
        .append(p.segment().label()).append(" with SEG.SEQ at ").append(p.seq().label()).append(", SEG.ACK at ")
        .append(p.ack().label()).append('\n');
    text.append("// written by ./tcpfsm probe; the expected lines are what Linux sent when it was probed\n");
  }

  void call(String call) {
    line(call);
  }

  void comment(String c) {
    text.append("// ").append(c).append('\n');
  }

  /** An injected segment: its SEQ relative to our ISN {@code irs}, its ACK to the kernel's {@code iss}. */
  void in(Segment s, long irs, long iss) {
    line("< " + segment(s, irs, iss) + " win " + s.window());
  }

  /** A segment the kernel sent: SEQ relative to its {@code iss}, ACK to our {@code irs}; options unchecked. */
  void out(Segment s, long iss, long irs) {
    line("> " + segment(s, iss, irs) + " <...>");
  }

  private void line(String event) {
    text.append(first ? "0" : "+0").append(' ').append(event).append('\n');
    first = false;
  }

  private static String segment(Segment s, long seqBase, long ackBase) {
    long start = (s.seq() - seqBase) & 0xFFFF_FFFFL;
    int len = s.length();
    if (start + len > 0xFFFF_FFFFL) {
      throw new IllegalStateException("packetdrill cannot write a segment that wraps past 2^32 from its base: " + start);
    }
    StringBuilder b = new StringBuilder(flags(s.flags())).append(' ')
        .append(start).append(':').append(start + len).append('(').append(len).append(')');
    if (s.ackFlag()) {
      b.append(" ack ").append((s.ack() - ackBase) & 0xFFFF_FFFFL);
    }
    return b.toString();
  }

  /** packetdrill's flag letters: S F R P, then "." for ACK; "-" for no flags at all. */
  static String flags(int f) {
    StringBuilder b = new StringBuilder();
    if ((f & Segment.SYN) != 0) {
      b.append('S');
    }
    if ((f & Segment.FIN) != 0) {
      b.append('F');
    }
    if ((f & Segment.RST) != 0) {
      b.append('R');
    }
    if ((f & Segment.PSH) != 0) {
      b.append('P');
    }
    if ((f & Segment.ACK) != 0) {
      b.append('.');
    }
    return b.length() == 0 ? "-" : b.toString();
  }

  String text() {
    return text.toString();
  }
}
