package io.tcpfsm.cli;

import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.scenario.Scenario;
import io.tcpfsm.scenario.ScenarioResult;
import io.tcpfsm.scenario.ScenarioRunner;
import io.tcpfsm.sim.Impairments;
import io.tcpfsm.sim.LinkStats;
import io.tcpfsm.sim.SimLink;
import io.tcpfsm.tcp.TcpConfig;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tcpfsm simulate}: two endpoints of the runtime through a scenario over a simulated link. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run two endpoints of tcpfsm's runtime, each driven by the generated machine of a "
          + "profile, through a scenario over a simulated link that loses, duplicates, reorders, "
          + "delays and corrupts frames. Prints each endpoint's states, bytes and signals, and the "
          + "link's counts.",
      "Scenarios: client-close, server-close, simultaneous-open, simultaneous-close, "
          + "half-close, abort, refused, bulk.",
      "Exit 0 when every byte arrived once and in order (or the application was told why not) "
          + "and both ends closed with no TCB or timer left; 1 when not."
    })
final class SimulateCommand implements Callable<Integer> {
  private static final long MS = 1_000_000L;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "The scenario to run.")
  String scenario;

  @Option(names = "--profile", paramLabel = "P", description = "The machine both endpoints run (default: rfc9293).")
  String profile = "rfc9293";

  @Option(names = "--loss", paramLabel = "P", description = "Probability a frame is lost (0..1).")
  double loss;

  @Option(names = "--dup", paramLabel = "P", description = "Probability a frame is duplicated.")
  double dup;

  @Option(names = "--reorder", paramLabel = "P", description = "Probability a frame is held back behind later ones.")
  double reorder;

  @Option(names = "--corrupt", paramLabel = "P", description = "Probability one byte of a frame is flipped.")
  double corrupt;

  @Option(names = "--delay", paramLabel = "D", description = "One-way delay, e.g. 10ms, 1s, 500us (default 10ms); jitter is a fifth of it.")
  String delay = "10ms";

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the link's randomness (default 1).")
  long seed = 1;

  @Option(names = "--bytes", paramLabel = "N", description = "Bytes the sending side sends (default 100000).")
  int bytes = 100_000;

  @Option(names = "--mtu", paramLabel = "N", description = "The link's MTU; MSS = MTU - 40 (default 1500).")
  int mtu = 1500;

  @Option(names = "--pcap", paramLabel = "FILE", description = "Write every frame the link delivers to a pcap (raw IPv4).")
  Path pcap;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(names = "--quiet", description = "No progress line on standard error (it shows only on a terminal, after a second).")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenario s = Scenario.named(scenario).orElse(null);
    if (s == null) {
      err.println("tcpfsm: simulate: no scenario '" + scenario + "'; scenarios are "
          + String.join(", ", Arrays.stream(Scenario.values()).map(Scenario::cliName).toList()));
      return Main.EXIT_USAGE;
    }
    TcpProfile p = TcpProfile.named(profile).orElse(null);
    if (p == null) {
      err.println("tcpfsm: simulate: no profile '" + profile + "'; profiles are "
          + String.join(", ", Arrays.stream(TcpProfile.values()).map(TcpProfile::specName).toList()));
      return Main.EXIT_USAGE;
    }
    for (double prob : new double[] {loss, dup, reorder, corrupt}) {
      if (prob < 0 || prob > 0.9) {
        err.println("tcpfsm: simulate: probabilities are between 0 and 0.9, not " + prob);
        return Main.EXIT_USAGE;
      }
    }
    long d = duration(delay);
    if (d < 0 || mtu < 104 || mtu > 65_535 || bytes < 0) {
      err.println("tcpfsm: simulate: --delay like 10ms, --mtu 104..65535, --bytes >= 0");
      return Main.EXIT_USAGE;
    }
    Impairments im = Impairments.NONE.withDelay(d, d / 5).withLoss(loss).withDuplicate(dup)
        .withReorder(reorder, d / 2).withCorrupt(corrupt);
    TcpConfig config = TcpConfig.defaults().withProfile(p).withMss(mtu - 40);
    ScenarioResult r;
    try (Progress shown = Progress.onTerminal(err, quiet, "simulate " + s.cliName() + ":")) {
      ScenarioRunner runner = new ScenarioRunner(config, im, seed, bytes).progress((delivered, expected, at) ->
          shown.update(delivered, expected, "bytes delivered", String.format("%.1f s virtual", at / 1e9)));
      if (pcap != null) {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(pcap))) {
          PcapWriter writer = SimLink.pcapWriter(file);
          r = runner.capture(writer).run(s);
          writer.flush();
        }
      } else {
        r = runner.run(s);
      }
    }
    out.println(json ? Json.write(asJson(r)) : text(r));
    out.flush();
    return r.ok() ? 0 : Main.EXIT_PROBLEMS;
  }

  /** {@code 10ms}, {@code 1s}, {@code 250us}, {@code 0}: nanoseconds, or -1. */
  static long duration(String s) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(ns|us|ms|s)?").matcher(s.trim());
    if (!m.matches()) {
      return -1;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "ns" -> n;
      case "us" -> n * 1_000;
      case "s" -> n * 1_000 * MS;
      default -> n * MS;
    };
  }

  private static Map<String, Object> asJson(ScenarioResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", r.scenario().cliName());
    m.put("seed", r.seed());
    m.put("profile", r.profile());
    m.put("client", side(r.client()));
    m.put("server", side(r.server()));
    m.put("retransmissions", r.retransmissions());
    LinkStats l = r.link();
    m.put("frames", l.sent());
    m.put("lost", l.lost());
    m.put("duplicated", l.duplicated());
    m.put("reordered", l.reordered());
    m.put("corrupted", l.corrupted());
    m.put("virtual_ms", r.elapsedNanos() / MS);
    m.put("ok", r.ok());
    if (r.problem() != null) {
      m.put("problem", r.problem());
    }
    return m;
  }

  private static Map<String, Object> side(ScenarioResult.Side s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("states", s.states().stream().map(Enum::name).toList());
    m.put("final", s.finalState().name());
    m.put("bytes_sent", s.bytesSent());
    m.put("bytes_delivered", s.bytesDelivered());
    m.put("signals", s.signals());
    return m;
  }

  private static String text(ScenarioResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("scenario ").append(r.scenario().cliName()).append(", profile ").append(r.profile())
        .append(", seed ").append(r.seed()).append('\n');
    line(sb, "client", r.client());
    line(sb, "server", r.server());
    LinkStats l = r.link();
    sb.append(String.format("  link    %d frames: %d lost, %d duplicated, %d reordered, %d corrupted; %d retransmissions; %.3f s virtual%n",
        l.sent(), l.lost(), l.duplicated(), l.reordered(), l.corrupted(), r.retransmissions(), r.elapsedNanos() / 1e9));
    sb.append(r.ok() ? "ok" : "NOT OK: " + r.problem());
    return sb.toString();
  }

  private static void line(StringBuilder sb, String who, ScenarioResult.Side s) {
    sb.append(String.format("  %-7s %s%n", who, String.join(" -> ", s.states().stream().map(Enum::name).toList())));
    sb.append(String.format("          sent %d bytes, delivered %d; signals %s%n", s.bytesSent(), s.bytesDelivered(), s.signals()));
  }
}
