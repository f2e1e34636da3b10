package io.tcpfsm.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One TCP option (RFC 9293 §3.1 "Options", §3.2 "Specific Option Definitions"). Kinds this
 * project reads are typed; any other kind is kept byte for byte in {@link Unknown}, so that
 * encoding a decoded segment gives back the bytes it came from.
 */
public sealed interface TcpOption {
  int KIND_EOL = 0;
  int KIND_NOP = 1;
  int KIND_MSS = 2;
  int KIND_WINDOW_SCALE = 3;
  int KIND_SACK_PERMITTED = 4;
  int KIND_SACK = 5;
  int KIND_TIMESTAMPS = 8;

  /** The option's kind octet. */
  int kind();

  /** How many bytes the option takes on the wire, kind and length octets included. */
  int length();

  /** End of option list, kind 0, one octet (RFC 9293 §3.2). */
  record EndOfList() implements TcpOption {
    public int kind() {
      return KIND_EOL;
    }

    public int length() {
      return 1;
    }
  }

  /** No-operation, kind 1, one octet: pads to word boundaries (RFC 9293 §3.2). */
  record Nop() implements TcpOption {
    public int kind() {
      return KIND_NOP;
    }

    public int length() {
      return 1;
    }
  }

  /** Maximum segment size, kind 2, length 4, a 16-bit value (RFC 9293 §3.7.1). */
  record Mss(int mss) implements TcpOption {
    public Mss {
      Checks.checkArgument(mss >= 0 && mss <= 0xFFFF, "mss out of range: %s", mss);
    }

    public int kind() {
      return KIND_MSS;
    }

    public int length() {
      return 4;
    }
  }

  /** Window scale, kind 3, length 3, a shift count (RFC 7323 §2.2). */
  record WindowScale(int shift) implements TcpOption {
    public WindowScale {
      Checks.checkArgument(shift >= 0 && shift <= 0xFF, "shift out of range: %s", shift);
    }

    public int kind() {
      return KIND_WINDOW_SCALE;
    }

    public int length() {
      return 3;
    }
  }

  /** SACK permitted, kind 4, length 2 (RFC 2018 §2). */
  record SackPermitted() implements TcpOption {
    public int kind() {
      return KIND_SACK_PERMITTED;
    }

    public int length() {
      return 2;
    }
  }

  /** One SACK block: left edge, and right edge = the sequence number just after the block. */
  record SackBlock(int left, int right) {}

  /** SACK, kind 5, length 2 + 8n, n blocks (RFC 2018 §3); 40 option bytes fit at most 4. */
  record Sack(List<SackBlock> blocks) implements TcpOption {
    public Sack {
      blocks = List.copyOf(blocks);
      Checks.checkArgument(!blocks.isEmpty() && blocks.size() <= 4, "sack needs 1 to 4 blocks, got %s", blocks.size());
    }

    public int kind() {
      return KIND_SACK;
    }

    public int length() {
      return 2 + 8 * blocks.size();
    }
  }

  /** Timestamps, kind 8, length 10: TSval and TSecr (RFC 7323 §3.2). */
  record Timestamps(int value, int echoReply) implements TcpOption {
    public int kind() {
      return KIND_TIMESTAMPS;
    }

    public int length() {
      return 10;
    }
  }

  /** Any other kind, its data kept as received (RFC 9293 §3.1: unknown options must be skipped, not refused). */
  record Unknown(int kind, byte[] data) implements TcpOption {
    public Unknown {
      Checks.checkArgument(kind > KIND_NOP && kind <= 0xFF, "kind out of range: %s", kind);
      Checks.checkArgument(data.length <= 38, "option data too long: %s", data.length);
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    public int length() {
      return 2 + data.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Unknown u && u.kind == kind && Arrays.equals(u.data, data);
    }

    @Override
    public int hashCode() {
      return 31 * kind + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Unknown[kind=" + kind + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
  }
}
