package io.tcpfsm.sim;

/**
 * What one direction of a {@link SimLink} does to the frames it carries. Probabilities are per
 * frame, in [0, 1]; times are nanoseconds.
 *
 * @param loss probability a frame is dropped (after it used the link's bandwidth)
 * @param duplicate probability a frame is delivered twice (each copy delayed and corrupted
 *     independently)
 * @param reorder probability a frame is held back by {@code reorderDelayNanos} more, so that
 *     frames sent after it may arrive first
 * @param reorderDelayNanos the extra delay of a held-back frame
 * @param delayNanos propagation delay
 * @param jitterNanos a uniform extra delay in [0, jitter] per frame (which may reorder too)
 * @param corrupt probability one byte of a frame is flipped (XOR with a non-zero value)
 * @param bitsPerSecond bandwidth: a frame occupies the link for its serialisation time and
 *     frames queue behind each other; 0 means unlimited
 */
public record Impairments(
    double loss,
    double duplicate,
    double reorder,
    long reorderDelayNanos,
    long delayNanos,
    long jitterNanos,
    double corrupt,
    long bitsPerSecond) {

  /** A perfect link: no delay, nothing lost, unlimited bandwidth. */
  public static final Impairments NONE = new Impairments(0, 0, 0, 0, 0, 0, 0, 0);

  public Impairments {
    probability("loss", loss);
    probability("duplicate", duplicate);
    probability("reorder", reorder);
    probability("corrupt", corrupt);
    if (reorderDelayNanos < 0 || delayNanos < 0 || jitterNanos < 0 || bitsPerSecond < 0) {
      throw new IllegalArgumentException("delays and bandwidth must not be negative");
    }
  }

  private static void probability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be a probability in [0, 1]: " + p);
    }
  }

  public Impairments withLoss(double p) {
    return new Impairments(p, duplicate, reorder, reorderDelayNanos, delayNanos, jitterNanos, corrupt, bitsPerSecond);
  }

  public Impairments withDuplicate(double p) {
    return new Impairments(loss, p, reorder, reorderDelayNanos, delayNanos, jitterNanos, corrupt, bitsPerSecond);
  }

  public Impairments withReorder(double p, long extraDelayNanos) {
    return new Impairments(loss, duplicate, p, extraDelayNanos, delayNanos, jitterNanos, corrupt, bitsPerSecond);
  }

  public Impairments withDelay(long nanos, long jitter) {
    return new Impairments(loss, duplicate, reorder, reorderDelayNanos, nanos, jitter, corrupt, bitsPerSecond);
  }

  public Impairments withCorrupt(double p) {
    return new Impairments(loss, duplicate, reorder, reorderDelayNanos, delayNanos, jitterNanos, p, bitsPerSecond);
  }

  public Impairments withBandwidth(long bps) {
    return new Impairments(loss, duplicate, reorder, reorderDelayNanos, delayNanos, jitterNanos, corrupt, bps);
  }
}
