package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.machine.TcpProfile;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A second look with more hypotheses where pruning left a connection inconclusive ({@link
 * TieredCheck}). {@code lossy-half-close.pcap} is the first 714 frames of a 1 MB half-closed
 * transfer between the Linux kernel (6.18) and tcpfsm's runtime (profile linux) over TUN with 1%
 * of packets dropped both ways (made on the project's CI machine type by {@code LinuxPeerMain
 * --only half-close-tcpfsm-first --bytes 1000000 --loss 0.01 --seed 28}): the transfer completed,
 * every byte checked by its receiver. The answer key is that run: two stacks that carried the
 * data whole over a lossy path, a capture of which is judged conforming, not inconclusive. Kept to
 * 64 hypotheses per end, the checker found none for frame 694: the losses in flight (up to 2^k
 * for k segments whose fate no ACK had shown yet) had pruned the one that held.
 */
class WideLookTest {
  @ParameterizedTest
  @EnumSource(TraceChecker.Mode.class)
  void aLossyTransferPruningLeftInconclusiveConformsOnTheSecondLook(TraceChecker.Mode mode) throws Exception {
    List<Verdict> verdicts = new ArrayList<>();
    TraceChecker checker = new TraceChecker(TcpProfile.LINUX, verdicts::add, mode).minTimeWait(500_000_000L);
    try (InputStream in = WideLookTest.class.getResourceAsStream("lossy-half-close.pcap");
        CaptureReader r = CaptureReader.open(in)) {
      long n = 0;
      for (var rec = r.next(); rec != null; rec = r.next()) {
        checker.accept(FrameDecoder.decode(rec), ++n, rec.epochSecond() * 1_000_000_000L + rec.nanos());
      }
    }
    checker.finish();
    assertThat(verdicts).singleElement().satisfies(v -> assertThat(v.kind()).as("%s", v).isEqualTo(Verdict.Kind.CONFORMS));
    assertThat(checker.widened()).isEqualTo(1);
  }
}
