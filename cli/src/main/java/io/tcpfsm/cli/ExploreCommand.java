package io.tcpfsm.cli;

import io.tcpfsm.explore.Exploration;
import io.tcpfsm.explore.ExploreConfig;
import io.tcpfsm.explore.ExploreException;
import io.tcpfsm.explore.MscPrinter;
import io.tcpfsm.explore.Property;
import io.tcpfsm.explore.PropertyParser;
import io.tcpfsm.explore.StateGraph;
import io.tcpfsm.explore.Verdict;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tcpfsm explore}: model checking of two endpoints of the model over a faulty network. */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description = {
      "Explore every joint state of two endpoints that follow a profile of the model, joined by "
          + "channels that may lose, duplicate and reorder segments, with the applications making any "
          + "calls and timers expiring whenever they run (breadth-first, so runs are shortest). "
          + "Prints the number of joint states and transitions, the bounds, and each property's "
          + "verdict (spec/tcp.properties: no deadlock, half-open connections resolve, a CLOSE by "
          + "both ends closes both, CAV 2016's invariants, RFC 793's figures 10 and 13 as runs) with "
          + "a shortest counterexample as a message sequence chart, and with --pcap as a capture.",
      "Exit 0 when every property holds, 1 when any fails."
    })
final class ExploreCommand implements Callable<Integer> {
  static final String PROPERTIES = "spec/tcp.properties";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--profile", paramLabel = "P", description = "The profile both ends follow (default: rfc9293).")
  String profile;

  @Option(names = "--profiles", paramLabel = "P,Q", description = "The profiles of A and B, when they differ.")
  String profiles;

  @Option(names = "--loss", description = "The network may lose any segment in flight.")
  boolean loss;

  @Option(names = "--dup", description = "The network may deliver a segment and keep a duplicate in flight.")
  boolean dup;

  @Option(names = "--reorder", description = "The segments of one direction may arrive in any order.")
  boolean reorder;

  @Option(names = "--capacity", paramLabel = "N", description = "Segments in flight per direction, 1 to 3 (default 1, or with --in-flight the smaller of N and 3); one sent into a full channel is lost.")
  Integer capacity;

  @Option(names = "--in-flight", paramLabel = "N", description = "Segments in flight in the whole network, both directions together, 1 to 6 (default: no bound but --capacity); "
      + "a direction may hold all N (up to 3), so --in-flight 2 --reorder reorders; one sent into a full network is lost.")
  Integer inFlight;

  @Option(names = "--sends", paramLabel = "N", description = "SENDs (one byte each) per connection, 0 to 3 (default 1).")
  int sends = ExploreConfig.DEFAULT_SENDS;

  @Option(names = "--max-states", paramLabel = "N", description = "Stop expanding at N joint states (default 5000000); verdicts then say so.")
  int maxStates = ExploreConfig.DEFAULT_MAX_STATES;

  @Option(names = "--spec", paramLabel = "FILE", description = "The spec (default: the bundled spec/tcp.fsm).")
  Path specFile;

  @Option(names = "--properties", paramLabel = "FILE", description = "The properties (default: spec/tcp.properties).")
  Path propertiesFile;

  @Option(names = "--pcap", paramLabel = "DIR", description = "Write each counterexample (and witness) as DIR/<property>.pcap (raw IPv4).")
  Path pcapDir;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Validator.Result result = SpecFile.loadValid(specFile, err);
    if (result == null) {
      return Main.EXIT_PROBLEMS;
    }
    List<String> names = result.machine().profileNames();
    String a = profile == null ? SpecFile.defaultProfile(names) : profile;
    String b = a;
    if (profiles != null) {
      if (profile != null) {
        return usage(err, "give --profile or --profiles, not both");
      }
      String[] two = profiles.split(",", -1);
      if (two.length != 2) {
        return usage(err, "--profiles takes two profiles, P,Q");
      }
      a = two[0].trim();
      b = two[1].trim();
    }
    for (String p : List.of(a, b)) {
      if (!names.contains(p)) {
        return usage(err, "no profile '" + p + "'; this spec has " + String.join(", ", names));
      }
    }
    ExploreConfig config;
    try {
      int n = inFlight == null ? 0 : inFlight;
      int cap = capacity != null ? capacity : inFlight == null ? 1 : Math.min(n, ExploreConfig.MAX_CAPACITY);
      if (inFlight != null && n < 1) {
        return usage(err, "in-flight must be 1 to " + 2 * ExploreConfig.MAX_CAPACITY + ": " + n);
      }
      config = new ExploreConfig(a, b, loss, dup, reorder, cap, n, sends, ExploreConfig.DEFAULT_WINDOW, maxStates);
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    List<Property> properties;
    Exploration x;
    try {
      properties = PropertyParser.parse(propertiesName(), readProperties(), result.machine());
      x = Exploration.run(result.machine(), config, properties);
    } catch (ExploreException e) {
      err.println("tcpfsm: explore: " + e.getMessage());
      return Main.EXIT_PROBLEMS;
    } catch (OutOfMemoryError e) {
      // Every joint state and transition is kept (the properties walk the graph backwards).
      err.println("tcpfsm: explore: out of memory (heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MiB); lower --max-states, --capacity, --in-flight or --sends, or give more heap (TCPFSM_JAVA_OPTS=-Xmx8g)");
      return Main.EXIT_PROBLEMS;
    }
    Map<String, Path> pcaps = pcapDir == null ? Map.of() : writePcaps(x);
    out.println(json ? Json.write(asJson(x, pcaps)) : text(x, pcaps));
    out.flush();
    return x.allHold() ? 0 : Main.EXIT_PROBLEMS;
  }

  private int usage(PrintWriter err, String message) {
    err.println("tcpfsm: explore: " + message);
    return Main.EXIT_USAGE;
  }

  private String propertiesName() {
    return propertiesFile == null ? PROPERTIES : propertiesFile.toString();
  }

  /** The properties: the file given, else spec/tcp.properties of the checkout, else the jar's copy. */
  private String readProperties() throws SpecFile.Unreadable {
    Path file = propertiesFile;
    if (file == null && System.getProperty("tcpfsm.home") != null) {
      Path home = Path.of(System.getProperty("tcpfsm.home"), PROPERTIES);
      file = Files.isRegularFile(home) ? home : null;
    }
    if (file != null) {
      try {
        return SpecFile.readBounded(file);
      } catch (java.nio.file.NoSuchFileException e) {
        throw new SpecFile.Unreadable(file + ": no such file");
      } catch (IOException e) {
        throw new SpecFile.Unreadable(file + ": cannot read: " + SpecFile.reason(e));
      }
    }
    try (InputStream in = ExploreCommand.class.getResourceAsStream("/tcpfsm/tcp.properties")) {
      if (in == null) {
        throw new SpecFile.Unreadable(PROPERTIES + ": not found; give the file with --properties FILE");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecFile.Unreadable(PROPERTIES + ": cannot read: " + e.getMessage());
    }
  }

  private Map<String, Path> writePcaps(Exploration x) throws IOException {
    Files.createDirectories(pcapDir);
    Map<String, Path> out = new LinkedHashMap<>();
    for (Verdict v : x.verdicts()) {
      if (v.run() != null) {
        Path file = pcapDir.resolve(fileName(v.property().name()) + ".pcap");
        CounterexamplePcap.write(v.run(), file);
        out.put(v.property().name(), file);
      }
    }
    return out;
  }

  /** {@code "RFC 793 figure 13: simultaneous close"} -> {@code rfc-793-figure-13-simultaneous-close}. */
  static String fileName(String property) {
    String s = property.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.isEmpty() ? "property" : s;
  }

  private static String text(Exploration x, Map<String, Path> pcaps) {
    StateGraph g = x.graph();
    ExploreConfig c = g.config();
    StringBuilder sb = new StringBuilder();
    List<String> faults = new ArrayList<>();
    if (c.loss()) {
      faults.add("loss");
    }
    if (c.dup()) {
      faults.add("duplication");
    }
    if (c.reorder()) {
      faults.add("reordering");
    }
    sb.append(String.format("explore: A follows %s, B follows %s; the network: %s%n", c.profileA(), c.profileB(),
        faults.isEmpty() ? "no faults (in order, no loss)" : String.join(", ", faults)));
    sb.append(String.format("  calls      %s at either end, any time; timeouts whenever their timer runs%n", String.join(", ", x.calls())));
    if (c.inFlight() == 0) {
      sb.append(String.format("  bounds     %d segment%s in flight per direction (one sent into a full channel is lost: %,d times);%n",
          c.capacity(), c.capacity() == 1 ? "" : "s", g.channelOverflows()));
    } else {
      sb.append(String.format("  bounds     %d segment%s in flight in the network, up to %d in one direction (one sent into a full network is lost: %,d times);%n",
          c.inFlight(), c.inFlight() == 1 ? "" : "s", c.capacity(), g.channelOverflows()));
    }
    if (c.reorder() && !c.canReorder()) {
      sb.append("             (with at most 1 segment in flight in a direction there is nothing to reorder: --in-flight 2 for that)\n");
    }
    sb.append(String.format("             %d SEND%s per connection; %d slots of sequence space per end (an OPEN waited for one: %,d times);%n",
        c.maxSends(), c.maxSends() == 1 ? "" : "s", Exploration.slots(), x.opensRefused()));
    sb.append(String.format("             receive window %d; at most %,d joint states%n", c.rcvWnd(), c.maxStates()));
    sb.append(String.format("  explored   %,d joint states, %,d transitions in %.1f s, %.1f s of CPU (%s)%n", g.stateCount(), g.transitionCount(),
        g.nanos() / 1e9, g.cpuNanos() / 1e9, g.complete() ? "exhaustive" : "cut at --max-states: verdicts cover the states explored"));
    if (g.symmetric()) {
      sb.append(String.format("             (one profile at both ends: a joint state and its mirror image, A and B swapped, are kept once;%n"
          + "             %,d joint states counted apart)%n", g.unreducedStateCount()));
    }
    long failed = x.verdicts().stream().filter(Verdict::failed).count();
    sb.append(String.format("  properties %d: %d as required, %d not%n", x.verdicts().size(), x.verdicts().size() - failed, failed));
    for (Verdict v : x.verdicts()) {
      sb.append('\n').append(v.property().name()).append(": ").append(v.word().toUpperCase(Locale.ROOT).equals("HOLDS") ? "holds" : v.word()).append('\n');
      if (v.run() != null) {
        sb.append("  ").append(v.holds() ? "shortest run" : "shortest counterexample").append(", ").append(v.run().length())
            .append(" steps; ").append(v.note()).append('\n');
        for (String line : MscPrinter.lines(v.run())) {
          sb.append(line).append('\n');
        }
        if (pcaps.containsKey(v.property().name())) {
          sb.append("  capture: ").append(pcaps.get(v.property().name())).append('\n');
        }
      } else if (v.note() != null) {
        sb.append("  ").append(v.note()).append('\n');
      }
    }
    sb.append('\n').append(x.allHold() ? "all properties as required" : failed + " of " + x.verdicts().size() + " properties not as required");
    return sb.toString();
  }

  private static Map<String, Object> asJson(Exploration x, Map<String, Path> pcaps) {
    StateGraph g = x.graph();
    ExploreConfig c = g.config();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("profiles", List.of(c.profileA(), c.profileB()));
    m.put("loss", c.loss());
    m.put("dup", c.dup());
    m.put("reorder", c.reorder());
    Map<String, Object> bounds = new LinkedHashMap<>();
    bounds.put("capacity", c.capacity());
    bounds.put("in_flight", c.inFlight());
    bounds.put("channel_overflows", g.channelOverflows());
    bounds.put("sends", c.maxSends());
    bounds.put("sequence_slots", Exploration.slots());
    bounds.put("opens_waiting_for_a_slot", x.opensRefused());
    bounds.put("window", c.rcvWnd());
    bounds.put("max_states", c.maxStates());
    m.put("bounds", bounds);
    m.put("states", g.stateCount());
    m.put("states_unreduced", g.unreducedStateCount());
    m.put("transitions", g.transitionCount());
    m.put("exhaustive", g.complete());
    m.put("seconds", Math.round(g.nanos() / 1e6) / 1e3);
    m.put("cpu_seconds", Math.round(g.cpuNanos() / 1e6) / 1e3);
    List<Object> props = new ArrayList<>();
    for (Verdict v : x.verdicts()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", v.property().name());
      p.put("kind", v.property().kind().name().toLowerCase(Locale.ROOT));
      p.put("verdict", v.word());
      p.put("ok", !v.failed());
      if (v.run() != null) {
        p.put("note", v.note());
        p.put("steps", v.run().length());
        p.put("chart", MscPrinter.lines(v.run()));
        if (pcaps.containsKey(v.property().name())) {
          p.put("pcap", pcaps.get(v.property().name()).toString());
        }
      }
      props.add(p);
    }
    m.put("properties", props);
    m.put("ok", x.allHold());
    return m;
  }
}
