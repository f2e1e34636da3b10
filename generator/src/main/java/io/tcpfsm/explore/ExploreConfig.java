package io.tcpfsm.explore;

/**
 * What to explore and the bounds of the exploration, each reported with the results.
 *
 * @param profileA the profile endpoint A follows
 * @param profileB the profile endpoint B follows
 * @param loss the network may lose any segment in flight
 * @param dup the network may deliver a segment and keep a copy in flight
 * @param reorder the network may deliver the segments of one direction in any order
 * @param capacity segments in flight per direction; a segment sent into a full channel is lost
 * @param inFlight segments in flight in the whole network, both directions together, or 0 for no
 *     bound but the channels'; a segment sent into a full network is lost, as into a full channel
 * @param maxSends SENDs (one byte of text each) per incarnation
 * @param rcvWnd RCV.WND, the receive window every endpoint offers (fixed)
 * @param maxStates stop expanding once this many joint states are known
 */
public record ExploreConfig(
    String profileA,
    String profileB,
    boolean loss,
    boolean dup,
    boolean reorder,
    int capacity,
    int inFlight,
    int maxSends,
    int rcvWnd,
    int maxStates) {
  public static final int DEFAULT_CAPACITY = 2;
  /** The most segments one direction holds (a channel packs them in a long). */
  public static final int MAX_CAPACITY = Channel.MAX_CAPACITY;
  public static final int DEFAULT_SENDS = 1;
  public static final int DEFAULT_WINDOW = 4;
  public static final int DEFAULT_MAX_STATES = 5_000_000;

  public ExploreConfig {
    check(capacity >= 1 && capacity <= Channel.MAX_CAPACITY, "capacity must be 1 to " + Channel.MAX_CAPACITY + ": " + capacity);
    check(inFlight >= 0 && inFlight <= 2 * Channel.MAX_CAPACITY, "in-flight must be 1 to " + 2 * Channel.MAX_CAPACITY + ": " + inFlight);
    check(maxSends >= 0 && maxSends <= 3, "sends must be 0 to 3: " + maxSends);
    check(rcvWnd >= 1 && rcvWnd <= 8, "window must be 1 to 8: " + rcvWnd);
    check(maxStates >= 1, "max states must be positive: " + maxStates);
  }

  /** Both endpoints follow {@code profile}; every other setting is the default, with no faults. */
  public static ExploreConfig of(String profile) {
    return new ExploreConfig(profile, profile, false, false, false, DEFAULT_CAPACITY, 0, DEFAULT_SENDS, DEFAULT_WINDOW, DEFAULT_MAX_STATES);
  }

  public ExploreConfig withFaults(boolean loss, boolean dup, boolean reorder) {
    return new ExploreConfig(profileA, profileB, loss, dup, reorder, capacity, inFlight, maxSends, rcvWnd, maxStates);
  }

  public ExploreConfig withProfiles(String a, String b) {
    return new ExploreConfig(a, b, loss, dup, reorder, capacity, inFlight, maxSends, rcvWnd, maxStates);
  }

  public ExploreConfig withBounds(int capacity, int maxSends, int maxStates) {
    return new ExploreConfig(profileA, profileB, loss, dup, reorder, capacity, inFlight, maxSends, rcvWnd, maxStates);
  }

  /**
   * At most {@code n} segments in the whole network, and a direction may hold all of them (up to
   * {@link Channel#MAX_CAPACITY}): the channels' capacity becomes {@code min(n, MAX_CAPACITY)}.
   */
  public ExploreConfig withInFlight(int n) {
    return new ExploreConfig(profileA, profileB, loss, dup, reorder, Math.min(n, Channel.MAX_CAPACITY), n, maxSends, rcvWnd, maxStates);
  }

  /** Whether a segment sent now joins the network: its channel holds fewer than capacity, the network fewer than in-flight. */
  boolean fits(int inChannel, int inNetwork) {
    return inChannel < capacity && (inFlight == 0 || inNetwork < inFlight);
  }

  /** Whether some direction can hold two segments, so that reordering can change an order. */
  public boolean canReorder() {
    return capacity >= 2 && (inFlight == 0 || inFlight >= 2);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
