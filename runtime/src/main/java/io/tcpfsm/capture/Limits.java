package io.tcpfsm.capture;

/**
 * Bounds that keep readers' memory bounded whatever a file claims: a length above these is an
 * error, never an allocation.
 */
public final class Limits {
  private Limits() {}

  /** Largest packet a reader accepts: libpcap's MAXIMUM_SNAPLEN (262144), tcpdump's default snap length. */
  public static final int MAX_PACKET = 262_144;

  /** Largest pcapng block: a MAX_PACKET packet plus 16 KiB for block fields and options. */
  public static final int MAX_BLOCK = MAX_PACKET + 16_384;

  /** Problems kept for the caller's report when records are skipped; the count goes on past it. */
  public static final int MAX_KEPT_PROBLEMS = 100;
}
