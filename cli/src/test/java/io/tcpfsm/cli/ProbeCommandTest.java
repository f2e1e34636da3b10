package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.link.Netns;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  /**
   * Without root or TUN, exit 2 with a sentence naming what is missing. Where the tests run as root
   * (CI), the refusal is seen by running the command as {@code nobody}: a child JVM started with
   * {@code setpriv}, its class path copied where that user can read it.
   */
  @Test
  void missingPrivilegesAreNamed(@TempDir Path dir) throws Exception {
    String missing = Netns.unavailableReason();
    if (missing != null) {
      CliRun r = CliRun.run("probe", "--states", "LISTEN");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).contains("cannot probe here: " + missing);
      return;
    }
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "root, and setpriv (util-linux) is not installed to drop it");
    List<String> cp = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path from = Path.of(entry);
      if (Files.exists(from)) {
        Path to = dir.resolve(n++ + "-" + from.getFileName());
        copyReadable(from, to);
        cp.add(to.toString());
      }
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            java, "-cp", String.join(File.pathSeparator, cp), Main.class.getName(), "probe", "--states", "LISTEN")
        .directory(dir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(2);
    assertThat(err).contains("cannot probe here: creating network namespaces and TUN devices needs root");
  }

  private static void copyReadable(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path f : (Iterable<Path>) walk::iterator) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(f, t);
          Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
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
