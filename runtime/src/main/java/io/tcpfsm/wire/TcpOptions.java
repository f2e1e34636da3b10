package io.tcpfsm.wire;

import java.util.ArrayList;
import java.util.List;

/** Reads and writes the TCP options area (RFC 9293 §3.1 "Options", §3.2). */
public final class TcpOptions {
  private TcpOptions() {}

  private static final TcpOption.EndOfList EOL = new TcpOption.EndOfList();
  private static final TcpOption.Nop NOP = new TcpOption.Nop();
  private static final TcpOption.SackPermitted SACK_OK = new TcpOption.SackPermitted();

  /**
   * Parses {@code end - start} option bytes. Offsets in errors are indexes into {@code b}.
   * RFC 9293 §3.1: an option is either a single kind octet (EOL, NOP) or kind, length (counting
   * both octets) and data; everything after EOL is padding.
   */
  public static List<TcpOption> parse(byte[] b, int start, int end) throws DecodeException {
    if (start == end) {
      return List.of();
    }
    List<TcpOption> out = new ArrayList<>(6);
    int i = start;
    while (i < end) {
      int len = checked(b, i, end);
      if (len == 0) {
        out.add(EOL);
        break;
      }
      out.add(len == 1 ? NOP : parseOne(b, i, b[i] & 0xFF, len));
      i += len;
    }
    return List.copyOf(out);
  }

  /**
   * The window-scale option's shift (RFC 7323 §2.2), or -1 without one, having checked every
   * option as {@link #parse} does (the same exceptions), without making a list: for a reader that
   * wants nothing else from the options of most segments.
   */
  public static int windowScale(byte[] b, int start, int end) throws DecodeException {
    int shift = -1;
    int i = start;
    while (i < end) {
      int len = checked(b, i, end);
      if (len == 0) {
        break;
      }
      if ((b[i] & 0xFF) == TcpOption.KIND_WINDOW_SCALE) {
        shift = b[i + 2] & 0xFF;
      }
      i += len;
    }
    return shift;
  }

  /** The length of the option at {@code i}: 0 for EOL (the rest is padding), 1 for NOP; a malformed one throws. */
  private static int checked(byte[] b, int i, int end) throws DecodeException {
    int kind = b[i] & 0xFF;
    if (kind == TcpOption.KIND_EOL) {
      return 0;
    }
    if (kind == TcpOption.KIND_NOP) {
      return 1;
    }
    if (i + 1 >= end) {
      throw new DecodeException(i, "TCP option kind " + kind + " has no length octet");
    }
    int len = b[i + 1] & 0xFF;
    if (len < 2) {
      throw new DecodeException(i + 1, "TCP option kind " + kind + " length " + len + " < 2");
    }
    if (len > end - i) {
      throw new DecodeException(
          i + 1, "TCP option kind " + kind + " length " + len + " runs past the header: " + (end - i) + " bytes left");
    }
    switch (kind) {
      case TcpOption.KIND_MSS -> expectLength(i, "mss", len, 4); // RFC 9293 §3.2
      case TcpOption.KIND_WINDOW_SCALE -> expectLength(i, "wscale", len, 3); // RFC 7323 §2.2
      case TcpOption.KIND_SACK_PERMITTED -> expectLength(i, "sackOK", len, 2); // RFC 2018 §2
      case TcpOption.KIND_TIMESTAMPS -> expectLength(i, "TS", len, 10); // RFC 7323 §3.2
      case TcpOption.KIND_SACK -> {
        // RFC 2018 §3: "Length: Variable", 8 octets per block.
        if (len < 10 || (len - 2) % 8 != 0) {
          throw new DecodeException(i + 1, "TCP option sack length " + len + " is not 2 + 8n with n >= 1");
        }
      }
      default -> {}
    }
    return len;
  }

  /** The option at {@code i}, of {@code kind} and {@code len} octets, already {@link #checked}. */
  private static TcpOption parseOne(byte[] b, int i, int kind, int len) {
    int d = i + 2;
    switch (kind) {
      case TcpOption.KIND_MSS:
        return new TcpOption.Mss(u16(b, d));
      case TcpOption.KIND_WINDOW_SCALE:
        return new TcpOption.WindowScale(b[d] & 0xFF);
      case TcpOption.KIND_SACK_PERMITTED:
        return SACK_OK;
      case TcpOption.KIND_TIMESTAMPS:
        return new TcpOption.Timestamps(i32(b, d), i32(b, d + 4));
      case TcpOption.KIND_SACK: {
        List<TcpOption.SackBlock> blocks = new ArrayList<>(4);
        for (int p = d; p < i + len; p += 8) {
          blocks.add(new TcpOption.SackBlock(i32(b, p), i32(b, p + 4)));
        }
        return new TcpOption.Sack(blocks);
      }
      default:
        byte[] data = new byte[len - 2];
        System.arraycopy(b, d, data, 0, data.length);
        return new TcpOption.Unknown(kind, data);
    }
  }

  private static void expectLength(int at, String name, int len, int need) throws DecodeException {
    if (len != need) {
      throw new DecodeException(at + 1, "TCP option " + name + " length " + len + ", need " + need);
    }
  }

  /** Bytes the options take, before padding. */
  public static int length(List<TcpOption> options) {
    int n = 0;
    for (int k = 0; k < options.size(); k++) { // indexed: no iterator per segment on the send path
      n += options.get(k).length();
    }
    return n;
  }

  /** Writes the options at {@code off}; returns the offset after them. */
  public static int write(List<TcpOption> options, byte[] b, int off) {
    int i = off;
    for (int k = 0; k < options.size(); k++) {
      TcpOption o = options.get(k);
      b[i] = (byte) o.kind();
      if (o.length() > 1) {
        b[i + 1] = (byte) o.length();
      }
      int d = i + 2;
      if (o instanceof TcpOption.Mss m) {
        putU16(b, d, m.mss());
      } else if (o instanceof TcpOption.WindowScale w) {
        b[d] = (byte) w.shift();
      } else if (o instanceof TcpOption.Timestamps t) {
        putI32(b, d, t.value());
        putI32(b, d + 4, t.echoReply());
      } else if (o instanceof TcpOption.Sack s) {
        for (TcpOption.SackBlock blk : s.blocks()) {
          putI32(b, d, blk.left());
          putI32(b, d + 4, blk.right());
          d += 8;
        }
      } else if (o instanceof TcpOption.Unknown u) {
        byte[] data = u.data();
        System.arraycopy(data, 0, b, d, data.length);
      }
      i += o.length();
    }
    return i;
  }

  static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  static int i32(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }

  static void putU16(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }

  static void putI32(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }
}
