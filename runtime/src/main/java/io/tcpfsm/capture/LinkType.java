package io.tcpfsm.capture;

/** The link-layer header types this project decodes (tcpdump.org/linktypes.html; pcapng draft §4.2 LinkType). */
public final class LinkType {
  private LinkType() {}

  /** BSD loopback: 4-byte address family in the writer's byte order. */
  public static final int NULL = 0;
  public static final int ETHERNET = 1;
  /** DLT_RAW as OpenBSD numbers it; libpcap maps both to 101 in new files, older ones may hold these. */
  public static final int RAW_12 = 12;
  public static final int RAW_14 = 14;
  public static final int RAW = 101;
  /** OpenBSD loopback: like NULL with the family in network byte order. */
  public static final int LOOP = 108;
  public static final int LINUX_SLL = 113;
  public static final int IPV4 = 228;
  public static final int IPV6 = 229;
  public static final int LINUX_SLL2 = 276;

  public static boolean isSupported(int linkType) {
    return name(linkType) != null;
  }

  /** tcpdump's name for the link type, or null if this project does not decode it. */
  public static String name(int linkType) {
    return switch (linkType) {
      case NULL -> "NULL (BSD loopback)";
      case ETHERNET -> "EN10MB (Ethernet)";
      case RAW, RAW_12, RAW_14 -> "RAW (Raw IP)";
      case LOOP -> "LOOP (OpenBSD loopback)";
      case LINUX_SLL -> "LINUX_SLL (Linux cooked v1)";
      case IPV4 -> "IPV4 (Raw IPv4)";
      case IPV6 -> "IPV6 (Raw IPv6)";
      case LINUX_SLL2 -> "LINUX_SLL2 (Linux cooked v2)";
      default -> null;
    };
  }
}
