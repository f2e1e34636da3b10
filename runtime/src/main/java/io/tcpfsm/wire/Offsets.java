package io.tcpfsm.wire;

/**
 * Field offsets and fixed lengths of the headers this package reads and writes, in one place
 * (as smoltcp's {@code mod field}); every decoder checks a length once and then reads these.
 */
public final class Offsets {
  private Offsets() {}

  // RFC 9293 §3.1, Figure 1: the TCP header.
  public static final int TCP_SRC_PORT = 0;
  public static final int TCP_DST_PORT = 2;
  public static final int TCP_SEQ = 4;
  public static final int TCP_ACK = 8;
  /** Data offset in its high 4 bits, then 4 reserved bits (RFC 9293 §3.1). */
  public static final int TCP_DATA_OFFSET = 12;
  /** CWR ECE URG ACK PSH RST SYN FIN (RFC 9293 §3.1, RFC 3168 §6.1). */
  public static final int TCP_FLAGS = 13;
  public static final int TCP_WINDOW = 14;
  public static final int TCP_CHECKSUM = 16;
  public static final int TCP_URGENT = 18;
  public static final int TCP_OPTIONS = 20;
  /** Data offset 5: a header without options (RFC 9293 §3.1). */
  public static final int TCP_MIN_HEADER = 20;
  /** Data offset 15, the largest the 4-bit field can say. */
  public static final int TCP_MAX_HEADER = 60;

  // RFC 791 §3.1: the IPv4 header.
  public static final int IPV4_VERSION_IHL = 0;
  public static final int IPV4_TOTAL_LENGTH = 2;
  public static final int IPV4_ID = 4;
  public static final int IPV4_FLAGS_FRAGMENT = 6;
  public static final int IPV4_TTL = 8;
  public static final int IPV4_PROTOCOL = 9;
  public static final int IPV4_CHECKSUM = 10;
  public static final int IPV4_SRC = 12;
  public static final int IPV4_DST = 16;
  public static final int IPV4_MIN_HEADER = 20;

  // RFC 8200 §3: the IPv6 header.
  public static final int IPV6_PAYLOAD_LENGTH = 4;
  public static final int IPV6_NEXT_HEADER = 6;
  public static final int IPV6_HOP_LIMIT = 7;
  public static final int IPV6_SRC = 8;
  public static final int IPV6_DST = 24;
  public static final int IPV6_HEADER = 40;

  /** IANA protocol number of TCP (RFC 9293 §3.1, pseudo-header PTCL). */
  public static final int PROTO_TCP = 6;
}
