package io.tcpfsm.link;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * HOOK FOR THE INTEGRATOR (issue 13, point 2, "the trace checker judges it under --profile linux:
 * conforms"). {@link TunLinuxTransferTest} writes one pcap per transfer into {@code
 * runtime/target/tun-pcaps/} (NAME.pcap and NAME-loss.pcap, raw IPv4). The trace checker
 * ({@code ./tcpfsm trace}) and the {@code linux} profile were being built on other branches when
 * this was written; when both are merged, replace the assumption below with: for every pcap
 * there, {@code new TraceChecker(TcpProfile.named("linux").orElseThrow(), verdicts::add)} fed
 * every frame ({@code CaptureReader}, {@code FrameDecoder.decode}) and {@code finish()}ed gives
 * verdicts that all conform (and run this test after TunLinuxTransferTest, or have it produce
 * the pcaps itself). Under rfc9293, main's checker (at a0565ac) found 13 of 20 conforming, none
 * deviating, 7 inconclusive (more than its 64 hypotheses fitted, after a burst of loss).
 */
class TunPcapsConformUnderLinuxProfileTest {
  @Test
  void everyTransferPcapConformsUnderLinux() {
    assumeTrue(false, "the trace checker and the linux profile are not on this branch yet: see this class's comment");
  }
}
