package io.tcpfsm.cli;

import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.Record;
import io.tcpfsm.wire.IpHeader;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * One line per frame in the style of {@code tcpdump -S -n} (tcpdump 4.99 print-tcp.c): time, "IP"
 * or "IP6", endpoints, flags, absolute seq/ack, window, urgent pointer, options, length. A bad
 * checksum is flagged after the length, as tcpdump -v flags UDP's: {@code [bad tcp cksum 0x1 -> 0x2!]}.
 */
final class TcpdumpFormat {
  private final ZoneRules zone;
  private final boolean nano;

  TcpdumpFormat(ZoneId zone, boolean nano) {
    this.zone = zone.getRules();
    this.nano = nano;
  }

  /** Appends the line for a TCP, fragment or malformed frame (without newline). */
  void append(StringBuilder sb, Record r, Frame f) {
    appendTime(sb, r.epochSecond(), r.nanos());
    IpHeader ip = f.ip();
    if (ip == null) {
      sb.append(" malformed frame: ").append(f.error().reason()).append(" at offset ").append(f.error().offset());
      return;
    }
    sb.append(ip.version() == 4 ? " IP " : " IP6 ");
    Segment s = f.segment();
    if (s == null) {
      Addresses.append(sb, ip.src());
      sb.append(" > ");
      Addresses.append(sb, ip.dst());
      if (f.kind() == Frame.Kind.FRAGMENT) {
        sb.append(": tcp fragment (not reassembled)");
      } else {
        sb.append(": malformed tcp: ").append(f.error().reason()).append(" at offset ").append(f.error().offset());
      }
      return;
    }
    Addresses.append(sb, ip.src());
    sb.append('.').append(s.srcPort()).append(" > ");
    Addresses.append(sb, ip.dst());
    sb.append('.').append(s.dstPort()).append(": Flags [");
    appendFlags(sb, s.flags());
    sb.append(']');
    int length = f.tcpLength();
    // print-tcp.c: the sequence number is shown when there is data or SYN/FIN/RST, "seq a:b" with data.
    if (length > 0 || (s.flags() & (Segment.SYN | Segment.FIN | Segment.RST)) != 0) {
      sb.append(", seq ").append(Integer.toUnsignedLong(s.seq()));
      if (length > 0) {
        sb.append(':').append(Integer.toUnsignedLong(s.seq() + length));
      }
    }
    if (s.ackFlag()) {
      sb.append(", ack ").append(Integer.toUnsignedLong(s.ack()));
    }
    sb.append(", win ").append(s.window());
    if (s.urg()) {
      sb.append(", urg ").append(s.urgentPointer());
    }
    if (s.dataOffset() > 5) {
      sb.append(", options [");
      appendOptions(sb, s);
      sb.append(']');
    }
    sb.append(", length ").append(length);
    if (f.checksum() == Frame.ChecksumStatus.BAD) {
      sb.append(String.format(" [bad tcp cksum 0x%04x -> 0x%04x!]", s.checksum(), f.expectedChecksum()));
    }
    if (!ip.headerChecksumOk()) {
      sb.append(" [bad ip cksum]");
    }
  }

  void appendTime(StringBuilder sb, long epochSecond, int nanos) {
    // A capture's clock may be anywhere in a long (pcapng's if_tsoffset is any 64-bit number);
    // Instant holds about ±10^9 years, so the zone's rules are asked at the nearest instant it has.
    long clamped = Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), epochSecond));
    ZoneOffset off = zone.isFixedOffset() ? zone.getOffset(Instant.EPOCH) : zone.getOffset(Instant.ofEpochSecond(clamped));
    long local = Math.floorMod(Math.floorMod(epochSecond, 86_400L) + off.getTotalSeconds(), 86_400L);
    two(sb, (int) (local / 3600));
    sb.append(':');
    two(sb, (int) (local / 60 % 60));
    sb.append(':');
    two(sb, (int) (local % 60));
    sb.append('.');
    // tcpdump prints microseconds, truncating nanosecond timestamps, unless --nano.
    String frac = nano ? Integer.toString(nanos) : Integer.toString(nanos / 1000);
    for (int i = frac.length(); i < (nano ? 9 : 6); i++) {
      sb.append('0');
    }
    sb.append(frac);
  }

  private static void two(StringBuilder sb, int v) {
    if (v < 10) {
      sb.append('0');
    }
    sb.append(v);
  }

  /** print-tcp.c tcp_flag_values, in its order; "none" when no flag is set. */
  static void appendFlags(StringBuilder sb, int flags) {
    int start = sb.length();
    if ((flags & Segment.FIN) != 0) sb.append('F');
    if ((flags & Segment.SYN) != 0) sb.append('S');
    if ((flags & Segment.RST) != 0) sb.append('R');
    if ((flags & Segment.PSH) != 0) sb.append('P');
    if ((flags & Segment.ACK) != 0) sb.append('.');
    if ((flags & Segment.URG) != 0) sb.append('U');
    if ((flags & Segment.ECE) != 0) sb.append('E');
    if ((flags & Segment.CWR) != 0) sb.append('W');
    if (sb.length() == start) {
      sb.append("none");
    }
  }

  /** print-tcp.c: names from tcp_option_values, "unknown-N" and hex data for the rest; stops after eol. */
  static void appendOptions(StringBuilder sb, Segment s) {
    boolean first = true;
    for (TcpOption o : s.options()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      if (o instanceof TcpOption.EndOfList) {
        sb.append("eol");
      } else if (o instanceof TcpOption.Nop) {
        sb.append("nop");
      } else if (o instanceof TcpOption.Mss m) {
        sb.append("mss ").append(m.mss());
      } else if (o instanceof TcpOption.WindowScale w) {
        sb.append("wscale ").append(w.shift());
      } else if (o instanceof TcpOption.SackPermitted) {
        sb.append("sackOK");
      } else if (o instanceof TcpOption.Sack k) {
        sb.append("sack ").append(k.blocks().size()).append(' ');
        for (TcpOption.SackBlock b : k.blocks()) {
          sb.append('{').append(Integer.toUnsignedLong(b.left())).append(':').append(Integer.toUnsignedLong(b.right())).append('}');
        }
      } else if (o instanceof TcpOption.Timestamps t) {
        sb.append("TS val ").append(Integer.toUnsignedLong(t.value())).append(" ecr ").append(Integer.toUnsignedLong(t.echoReply()));
      } else if (o instanceof TcpOption.Unknown u) {
        sb.append(knownName(u.kind()));
        byte[] d = u.data();
        if (d.length > 0) {
          sb.append(" 0x");
          for (byte x : d) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
          }
        }
      }
    }
  }

  private static String knownName(int kind) {
    return "unknown-" + kind;
  }
}
