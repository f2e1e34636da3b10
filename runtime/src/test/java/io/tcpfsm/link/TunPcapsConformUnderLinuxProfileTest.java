package io.tcpfsm.link;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * HOOK FOR THE INTEGRATOR (issue 13, point 2, "the trace checker judges it under --profile linux:
 * conforms"). {@link TunLinuxTransferTest} writes one pcap per transfer into {@code
 * runtime/target/tun-pcaps/} (NAME.pcap and NAME-loss.pcap, raw IPv4). The trace checker
 * ({@code ./tcpfsm trace}) and the {@code linux} profile were being built on other branches when
 * this was written; when both are merged, replace the assumption below with: for every pcap
 * there, the checker's verdict under profile {@code linux} is "conforms" (and run this test after
 * TunLinuxTransferTest, or have it produce the pcaps itself).
 */
class TunPcapsConformUnderLinuxProfileTest {
  @Test
  void everyTransferPcapConformsUnderLinux() {
    assumeTrue(false, "the trace checker and the linux profile are not on this branch yet: see this class's comment");
  }
}
