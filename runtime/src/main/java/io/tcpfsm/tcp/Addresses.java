package io.tcpfsm.tcp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Literal IP addresses, parsed and printed without any name lookup. */
public final class Addresses {
  private Addresses() {}

  /** {@code 10.0.0.1} or {@code ::1}: a literal only (a name would mean a lookup). */
  public static byte[] parse(String literal) {
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      throw new IllegalArgumentException("not an IP address literal: " + literal);
    }
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + literal, e);
    }
  }

  static String format(byte[] address) {
    try {
      return InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException e) {
      return "?";
    }
  }
}
