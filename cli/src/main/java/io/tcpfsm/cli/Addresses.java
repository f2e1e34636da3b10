package io.tcpfsm.cli;

/** IP addresses as tcpdump -n prints them: dotted quad, and IPv6 as glibc's inet_ntop does (RFC 5952 style). */
final class Addresses {
  private Addresses() {}

  static void append(StringBuilder sb, byte[] a) {
    if (a.length == 4) {
      appendV4(sb, a, 0);
    } else {
      appendV6(sb, a);
    }
  }

  private static void appendV4(StringBuilder sb, byte[] a, int off) {
    sb.append(a[off] & 0xFF).append('.').append(a[off + 1] & 0xFF).append('.')
        .append(a[off + 2] & 0xFF).append('.').append(a[off + 3] & 0xFF);
  }

  /**
   * inet_ntop(AF_INET6): the longest run (first if tied) of two or more zero words becomes "::",
   * words in lower-case hex without leading zeros; ::a.b.c.d and ::ffff:a.b.c.d keep a dotted tail.
   */
  private static void appendV6(StringBuilder sb, byte[] a) {
    int[] w = new int[8];
    for (int i = 0; i < 8; i++) {
      w[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
    }
    int bestBase = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (w[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && w[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestBase = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestBase = -1;
    }
    for (int i = 0; i < 8; i++) {
      if (bestBase != -1 && i >= bestBase && i < bestBase + bestLen) {
        if (i == bestBase) {
          sb.append(':');
        }
        continue;
      }
      if (i != 0) {
        sb.append(':');
      }
      // glibc: an IPv4-compatible (::a.b.c.d) or mapped (::ffff:a.b.c.d) address ends in dotted form.
      if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 7 && w[7] != 1) || (bestLen == 5 && w[5] == 0xFFFF))) {
        appendV4(sb, a, 12);
        return;
      }
      sb.append(Integer.toHexString(w[i]));
    }
    if (bestBase != -1 && bestBase + bestLen == 8) {
      sb.append(':');
    }
  }
}
