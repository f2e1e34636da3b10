package io.tcpfsm.cli;

import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.Record;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;

/** One JSON object per frame for {@code decode --json}; sequence numbers absolute, as unsigned integers. */
final class JsonFormat {
  private JsonFormat() {}

  static void append(StringBuilder sb, Record r, Frame f) {
    sb.append("{\"offset\":").append(r.offset());
    sb.append(",\"time\":\"").append(r.epochSecond()).append('.');
    String n = Integer.toString(r.nanos());
    sb.append("000000000", 0, 9 - n.length()).append(n).append('"');
    sb.append(",\"kind\":\"").append(f.kind().name().toLowerCase(java.util.Locale.ROOT)).append('"');
    if (f.ip() != null) {
      sb.append(",\"ip\":").append(f.ip().version());
      sb.append(",\"src\":\"");
      Addresses.append(sb, f.ip().src());
      sb.append("\",\"dst\":\"");
      Addresses.append(sb, f.ip().dst());
      sb.append('"');
    }
    Segment s = f.segment();
    if (s != null) {
      sb.append(",\"sport\":").append(s.srcPort()).append(",\"dport\":").append(s.dstPort());
      sb.append(",\"flags\":\"");
      TcpdumpFormat.appendFlags(sb, s.flags());
      sb.append("\",\"seq\":").append(Integer.toUnsignedLong(s.seq()));
      sb.append(",\"ack\":").append(Integer.toUnsignedLong(s.ack()));
      sb.append(",\"win\":").append(s.window());
      sb.append(",\"urg\":").append(s.urgentPointer());
      sb.append(",\"options\":[");
      boolean first = true;
      for (TcpOption o : s.options()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        appendOption(sb, o);
      }
      sb.append("],\"length\":").append(f.tcpLength());
      sb.append(",\"captured\":").append(s.length());
      sb.append(",\"checksum\":\"").append(f.checksum().name().toLowerCase(java.util.Locale.ROOT)).append('"');
      sb.append(",\"cksum\":").append(s.checksum());
      if (f.checksum() == Frame.ChecksumStatus.BAD) {
        sb.append(",\"expected_cksum\":").append(f.expectedChecksum());
      }
    }
    if (f.error() != null) {
      sb.append(",\"error\":{\"offset\":").append(f.error().offset()).append(",\"reason\":");
      Json.string(f.error().reason(), sb);
      sb.append('}');
    }
    sb.append('}');
  }

  private static void appendOption(StringBuilder sb, TcpOption o) {
    if (o instanceof TcpOption.EndOfList) {
      sb.append("{\"kind\":\"eol\"}");
    } else if (o instanceof TcpOption.Nop) {
      sb.append("{\"kind\":\"nop\"}");
    } else if (o instanceof TcpOption.Mss m) {
      sb.append("{\"kind\":\"mss\",\"value\":").append(m.mss()).append('}');
    } else if (o instanceof TcpOption.WindowScale w) {
      sb.append("{\"kind\":\"wscale\",\"value\":").append(w.shift()).append('}');
    } else if (o instanceof TcpOption.SackPermitted) {
      sb.append("{\"kind\":\"sackOK\"}");
    } else if (o instanceof TcpOption.Sack k) {
      sb.append("{\"kind\":\"sack\",\"blocks\":[");
      for (int i = 0; i < k.blocks().size(); i++) {
        TcpOption.SackBlock b = k.blocks().get(i);
        sb.append(i == 0 ? "" : ",").append('[').append(Integer.toUnsignedLong(b.left())).append(',')
            .append(Integer.toUnsignedLong(b.right())).append(']');
      }
      sb.append("]}");
    } else if (o instanceof TcpOption.Timestamps t) {
      sb.append("{\"kind\":\"TS\",\"val\":").append(Integer.toUnsignedLong(t.value()))
          .append(",\"ecr\":").append(Integer.toUnsignedLong(t.echoReply())).append('}');
    } else if (o instanceof TcpOption.Unknown u) {
      sb.append("{\"kind\":").append(u.kind()).append(",\"data\":\"")
          .append(java.util.HexFormat.of().formatHex(u.data())).append("\"}");
    }
  }
}
