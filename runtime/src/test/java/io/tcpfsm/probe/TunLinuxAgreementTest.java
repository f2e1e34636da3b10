package io.tcpfsm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.link.Netns;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.machine.TcpState;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's promise, pinned: the whole probe grid (every state, at least 400 probes) runs against
 * this machine's kernel, and the {@code linux} profile agrees with every probe it defines an
 * outcome for. The answer key is the kernel itself; a cell where the profile is known not to
 * encode Linux is a {@link KnownGaps} entry with its evidence in docs/linux-probes.md, and such an
 * entry must still be needed (a gap the kernel agrees with everywhere is stale). Needs root,
 * namespaces and TUN (skips naming what is missing); about 20 s with 4 namespaces.
 */
class TunLinuxAgreementTest {
  @Test
  void linuxProfileAgreesWithEveryProbeItDefines() throws Exception {
    String missing = Netns.unavailableReason();
    assumeTrue(missing == null, missing);
    List<Probe> probes = Probe.grid(Arrays.asList(TcpState.values()));
    List<Observation> seen = ProbeEngine.run(probes, 4, Path.of("target", "probe-agreement"), 100, TcpProfile.RFC9293.specName());
    assertTrue(seen.size() >= 400, "issue 13: at least 400 probes, got " + seen.size());
    seen.forEach(o -> assertTrue(o.ran(), o.probe().id() + " did not run: " + o.why()));

    TcpProfile linux = TcpProfile.LINUX;
    Matrix m = new Matrix(List.of(linux), seen);
    String differing = m.rows().stream()
        .filter(r -> Matrix.gap(linux, r).isEmpty() && !r.expected().get(0).agrees(r.seen()))
        .map(r -> r.seen().probe().id() + ": seen " + r.seen().sends() + " -> " + r.seen().state() + ", linux expects "
            + r.expected().get(0).text() + " by " + r.expected().get(0).citation())
        .collect(Collectors.joining("\n"));
    assertEquals("", differing, "cells where the linux profile defines an outcome the kernel does not show");
    assertEquals(m.defined(linux), m.agreements(linux));

    for (KnownGaps.Gap g : KnownGaps.ALL) {
      boolean needed = m.rows().stream().anyMatch(r -> Matrix.gap(linux, r).filter(g::equals).isPresent() && !r.expected().get(0).agrees(r.seen()));
      assertTrue(needed, "known gap " + g.name() + " covers no disagreement any more: remove it and update docs/linux-probes.md");
    }
  }
}
