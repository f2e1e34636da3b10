package io.tcpfsm.trace;

import static io.tcpfsm.trace.HandCapture.ACK;
import static io.tcpfsm.trace.HandCapture.PSH;
import static io.tcpfsm.trace.HandCapture.RST;
import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.Record;
import io.tcpfsm.machine.TcpProfile;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TieredCheck}'s bounds: where a connection's frames were not all kept for a replay, tier 0
 * hands over to the full checker with its own hypotheses, and a frame that none of them explains is
 * inconclusive, as after pruning (TraceFastPathTest has the unbounded case: verdicts as the full
 * checker's). The answer keys are the hand-written captures' own (TraceDeviationTest's reasoning)
 * and the Linux captures' (captures/linux/EXPECTED.md).
 */
class TieredCheckTest {
  /** The checker with at most {@code perConnection} frames kept per connection and {@code total} for all. */
  private static List<Verdict> check(byte[] capture, TcpProfile profile, int perConnection, long total) throws Exception {
    List<Verdict> out = new ArrayList<>();
    TraceChecker checker = new TraceChecker(profile, out::add, false, TraceChecker.Mode.TIERED, total);
    checker.replayFrames = perConnection;
    Traces.run(capture, checker);
    return out;
  }

  /** a aborts (frame 6) and then sends text (frame 7): a deviation at 7 (TraceDeviationTest.dataAfterReset). */
  private static byte[] dataAfterReset() {
    return new HandCapture().handshake().a(ACK | PSH, 1001, 5001, 100).b(ACK, 5001, 1101, 0).a(RST, 1101, 0, 0)
        .a(ACK | PSH, 1101, 5001, 10).bytes();
  }

  @Test
  void aDeviationWithEveryFrameKeptIsTheFullCheckersDeviation() throws Exception {
    List<Verdict> v = check(dataAfterReset(), TcpProfile.RFC9293, ReplayBuffer.MAX_FRAMES, ReplayBuffer.MAX_TOTAL);
    assertThat(v).hasSize(1);
    assertThat(v.get(0).kind()).isEqualTo(Verdict.Kind.DEVIATES);
    assertThat(v.get(0).deviation().frame()).isEqualTo(7);
  }

  @Test
  void aDeviationPastTheConnectionsBoundIsInconclusiveWithTheBoundAsItsReason() throws Exception {
    List<Verdict> v = check(dataAfterReset(), TcpProfile.RFC9293, 4, ReplayBuffer.MAX_TOTAL);
    assertThat(v).hasSize(1);
    assertThat(v.get(0).kind()).isEqualTo(Verdict.Kind.INCONCLUSIVE);
    assertThat(v.get(0).reason()).isEqualTo("no hypothesis explains frame 7, but those assuming a hidden event (a loss, a crossing, a copy)"
        + " before frame 7 were not kept: a connection's first 4 frames are kept to check them again with such hypotheses, and this one had more");
    assertThat(v.get(0).deviation().frame()).isEqualTo(7); // what was seen there is still reported
  }

  @Test
  void aDeviationPastTheCheckersBoundIsInconclusiveWithThatBound() throws Exception {
    List<Verdict> v = check(dataAfterReset(), TcpProfile.RFC9293, ReplayBuffer.MAX_FRAMES, 3);
    assertThat(v.get(0).kind()).isEqualTo(Verdict.Kind.INCONCLUSIVE);
    assertThat(v.get(0).reason()).endsWith("had reached their bound of 3 for all connections");
  }

  /**
   * Past the bound, a loss is still explained: the full checker goes on from tier 0's hypotheses.
   * loss.pcap (Linux, a segment dropped after the capture point and retransmitted) conforms under
   * linux (captures/linux/EXPECTED.md) with one frame kept or all of them.
   */
  @Test
  void aLossPastTheBoundIsStillExplained() throws Exception {
    byte[] capture = Files.readAllBytes(Traces.captures().resolve("linux/loss.pcap"));
    List<Verdict> kept = check(capture, TcpProfile.LINUX, ReplayBuffer.MAX_FRAMES, ReplayBuffer.MAX_TOTAL);
    List<Verdict> unkept = check(capture, TcpProfile.LINUX, 1, ReplayBuffer.MAX_TOTAL);
    assertThat(kept).extracting(Verdict::kind).containsExactly(Verdict.Kind.CONFORMS);
    assertThat(unkept).extracting(Verdict::kind).containsExactly(Verdict.Kind.CONFORMS);
    assertThat(unkept.get(0).finalA()).isEqualTo(kept.get(0).finalA());
    assertThat(unkept.get(0).finalB()).isEqualTo(kept.get(0).finalB());
  }

  /**
   * What tier 0 saves: on a clean bulk transfer (bulk.pcap: Linux on loopback, 200,000 bytes, no
   * loss, captures/linux/EXPECTED.md) it explains every frame with hypotheses that assume no hidden
   * event, never replays, and holds no more than a few per end, where the full checker holds 64.
   */
  @Test
  void aCleanBulkTransferNeedsNoHiddenEventNorReplay() throws Exception {
    byte[] capture = Files.readAllBytes(Traces.captures().resolve("linux/bulk.pcap"));
    List<Verdict> out = new ArrayList<>();
    TraceChecker checker = new TraceChecker(TcpProfile.LINUX, out::add, TraceChecker.Mode.TIERED);
    int most = 0;
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(capture))) {
      long n = 0;
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        checker.accept(FrameDecoder.decode(rec), ++n, rec.epochSecond() * 1_000_000_000L + rec.nanos());
        String dump = checker.dump();
        assertThat(dump).as("frame %d", n).doesNotContainPattern("losses [1-9]|crossings [1-9]|copies [1-9]");
        most = Math.max(most, (int) dump.lines().filter(l -> l.startsWith("  ")).count());
      }
    }
    checker.finish();
    assertThat(out).extracting(Verdict::kind).containsExactly(Verdict.Kind.CONFORMS);
    assertThat(checker.replays()).isZero();
    assertThat(most).as("candidates of both ends at once").isLessThanOrEqualTo(8);
  }

  /** A frame's fields survive the buffer's packing, the extremes of each included. */
  @Test
  void theBufferGivesBackWhatItKept() {
    ReplayBuffer b = new ReplayBuffer(new ReplayBuffer.Budget(10), 10);
    TraceSegment[] in = {
        new TraceSegment(1, true, 0x002, 0xFFFF_FFFFL, 0, 65535, 14, 0, false),
        new TraceSegment(1L << 40, false, 0xFFF, 0, 0xFFFF_FFFFL, 0, -1, (1 << 25) - 1, true),
        new TraceSegment(7, true, 0x018, 12345, 67890, 512, 255, 1448, false)}; // a corrupted option's shift: any octet
    for (int i = 0; i < in.length; i++) {
      assertThat(b.add(in[i], -5L + i)).isTrue();
    }
    for (int i = 0; i < in.length; i++) {
      assertThat(b.segment(i)).isEqualTo(in[i]);
      assertThat(b.time(i)).isEqualTo(-5L + i);
    }
    assertThat(b.add(new TraceSegment(8, true, 0x010, 1, 1, 1, -1, 1 << 25, false), 0)).as("a jumbogram's text").isFalse();
  }
}
