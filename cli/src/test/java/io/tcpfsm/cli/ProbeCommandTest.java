package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.link.Netns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tcpfsm probe}: usage errors before anything runs, and a small run where root and TUN exist. */
class ProbeCommandTest {
  @Test
  void unknownProfileIsAUsageError() {
    CliRun r = CliRun.run("probe", "--profile", "bsd");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no profile 'bsd'").contains("rfc793").contains("rfc9293");
  }

  @Test
  void unknownStateIsAUsageError() {
    CliRun r = CliRun.run("probe", "--states", "ESTABLISHD");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no state 'ESTABLISHD'").contains("ESTABLISHED");
  }

  @Test
  void jobsOutOfRangeIsAUsageError() {
    assertThat(CliRun.run("probe", "--jobs", "0").exit()).isEqualTo(2);
  }

  /** Without root or TUN, exit 2 with a sentence naming what is missing. */
  @Test
  void missingPrivilegesAreNamed() {
    String missing = Netns.unavailableReason();
    assumeTrue(missing != null, "this machine can probe (root, ip, /dev/net/tun): the refusal cannot be seen here");
    CliRun r = CliRun.run("probe", "--states", "LISTEN");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("cannot probe here: " + missing);
  }

  /** LISTEN's 50 probes: the matrix, the summary per profile, and the files. */
  @Test
  void probesListenAndWritesItsFiles(@TempDir Path dir) throws Exception {
    String missing = Netns.unavailableReason();
    assumeTrue(missing == null, missing);
    CliRun r = CliRun.run("probe", "--states", "listen", "--out", dir.toString(), "--jobs", "2");
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    // RFC 9293 3.10.7.2: a SYN to a listener gets a SYN,ACK and the connection is SYN-RECEIVED
    assertThat(r.out()).contains("LISTEN      SYN     rcv_nxt    snd_nxt seen [SYN+ACK] -> SYN_RECV");
    assertThat(r.out()).containsPattern("rfc793 agrees on \\d+ of 50 cells").containsPattern("rfc9293 agrees on \\d+ of 50 cells");
    assertThat(Files.readString(dir.resolve("matrix.md"))).contains("| LISTEN | SYN | rcv_nxt | snd_nxt | SYN+ACK | SYN_RECV |");
    assertThat(Files.readString(dir.resolve("matrix.html"))).contains("<table>");
    assertThat(Files.readAllLines(dir.resolve("probes.json"))).hasSize(50)
        .allMatch(l -> l.startsWith("{\"state\":\"LISTEN\"") && l.contains("\"profiles\":{\"rfc793\":{\"expected\""));
    try (var pkts = Files.list(dir.resolve("pkt")); var pcaps = Files.list(dir.resolve("pcap"))) {
      assertThat(pkts.count()).isEqualTo(50);
      assertThat(pcaps.count()).isEqualTo(50);
    }
  }
}
