package io.tcpfsm.cli;

import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.RecordView;
import io.tcpfsm.wire.Checksum;
import io.tcpfsm.wire.Segment;
import java.nio.charset.StandardCharsets;

/**
 * The common case of {@code decode}, without allocating: an Ethernet frame holding IPv4 (no IP
 * options, not a fragment, good header checksum, all captured) and TCP with a good checksum and
 * well-formed options of the kinds tcpdump names. It writes the very line {@link TcpdumpFormat}
 * would, straight into the output bytes. Any other frame is declined (nothing written) and goes
 * the general way: {@code FrameDecoder}, then {@link TcpdumpFormat}. {@code FastLineTest} checks
 * the two agree.
 */
final class FastLine {
  private static final byte[][] FLAGS = new byte[256][];
  private static final byte[] IP = " IP ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GT = " > ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FLAGS_OPEN = ": Flags [".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEQ = ", seq ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ACK = ", ack ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WIN = ", win ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] URG = ", urg ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OPTIONS = ", options [".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LENGTH = ", length ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EOL = "eol".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NOP = "nop".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MSS = "mss ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WSCALE = "wscale ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SACK_OK = "sackOK".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SACK = "sack ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TS_VAL = "TS val ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ECR = " ecr ".getBytes(StandardCharsets.US_ASCII);

  static {
    StringBuilder sb = new StringBuilder();
    for (int f = 0; f < 256; f++) {
      sb.setLength(0);
      TcpdumpFormat.appendFlags(sb, f);
      FLAGS[f] = sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final TcpdumpFormat text;
  private final boolean nano;
  /** "HH:MM:SS." of {@link #second}, which was the last record's. */
  private final byte[] clock = new byte[9];
  private long second = Long.MIN_VALUE;
  private final StringBuilder sb = new StringBuilder(32);
  private final Flow[] flows = new Flow[64];

  FastLine(TcpdumpFormat text, boolean nano) {
    this.text = text;
    this.nano = nano;
    for (int i = 0; i < flows.length; i++) {
      flows[i] = new Flow();
    }
  }

  /** Writes the line and its newline, true; or false, having written nothing, when the frame is not the common case. */
  boolean append(AsciiOut o, RecordView r) {
    if (r.linkType() != LinkType.ETHERNET) {
      return false;
    }
    byte[] b = r.buffer();
    int start = r.start();
    int len = r.length();
    // Ethernet II carrying IPv4, a 20-byte header.
    if (len < 14 + 20 || u16(b, start + 12) != 0x0800 || b[start + 14] != 0x45) {
      return false;
    }
    int ip = start + 14;
    int total = u16(b, ip + 2);
    // Not a fragment (MF, offset), TCP, all of it captured, header checksum good.
    if ((u16(b, ip + 6) & 0x3FFF) != 0 || (b[ip + 9] & 0xFF) != 6 || total < 20 + 20 || total > len - 14
        || Checksum.fold(sum(b, ip, 20, 0)) != 0xFFFF) {
      return false;
    }
    int t = ip + 20;
    int tcpLen = total - 20;
    int word3 = u16(b, t + 12);
    int hlen = (word3 >>> 12) * 4;
    if (hlen < 20 || hlen > tcpLen) {
      return false;
    }
    long acc = sum(b, ip + 12, 8, 0) + 6 + tcpLen;
    if (Checksum.fold(sum(b, t, tcpLen, acc)) != 0xFFFF) {
      return false;
    }
    o.room();
    int mark = o.n;
    time(o, r.epochSecond(), r.nanos());
    Flow flow = flow(o, b, ip, t);
    int flags = word3 & 0xFF;
    o.put(FLAGS[flags]);
    o.put((byte) ']');
    int length = tcpLen - hlen;
    int seq = i32(b, t + 4);
    if (length > 0 || (flags & (Segment.SYN | Segment.FIN | Segment.RST)) != 0) {
      o.put(SEQ);
      o.dec(Integer.toUnsignedLong(seq));
      if (length > 0) {
        o.put((byte) ':');
        o.dec(Integer.toUnsignedLong(seq + length));
      }
    }
    if ((flags & Segment.ACK) != 0) {
      o.put(ACK);
      int ack = i32(b, t + 8);
      if (ack != flow.ack || flow.ackLen == 0) {
        int from = o.n;
        o.dec(Integer.toUnsignedLong(ack));
        flow.ack = ack;
        flow.ackLen = keep(o, from, flow.ackText);
      } else {
        o.put(flow.ackText, flow.ackLen);
      }
    }
    o.put(WIN);
    int win = u16(b, t + 14);
    if (win != flow.win) {
      int from = o.n;
      o.dec(win);
      flow.win = win;
      flow.winLen = keep(o, from, flow.winText);
    } else {
      o.put(flow.winText, flow.winLen);
    }
    if ((flags & Segment.URG) != 0) {
      o.put(URG);
      o.dec(u16(b, t + 18));
    }
    if (hlen > 20) {
      o.put(OPTIONS);
      if (!options(o, b, t + 20, t + hlen)) {
        o.n = mark;
        return false;
      }
      o.put((byte) ']');
    }
    o.put(LENGTH);
    o.dec(length);
    o.put((byte) '\n');
    return true;
  }

  /**
   * The text from " IP " to "Flags [" for the segment's addresses and ports, from a small cache of
   * flows (most segments belong to a flow seen just before), with the flow's last ack and window
   * text: those repeat too, and formatting numbers is most of the work here.
   */
  private Flow flow(AsciiOut o, byte[] b, int ip, int t) {
    long addrs = ((long) i32(b, ip + 12) << 32) | (i32(b, ip + 16) & 0xFFFF_FFFFL);
    int ports = i32(b, t);
    long h = (addrs ^ (addrs >>> 29) ^ ports) * 0x9E37_79B9_7F4A_7C15L;
    Flow f = flows[(int) (h >>> 58)];
    if (f.ports == ports && f.addrs == addrs && f.textLen > 0) {
      o.put(f.text, f.textLen);
      return f;
    }
    int from = o.n;
    o.put(IP);
    v4(o, b, ip + 12);
    o.put((byte) '.');
    o.dec(ports >>> 16);
    o.put(GT);
    v4(o, b, ip + 16);
    o.put((byte) '.');
    o.dec(ports & 0xFFFF);
    o.put(FLAGS_OPEN);
    f.addrs = addrs;
    f.ports = ports;
    f.textLen = keep(o, from, f.text);
    f.ackLen = 0;
    f.win = -1;
    return f;
  }

  /** Copies what was just written from {@code from} into {@code to}; returns its length. */
  private static int keep(AsciiOut o, int from, byte[] to) {
    int n = o.n - from;
    System.arraycopy(o.b, from, to, 0, n);
    return n;
  }

  /** One cached flow: its endpoint text, last ack and window. */
  private static final class Flow {
    long addrs;
    int ports;
    final byte[] text = new byte[64];
    int textLen;
    int ack;
    final byte[] ackText = new byte[10];
    int ackLen;
    int win = -1;
    final byte[] winText = new byte[5];
    int winLen;
  }

  /** TcpOptions.parse, then TcpdumpFormat.appendOptions; false for an unknown kind or a malformed option. */
  private static boolean options(AsciiOut o, byte[] b, int i, int end) {
    boolean first = true;
    while (i < end) {
      if (!first) {
        o.put((byte) ',');
      }
      first = false;
      int kind = b[i] & 0xFF;
      if (kind == 0) {
        o.put(EOL);
        return true;
      }
      if (kind == 1) {
        o.put(NOP);
        i++;
        continue;
      }
      if (i + 1 >= end) {
        return false;
      }
      int len = b[i + 1] & 0xFF;
      if (len < 2 || len > end - i) {
        return false;
      }
      int d = i + 2;
      switch (kind) {
        case 2 -> {
          if (len != 4) {
            return false;
          }
          o.put(MSS);
          o.dec(u16(b, d));
        }
        case 3 -> {
          if (len != 3) {
            return false;
          }
          o.put(WSCALE);
          o.dec(b[d] & 0xFF);
        }
        case 4 -> {
          if (len != 2) {
            return false;
          }
          o.put(SACK_OK);
        }
        case 5 -> {
          if (len < 10 || (len - 2) % 8 != 0) {
            return false;
          }
          o.put(SACK);
          o.dec((len - 2) / 8);
          o.put((byte) ' ');
          for (int p = d; p < i + len; p += 8) {
            o.put((byte) '{');
            o.dec(Integer.toUnsignedLong(i32(b, p)));
            o.put((byte) ':');
            o.dec(Integer.toUnsignedLong(i32(b, p + 4)));
            o.put((byte) '}');
          }
        }
        case 8 -> {
          if (len != 10) {
            return false;
          }
          o.put(TS_VAL);
          o.dec(Integer.toUnsignedLong(i32(b, d)));
          o.put(ECR);
          o.dec(Integer.toUnsignedLong(i32(b, d + 4)));
        }
        default -> {
          return false;
        }
      }
      i += len;
    }
    return true;
  }

  private void time(AsciiOut o, long epochSecond, int nanos) {
    if (epochSecond != second) {
      sb.setLength(0);
      text.appendTime(sb, epochSecond, 0);
      for (int i = 0; i < 9; i++) {
        clock[i] = (byte) sb.charAt(i);
      }
      second = epochSecond;
    }
    o.put(clock);
    if (nano) {
      o.dec(nanos, 9);
    } else {
      o.dec(nanos / 1000, 6);
    }
  }

  private static void v4(AsciiOut o, byte[] b, int i) {
    o.dec(b[i] & 0xFF);
    o.put((byte) '.');
    o.dec(b[i + 1] & 0xFF);
    o.put((byte) '.');
    o.dec(b[i + 2] & 0xFF);
    o.put((byte) '.');
    o.dec(b[i + 3] & 0xFF);
  }

  /**
   * Checksum.sum with plain 32-bit reads: the same one's complement sum (RFC 1071), but quick from
   * the first packet, before the JIT compiles anything (Checksum's VarHandle is slow when interpreted).
   */
  private static long sum(byte[] b, int off, int len, long acc) {
    int i = off;
    int end = off + len;
    for (; i + 4 <= end; i += 4) {
      acc += i32(b, i) & 0xFFFF_FFFFL;
    }
    if (i + 2 <= end) {
      acc += u16(b, i);
      i += 2;
    }
    if (i < end) {
      acc += (b[i] & 0xFF) << 8;
    }
    return acc;
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static int i32(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }
}
