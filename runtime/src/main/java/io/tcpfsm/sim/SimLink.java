package io.tcpfsm.sim;

import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.PcapWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A simulated network path between two endpoints, A and B, carrying encoded IP packets as byte
 * arrays. Each direction has its own {@link Impairments}: loss, duplication, reordering, delay
 * and jitter, corruption, bandwidth. Time is virtual and passed in: {@link #send} at the sender's
 * time, {@link #poll} delivers what has arrived by the given time, {@link #nextDeadline} says when
 * the next frame arrives. All randomness comes from one {@link SplittableRandom} seed, so a run is
 * the same for the same seed and the same calls.
 *
 * <p>Optionally every delivered frame (after corruption, duplicates included) is written to a
 * pcap with link type {@link LinkType#IPV4} and its arrival time as the timestamp: what a capture
 * at the receivers would show. Not thread-safe.
 */
public final class SimLink {
  /** The direction a frame travels. */
  public enum Direction {
    A_TO_B,
    B_TO_A
  }

  /** Receives delivered frames; {@code arrivalNanos} is when the frame arrived (<= the poll time). */
  @FunctionalInterface
  public interface Receiver {
    void receive(Direction direction, long arrivalNanos, byte[] packet);
  }

  private record InFlight(long arrival, long order, Direction direction, long sendIndex, byte[] bytes) {}

  private static final Comparator<InFlight> ARRIVAL =
      Comparator.comparingLong(InFlight::arrival).thenComparingLong(InFlight::order);

  private final Path ab;
  private final Path ba;
  private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>(ARRIVAL);
  private long order;
  private PcapWriter capture;

  public SimLink(long seed, Impairments aToB, Impairments bToA) {
    SplittableRandom root = new SplittableRandom(seed);
    this.ab = new Path(aToB, root.split());
    this.ba = new Path(bToA, root.split());
  }

  /** The same impairments both ways. */
  public SimLink(long seed, Impairments both) {
    this(seed, both, both);
  }

  /** Writes every delivered frame to {@code writer}, which should use {@link LinkType#IPV4}. */
  public SimLink capture(PcapWriter writer) {
    this.capture = writer;
    return this;
  }

  /** A nanosecond pcap writer of raw IPv4 frames, for {@link #capture}. */
  public static PcapWriter pcapWriter(OutputStream out) throws IOException {
    return new PcapWriter(out, LinkType.IPV4, 262_144, true, ByteOrder.LITTLE_ENDIAN);
  }

  private Path path(Direction d) {
    return d == Direction.A_TO_B ? ab : ba;
  }

  /** Sends a copy of {@code packet} in direction {@code d} at time {@code nowNanos}. */
  public void send(Direction d, long nowNanos, byte[] packet) {
    Path p = path(d);
    Impairments im = p.impairments;
    SplittableRandom r = p.random;
    long index = p.sent++;
    // Serialisation: the frame waits for the frames before it, then occupies the link.
    long start = Math.max(nowNanos, p.busyUntil);
    long tx = im.bitsPerSecond() == 0 ? 0 : ceilDiv(packet.length * 8L * 1_000_000_000L, im.bitsPerSecond());
    p.busyUntil = start + tx;
    if (r.nextDouble() < im.loss()) {
      p.lost++;
      return;
    }
    int copies = 1;
    if (r.nextDouble() < im.duplicate()) {
      copies = 2;
      p.duplicated++;
    }
    for (int c = 0; c < copies; c++) {
      long arrival = p.busyUntil + im.delayNanos();
      if (im.jitterNanos() > 0) {
        arrival += r.nextLong(im.jitterNanos() + 1);
      }
      if (r.nextDouble() < im.reorder()) {
        arrival += im.reorderDelayNanos();
      }
      byte[] bytes = packet.clone();
      if (bytes.length > 0 && r.nextDouble() < im.corrupt()) {
        bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
        p.corrupted++;
      }
      inFlight.add(new InFlight(arrival, order++, d, index, bytes));
    }
  }

  /**
   * Delivers, in arrival order, every frame that has arrived by {@code nowNanos}, and returns how
   * many. Frames sent by the receiver during this call are delivered by a later poll, even if they
   * are due already ({@link #nextDeadline()} then says so).
   */
  public int poll(long nowNanos, Receiver receiver) {
    List<InFlight> due = new ArrayList<>();
    while (!inFlight.isEmpty() && inFlight.peek().arrival() <= nowNanos) {
      due.add(inFlight.poll());
    }
    for (InFlight f : due) {
      Path p = path(f.direction());
      p.delivered++;
      if (f.sendIndex() < p.highestDelivered) {
        p.reordered++;
      }
      p.highestDelivered = Math.max(p.highestDelivered, f.sendIndex());
      if (capture != null) {
        try {
          capture.write(Math.floorDiv(f.arrival(), 1_000_000_000L), (int) Math.floorMod(f.arrival(), 1_000_000_000L), f.bytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      receiver.receive(f.direction(), f.arrival(), f.bytes());
    }
    return due.size();
  }

  /** When the next frame arrives, or {@link Long#MAX_VALUE} if none is in flight. */
  public long nextDeadline() {
    return inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek().arrival();
  }

  /** Frames in flight (sent, not lost, not yet delivered). */
  public int inFlight() {
    return inFlight.size();
  }

  public LinkStats stats(Direction d) {
    return path(d).stats();
  }

  /** Both directions added up. */
  public LinkStats stats() {
    return ab.stats().plus(ba.stats());
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static final class Path {
    final Impairments impairments;
    final SplittableRandom random;
    long busyUntil = Long.MIN_VALUE;
    long highestDelivered = -1;
    long sent;
    long lost;
    long duplicated;
    long reordered;
    long corrupted;
    long delivered;

    Path(Impairments impairments, SplittableRandom random) {
      this.impairments = impairments;
      this.random = random;
    }

    LinkStats stats() {
      return new LinkStats(sent, lost, duplicated, reordered, corrupted, delivered);
    }
  }
}
