package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tcpfsm simulate}: every scenario over a hostile link, and the pcap it writes read by tshark. */
class SimulateCommandTest {
  private static final String HOSTILE = "--loss 0.2 --reorder 0.1 --dup 0.05 --corrupt 0.01";

  @TempDir Path dir;

  private static CliRun simulate(String scenario, long seed, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("simulate", "--scenario", scenario, "--seed", Long.toString(seed), "--bytes", "30000", "--json"));
    args.addAll(List.of(HOSTILE.split(" ")));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"client-close", "server-close", "simultaneous-open", "simultaneous-close", "half-close", "abort", "refused", "bulk"})
  void everyScenarioIsOkOverAHostileLinkForManySeeds(String scenario) {
    for (long seed = 1; seed <= 8; seed++) {
      CliRun r = simulate(scenario, seed);
      assertThat(r.out()).as("%s seed %d", scenario, seed).contains("\"ok\":true").contains("\"scenario\":\"" + scenario + "\"");
      assertThat(r.exit()).isZero();
    }
  }

  @Test
  void jsonHasTheDocumentedShape() {
    CliRun r = CliRun.run("simulate", "--scenario", "client-close", "--json");
    assertThat(r.out()).startsWith("{\"scenario\":\"client-close\",\"seed\":1,\"profile\":\"rfc9293\",\"client\":{\"states\":[\"CLOSED\",\"SYN_SENT\",\"ESTABLISHED\",\"FIN_WAIT1\",\"FIN_WAIT2\",\"TIME_WAIT\",\"CLOSED\"],\"final\":\"CLOSED\",\"bytes_sent\":100000,\"bytes_delivered\":0");
    assertThat(r.out()).contains("\"server\":{\"states\":[\"CLOSED\",\"LISTEN\",\"SYN_RECV\",\"ESTABLISHED\",\"CLOSE_WAIT\",\"LAST_ACK\",\"CLOSED\"],\"final\":\"CLOSED\",\"bytes_sent\":0,\"bytes_delivered\":100000");
    assertThat(r.out()).contains("\"retransmissions\":").contains("\"frames\":").contains("\"corrupted\":0").contains("\"ok\":true");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThat(CliRun.run("simulate", "--scenario", "nope").exit()).isEqualTo(2);
    assertThat(CliRun.run("simulate", "--scenario", "bulk", "--loss", "2").exit()).isEqualTo(2);
    assertThat(CliRun.run("simulate", "--scenario", "bulk", "--profile", "rfc1").exit()).isEqualTo(2);
    assertThat(CliRun.run("simulate", "--scenario", "bulk", "--delay", "soon").exit()).isEqualTo(2);
  }

  /**
   * tshark (an independent reader) opens the pcap: no malformed frame, and exactly the frames the
   * link corrupted on purpose fail their TCP or IP checksum.
   */
  @Test
  void thePcapOpensInTsharkWithOnlyTheCorruptedFramesBad() throws Exception {
    assumeTrue(ExternalTools.available("tshark"), "tshark is not installed: apt-get install -y tshark to run this check");
    Path pcap = dir.resolve("run.pcap");
    CliRun r = CliRun.run("simulate", "--scenario", "bulk", "--seed", "5", "--bytes", "30000", "--json",
        "--loss", "0.2", "--reorder", "0.1", "--dup", "0.05", "--corrupt", "0.05", "--pcap", pcap.toString());
    assertThat(r.exit()).isZero();
    Matcher m = Pattern.compile("\"corrupted\":(\\d+)").matcher(r.out());
    assertThat(m.find()).isTrue();
    int corrupted = Integer.parseInt(m.group(1));
    assertThat(corrupted).isPositive();
    Process p = new ProcessBuilder("tshark", "-r", pcap.toString(), "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
        "-T", "fields", "-e", "frame.number", "-e", "tcp.checksum.status", "-e", "ip.checksum.status", "-e", "_ws.malformed", "-e", "_ws.expert.message")
        .redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    int bad = 0;
    int frames = 0;
    for (String line : out.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      frames++;
      String[] f = line.split("\t", -1);
      assertThat(f.length > 3 ? f[3] : "").as("frame %s is malformed", f[0]).isEmpty();
      // status 0 = bad, 1 = good, 2 = unverified (a header cut by corruption)
      boolean tcpBad = !f[1].isEmpty() && !f[1].equals("1");
      boolean ipBad = f.length > 2 && !f[2].isEmpty() && !f[2].equals("1");
      if (tcpBad || ipBad || f[1].isEmpty()) {
        bad++;
      }
    }
    assertThat(frames).isGreaterThan(40);
    assertThat(bad).as("frames failing a checksum").isEqualTo(corrupted);
  }
}
