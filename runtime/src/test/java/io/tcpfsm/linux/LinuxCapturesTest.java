package io.tcpfsm.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.capture.Frame;
import io.tcpfsm.wire.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The captures of Linux's own TCP in captures/linux/ (its README says how they were made):
 * each decodes, frame for frame, as tcpdump reads it; each has the outline that
 * captures/linux/EXPECTED.md's verdicts rest on; and, where root, ip, tcpdump and nft are
 * there (CI), each scenario recorded afresh in a new network namespace has that outline again,
 * so a kernel that behaves otherwise turns this red.
 */
class LinuxCapturesTest {
  /** The outline of each scenario (see {@link Outline}), reviewed against tcpdump's reading of the committed captures. */
  private static final String OUTLINES = """
      client-close       | C:S S:S\\. C:F\\. S:F\\. / C:\\.
      server-close       | C:S S:S\\. S:F\\. C:F\\. / S:\\.
      half-close         | C:S S:S\\. C:F\\. S:F\\. / C:\\.
      abort              | C:S S:S\\. C:R\\. / C:R\\.
      refused            | C:S S:R\\. / S:R\\.
      unread-close       | C:S S:S\\. S:R\\. / S:R\\.
      simultaneous-close | C:S S:S\\. C:F\\. S:F\\. (C:F\\. )+/ S:\\.
      simultaneous-open  | C:S S:S( [CS]:S)* ([CS]:S\\. ){2}C:F\\. S:F\\. / C:\\.
      bulk               | C:S S:S\\. C:F\\. S:F\\. / C:\\.
      loss               | C:S S:S\\. C:F\\. S:F\\. / C:\\.
      ipv6-client-close  | C:S S:S\\. C:F\\. S:F\\. / C:\\.
      syn-retries        | C:S( C:S){2,} / C:S
      """;

  static Path dir() {
    String root = System.getProperty("tcpfsm.root");
    if (root != null && !root.contains("${") && Files.isDirectory(Path.of(root, "captures", "linux"))) {
      return Path.of(root, "captures", "linux");
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("captures").resolve("linux").resolve("README.md"))) {
        return d.resolve("captures").resolve("linux");
      }
    }
    throw new IllegalStateException("captures/linux/README.md not found above " + Path.of("").toAbsolutePath());
  }

  static Pattern outlineOf(String scenario) {
    for (String line : OUTLINES.strip().split("\n")) {
      String[] parts = line.split("\\|", 2);
      if (parts[0].strip().equals(scenario)) {
        return Pattern.compile(parts[1].strip());
      }
    }
    throw new IllegalArgumentException("no outline for " + scenario);
  }

  @Test
  void everyScenarioHasACommittedCaptureAndNoCaptureIsUnlisted() throws Exception {
    try (var files = Files.list(dir())) {
      List<String> pcaps = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap"))
          .map(n -> n.substring(0, n.length() - ".pcap".length())).sorted().toList();
      assertThat(pcaps).containsExactlyInAnyOrderElementsOf(LinuxCapture.SCENARIOS);
    }
    String readme = Files.readString(dir().resolve("README.md"));
    String expected = Files.readString(dir().resolve("EXPECTED.md"));
    for (String s : LinuxCapture.SCENARIOS) {
      assertThat(readme).as("README.md lists " + s).contains("`" + s + ".pcap`");
      for (String profile : List.of("linux", "rfc9293", "rfc793")) {
        assertThat(expected).as("EXPECTED.md has a verdict for " + s + " under " + profile).contains("| `" + s + ".pcap` | " + profile + " |");
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"client-close", "server-close", "half-close", "abort", "refused", "unread-close",
      "simultaneous-close", "simultaneous-open", "bulk", "loss", "ipv6-client-close", "syn-retries"})
  void committedCaptureHasItsOutline(String scenario) throws Exception {
    checkScenario(scenario, dir().resolve(scenario + ".pcap"));
  }

  @ParameterizedTest
  @CsvSource({"client-close", "server-close", "half-close", "abort", "refused", "unread-close",
      "simultaneous-close", "simultaneous-open", "bulk", "loss", "ipv6-client-close", "syn-retries"})
  void committedCaptureDecodesAsTcpdumpReadsIt(String scenario) throws Exception {
    assumeTrue(Tcpdump.available(), "tcpdump is not on the PATH: the decoder is compared with it");
    Path pcap = dir().resolve(scenario + ".pcap");
    Tcpdump.assertSameReading(pcap, Outline.read(pcap));
  }

  /** Records every scenario again, here and now, and checks it as the committed ones. */
  @ParameterizedTest
  @CsvSource({"client-close", "server-close", "half-close", "abort", "refused", "unread-close",
      "simultaneous-close", "simultaneous-open", "bulk", "loss", "ipv6-client-close", "syn-retries"})
  void freshRecordingOfLinuxHasTheSameOutline(String scenario, @TempDir Path tmp) throws Exception {
    Optional<String> missing = LinuxCapture.missing();
    assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
    Path pcap = tmp.resolve(scenario + ".pcap");
    LinuxCapture.record(scenario, pcap);
    checkScenario(scenario, pcap);
    Tcpdump.assertSameReading(pcap, Outline.read(pcap));
  }

  /** The outline, and what each scenario says beyond it (bytes, addresses, the RST's fields). */
  private static void checkScenario(String scenario, Path pcap) throws Exception {
    Outline o = Outline.read(pcap);
    for (Frame f : o.frames()) {
      assertThat(f.kind()).as(scenario + ": every frame is TCP").isEqualTo(Frame.Kind.TCP);
    }
    Matcher m = outlineOf(scenario).matcher(o.toString());
    assertThat(m.matches()).as(scenario + ": outline " + o + " matches " + outlineOf(scenario)).isTrue();
    List<Segment> segs = o.segments();
    switch (scenario) {
      case "client-close", "ipv6-client-close" -> assertThat(o.clientBytes()).isEqualTo(1000);
      case "server-close" -> assertThat(o.serverBytes()).isEqualTo(1000);
      case "half-close" -> {
        assertThat(o.clientBytes()).isEqualTo(100);
        assertThat(o.serverBytes()).isEqualTo(3000);
        // The server's text comes after the client's FIN (the client receives in FIN-WAIT-2).
        int clientFin = indexOf(segs, s -> Outline.fromClient(s) && s.fin());
        int firstServerText = indexOf(segs, s -> !Outline.fromClient(s) && s.length() > 0);
        assertThat(firstServerText).isGreaterThan(clientFin);
      }
      case "abort" -> {
        // RST,ACK at SND.NXT acknowledging RCV.NXT (tcp_send_active_reset), after 1,000 bytes.
        Segment rst = segs.get(segs.size() - 1);
        Segment lastData = lastMatching(segs, s -> Outline.fromClient(s) && s.length() > 0);
        assertThat(rst.seq()).isEqualTo(lastData.seq() + lastData.length());
        assertThat(rst.ack()).isEqualTo(lastData.ack());
      }
      case "refused" -> {
        // RFC 9293 3.10.7.1: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>
        assertThat(segs.get(1).seq()).isZero();
        assertThat(segs.get(1).ack()).isEqualTo(segs.get(0).seq() + 1);
      }
      case "unread-close" -> {
        // The RST acknowledges the 100 unread bytes and sits at the server's SND.NXT (nothing sent).
        Segment syn = segs.get(0);
        Segment synAck = segs.get(1);
        Segment rst = segs.get(segs.size() - 1);
        assertThat(o.clientBytes()).isEqualTo(100);
        assertThat(rst.ack()).isEqualTo(syn.seq() + 1 + 100);
        assertThat(rst.seq()).isEqualTo(synAck.seq() + 1);
      }
      case "simultaneous-close" -> {
        // The server's FIN does not acknowledge the client's: they crossed.
        Segment clientFin = firstMatching(segs, s -> Outline.fromClient(s) && s.fin());
        Segment serverFin = firstMatching(segs, s -> !Outline.fromClient(s) && s.fin());
        assertThat(serverFin.ack()).isEqualTo(clientFin.seq());
      }
      case "simultaneous-open" -> {
        // Both ends sent a SYN without ACK, and both a SYN,ACK: each went SYN-SENT -> SYN-RECEIVED.
        assertThat(segs).anyMatch(s -> Outline.fromClient(s) && s.syn() && !s.ackFlag());
        assertThat(segs).anyMatch(s -> !Outline.fromClient(s) && s.syn() && !s.ackFlag());
        assertThat(segs).anyMatch(s -> Outline.fromClient(s) && s.syn() && s.ackFlag());
        assertThat(segs).anyMatch(s -> !Outline.fromClient(s) && s.syn() && s.ackFlag());
      }
      case "bulk" -> {
        // No loss is injected, yet a loaded machine may see a tail loss probe or a spurious
        // retransmission (RFC 8985): so only the bytes are counted here.
        assertThat(o.clientBytes()).isEqualTo(SocketScenario.BULK_BYTES);
      }
      case "loss" -> {
        assertThat(o.clientBytes()).isEqualTo(SocketScenario.BULK_BYTES);
        assertThat(o.clientRetransmissions()).isPositive();
      }
      case "syn-retries" -> {
        // One SYN, retransmitted (same ISN), and nothing else: Linux gives up without a segment.
        assertThat(segs).allMatch(s -> Outline.fromClient(s) && s.syn() && !s.ackFlag() && s.seq() == segs.get(0).seq());
      }
      default -> throw new IllegalArgumentException(scenario);
    }
    boolean v6 = scenario.startsWith("ipv6-");
    assertThat(o.frames()).allMatch(f -> (f.ip().version() == 6) == v6);
  }

  private static int indexOf(List<Segment> segs, java.util.function.Predicate<Segment> p) {
    for (int i = 0; i < segs.size(); i++) {
      if (p.test(segs.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no such segment");
  }

  private static Segment firstMatching(List<Segment> segs, java.util.function.Predicate<Segment> p) {
    return segs.get(indexOf(segs, p));
  }

  private static Segment lastMatching(List<Segment> segs, java.util.function.Predicate<Segment> p) {
    Segment last = null;
    for (Segment s : segs) {
      if (p.test(s)) {
        last = s;
      }
    }
    assertThat(last).isNotNull();
    return last;
  }
}
