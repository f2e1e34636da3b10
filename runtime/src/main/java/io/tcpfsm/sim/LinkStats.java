package io.tcpfsm.sim;

/**
 * Counts of what a link did, a snapshot. {@code delivered = sent - lost + duplicated - inFlight};
 * {@code reordered} counts frames delivered after a frame sent later in the same direction;
 * {@code corrupted} counts frames (copies) that had a byte flipped.
 */
public record LinkStats(long sent, long lost, long duplicated, long reordered, long corrupted, long delivered) {
  public LinkStats plus(LinkStats o) {
    return new LinkStats(
        sent + o.sent, lost + o.lost, duplicated + o.duplicated, reordered + o.reordered,
        corrupted + o.corrupted, delivered + o.delivered);
  }
}
