package io.tcpfsm.sim;

import static io.tcpfsm.sim.SimLink.Direction.A_TO_B;
import static io.tcpfsm.sim.SimLink.Direction.B_TO_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.Record;
import io.tcpfsm.time.VirtualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimLinkTest {
  private static final long MS = 1_000_000L;

  private record Delivery(SimLink.Direction direction, long at, byte[] bytes) {
    @Override
    public String toString() {
      return direction + "@" + at + ":" + Arrays.hashCode(bytes);
    }
  }

  private final VirtualClock clock = new VirtualClock();
  private final List<Delivery> got = new ArrayList<>();

  private void runUntilQuiet(SimLink link) {
    while (link.nextDeadline() != Long.MAX_VALUE) {
      clock.set(Math.max(clock.nanos(), link.nextDeadline()));
      link.poll(clock.nanos(), (d, at, bytes) -> got.add(new Delivery(d, at, bytes)));
    }
  }

  /** Sends {@code n} packets A to B, one every {@code gap} ns, polling as time goes. */
  private void sendStream(SimLink link, int n, long gap, int payload) {
    for (int i = 0; i < n; i++) {
      link.poll(clock.nanos(), (d, at, bytes) -> got.add(new Delivery(d, at, bytes)));
      link.send(A_TO_B, clock.nanos(), Packets.tcp(Packets.A, Packets.B, i * 1000, payload));
      clock.advance(gap);
    }
    runUntilQuiet(link);
  }

  @Test
  void aPerfectLinkWithDelayDeliversEverythingInOrderAfterTheDelay() {
    SimLink link = new SimLink(1, Impairments.NONE.withDelay(5 * MS, 0));
    link.send(A_TO_B, 0, Packets.tcp(Packets.A, Packets.B, 0, 10));
    link.send(A_TO_B, 1 * MS, Packets.tcp(Packets.A, Packets.B, 1000, 10));
    assertThat(link.nextDeadline()).isEqualTo(5 * MS);
    assertThat(link.poll(5 * MS - 1, (d, at, b) -> got.add(new Delivery(d, at, b)))).isZero();
    runUntilQuiet(link);
    assertThat(got).extracting(Delivery::at).containsExactly(5 * MS, 6 * MS);
    assertThat(got).extracting(d -> Packets.seq(d.bytes())).containsExactly(0, 1000);
    assertThat(link.stats()).isEqualTo(new LinkStats(2, 0, 0, 0, 0, 2));
  }

  @Test
  void bandwidthAddsSerialisationDelayAndQueuesBackToBackFrames() {
    SimLink link = new SimLink(1, Impairments.NONE.withBandwidth(1_000_000).withDelay(2 * MS, 0));
    byte[] p = Packets.tcp(Packets.A, Packets.B, 0, 1250 - 40); // 1250 bytes = 10 ms at 1 Mbit/s
    assertThat(p).hasSize(1250);
    link.send(A_TO_B, 0, p);
    link.send(A_TO_B, 0, p);
    link.send(A_TO_B, 50 * MS, p); // the link is idle again by then
    runUntilQuiet(link);
    assertThat(got).extracting(Delivery::at).containsExactly(12 * MS, 22 * MS, 62 * MS);
  }

  @Test
  void lossDropsAboutTheConfiguredFractionAndCountsEveryDrop() {
    SimLink link = new SimLink(7, Impairments.NONE.withLoss(0.1).withDelay(1 * MS, 0));
    sendStream(link, 10_000, 100_000, 20);
    LinkStats s = link.stats(A_TO_B);
    assertThat(s.sent()).isEqualTo(10_000);
    assertThat(s.lost()).isBetween(900L, 1100L);
    assertThat(s.delivered()).isEqualTo(s.sent() - s.lost()).isEqualTo(got.size());
  }

  @Test
  void duplicationDeliversSomeFramesTwiceAndCountsThem() {
    SimLink link = new SimLink(7, Impairments.NONE.withDuplicate(0.05).withDelay(1 * MS, 0));
    sendStream(link, 10_000, 100_000, 20);
    LinkStats s = link.stats(A_TO_B);
    assertThat(s.duplicated()).isBetween(400L, 600L);
    assertThat(s.delivered()).isEqualTo(10_000 + s.duplicated()).isEqualTo(got.size());
    long distinct = got.stream().map(d -> Packets.seq(d.bytes())).distinct().count();
    assertThat(distinct).isEqualTo(10_000);
  }

  @Test
  void reorderingLetsLaterFramesOvertakeAndTheCountMatchesTheDeliveryOrder() {
    SimLink link = new SimLink(9, Impairments.NONE.withReorder(0.1, 3 * MS).withDelay(1 * MS, 0));
    sendStream(link, 5_000, 1 * MS, 20);
    int overtaken = 0;
    int highest = -1;
    for (Delivery d : got) {
      int index = Packets.seq(d.bytes()) / 1000;
      if (index < highest) {
        overtaken++;
      }
      highest = Math.max(highest, index);
    }
    assertThat(overtaken).isBetween(400, 600);
    assertThat(link.stats(A_TO_B).reordered()).isEqualTo(overtaken);
    assertThat(got).hasSize(5_000);
  }

  @Test
  void jitterKeepsEveryArrivalWithinDelayPlusJitter() {
    SimLink link = new SimLink(3, Impairments.NONE.withDelay(10 * MS, 4 * MS));
    for (int i = 0; i < 1000; i++) {
      link.send(A_TO_B, i * 10 * MS, Packets.tcp(Packets.A, Packets.B, i * 1000, 0));
    }
    runUntilQuiet(link);
    for (Delivery d : got) {
      long sentAt = Packets.seq(d.bytes()) / 1000 * 10 * MS;
      assertThat(d.at() - sentAt).isBetween(10 * MS, 14 * MS);
    }
    assertThat(got.stream().map(Delivery::at).distinct().count()).isGreaterThan(900);
  }

  @Test
  void everyCorruptedFrameFailsTheIpOrTcpChecksumAndIsCounted() {
    SimLink link = new SimLink(11, Impairments.NONE.withCorrupt(0.3).withDelay(1 * MS, 0));
    sendStream(link, 5_000, 100_000, 64);
    long failing = got.stream().filter(d -> !Packets.intact(d.bytes())).count();
    LinkStats s = link.stats(A_TO_B);
    assertThat(s.corrupted()).isBetween(1300L, 1700L);
    assertThat(failing).isEqualTo(s.corrupted());
    SimLink all = new SimLink(12, Impairments.NONE.withCorrupt(1.0));
    got.clear();
    sendStream(all, 2_000, 1000, 0); // header-only segments: flips land in headers too
    assertThat(got).hasSize(2_000).noneMatch(d -> Packets.intact(d.bytes()));
    assertThat(all.stats().corrupted()).isEqualTo(2_000);
  }

  @Test
  void directionsHaveTheirOwnImpairments() {
    SimLink link = new SimLink(5, Impairments.NONE.withLoss(1.0), Impairments.NONE.withDelay(1 * MS, 0));
    link.send(A_TO_B, 0, Packets.tcp(Packets.A, Packets.B, 0, 0));
    link.send(B_TO_A, 0, Packets.tcp(Packets.B, Packets.A, 0, 0));
    runUntilQuiet(link);
    assertThat(got).extracting(Delivery::direction).containsExactly(B_TO_A);
    assertThat(link.stats(A_TO_B).lost()).isEqualTo(1);
    assertThat(link.stats(B_TO_A).delivered()).isEqualTo(1);
  }

  @Test
  void aFrameSentDuringAPollIsDeliveredByTheNextPoll() {
    SimLink link = new SimLink(5, Impairments.NONE);
    link.send(A_TO_B, 0, Packets.tcp(Packets.A, Packets.B, 0, 0));
    int n = link.poll(0, (d, at, bytes) -> link.send(B_TO_A, at, Packets.tcp(Packets.B, Packets.A, 0, 0)));
    assertThat(n).isEqualTo(1);
    assertThat(link.nextDeadline()).isZero();
    assertThat(link.poll(0, (d, at, bytes) -> got.add(new Delivery(d, at, bytes)))).isEqualTo(1);
    assertThat(got).extracting(Delivery::direction).containsExactly(B_TO_A);
  }

  private record Run(List<String> deliveries, LinkStats stats, byte[] pcap) {}

  private static Run run(long seed) throws Exception {
    Impairments im = new Impairments(0.05, 0.03, 0.05, 4 * MS, 10 * MS, 2 * MS, 0.02, 10_000_000);
    ByteArrayOutputStream pcap = new ByteArrayOutputStream();
    SimLink link = new SimLink(seed, im).capture(SimLink.pcapWriter(pcap));
    List<String> log = new ArrayList<>();
    VirtualClock clock = new VirtualClock();
    SimLink.Receiver echo = (d, at, bytes) -> {
      log.add(d + "@" + at + ":" + Arrays.hashCode(bytes));
      if (d == A_TO_B) { // B acknowledges every frame
        link.send(B_TO_A, at, Packets.tcp(Packets.B, Packets.A, Packets.seq(bytes), 0));
      }
    };
    for (int i = 0; i < 2_000; i++) {
      link.send(A_TO_B, clock.nanos(), Packets.tcp(Packets.A, Packets.B, i * 1000, 500));
      clock.advance(300_000);
      link.poll(clock.nanos(), echo);
    }
    while (link.nextDeadline() != Long.MAX_VALUE) {
      clock.set(Math.max(clock.nanos(), link.nextDeadline()));
      link.poll(clock.nanos(), echo);
    }
    return new Run(log, link.stats(), pcap.toByteArray());
  }

  @Test
  void theSameSeedGivesTheSameRunAndAnotherSeedAnotherRun() throws Exception {
    Run first = run(2024);
    Run second = run(2024);
    assertThat(second.deliveries()).isEqualTo(first.deliveries());
    assertThat(second.stats()).isEqualTo(first.stats());
    assertThat(second.pcap()).isEqualTo(first.pcap());
    LinkStats s = first.stats();
    assertThat(s.lost()).isPositive();
    assertThat(s.duplicated()).isPositive();
    assertThat(s.reordered()).isPositive();
    assertThat(s.corrupted()).isPositive();
    assertThat(run(2025).deliveries()).isNotEqualTo(first.deliveries());
  }

  @Test
  void thePcapHoldsEveryDeliveredFrameStampedWithVirtualTime() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SimLink link = new SimLink(1, Impairments.NONE.withDelay(1_500 * MS + 7, 0)).capture(SimLink.pcapWriter(out));
    link.send(A_TO_B, 0, Packets.tcp(Packets.A, Packets.B, 0, 3));
    link.send(B_TO_A, 2 * 1_000_000_000L, Packets.tcp(Packets.B, Packets.A, 0, 0));
    runUntilQuiet(link);
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(out.toByteArray()))) {
      Record first = r.next();
      Record second = r.next();
      assertThat(r.next()).isNull();
      assertThat(first.linkType()).isEqualTo(LinkType.IPV4);
      assertThat(first.epochSecond()).isEqualTo(1);
      assertThat(first.nanos()).isEqualTo(500_000_007);
      assertThat(first.bytes()).isEqualTo(got.get(0).bytes());
      assertThat(second.epochSecond()).isEqualTo(3);
      assertThat(second.nanos()).isEqualTo(500_000_007);
    }
  }
}
