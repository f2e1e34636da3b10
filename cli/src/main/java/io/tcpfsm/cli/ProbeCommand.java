package io.tcpfsm.cli;

import io.tcpfsm.link.Netns;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.probe.Matrix;
import io.tcpfsm.probe.Observation;
import io.tcpfsm.probe.Probe;
import io.tcpfsm.probe.ProbeEngine;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tcpfsm probe}: conformance probes of this machine's Linux TCP, derived from the model. */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Probe the Linux kernel's TCP with segments derived from the model: for each state "
          + "(reached by the shortest path of socket calls and segments the model knows), each "
          + "segment class (SYN, SYN+ACK, ACK, FIN+ACK, RST, RST+ACK, NONE, data), each sequence "
          + "position (rcv_nxt, in_window, right_edge, below, beyond) and ACK position (snd_nxt, "
          + "ahead, behind), inject the segment through a TUN device in a network namespace made for "
          + "the run, record what the kernel sends and its socket's state afterwards, and compare "
          + "with each profile's machine.",
      "Prints the matrix and how many cells each profile agrees on (a cell a profile defines no "
          + "outcome for, listed in docs/linux-probes.md, is counted apart); writes into --out a pcap "
          + "and a packetdrill script per probe and the matrix as Markdown, HTML and JSON.",
      "Needs root and TUN support (exit 2 naming what is missing). Exit 0 when every probe ran, "
          + "1 when some could not."
    })
final class ProbeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--profile", paramLabel = "P", split = ",",
      description = "Profiles to compare with (repeat or comma-separate; default: every profile).")
  List<String> profiles = new ArrayList<>();

  @Option(names = "--states", paramLabel = "S", split = ",", description = "Only these states (default: all 11).")
  List<String> states = new ArrayList<>();

  @Option(names = "--json", description = "Print one JSON object per probe instead of the matrix.")
  boolean json;

  @Option(names = "--out", paramLabel = "DIR", description = "Where pcaps, .pkt scripts and the matrix go (default: probe-out).")
  Path out = Path.of("probe-out");

  @Option(names = "--jobs", paramLabel = "N", description = "Network namespaces probing at once (default 4).")
  int jobs = 4;

  @Option(names = "--capture-ms", paramLabel = "MS", description = "How long to wait for the kernel's answers to each probe (default 100).")
  int captureMs = 100;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<TcpProfile> chosen = new ArrayList<>();
    for (String name : profiles) {
      TcpProfile p = TcpProfile.named(name).orElse(null);
      if (p == null) {
        err.println("tcpfsm: probe: no profile '" + name + "'; profiles are "
            + String.join(", ", Arrays.stream(TcpProfile.values()).map(TcpProfile::specName).toList()));
        return Main.EXIT_USAGE;
      }
      chosen.add(p);
    }
    if (chosen.isEmpty()) {
      chosen.addAll(List.of(TcpProfile.values()));
    }
    List<TcpState> chosenStates = new ArrayList<>();
    for (String s : states) {
      TcpState st = state(s);
      if (st == null) {
        err.println("tcpfsm: probe: no state '" + s + "'; states are "
            + String.join(", ", Arrays.stream(TcpState.values()).map(TcpState::name).toList()));
        return Main.EXIT_USAGE;
      }
      chosenStates.add(st);
    }
    if (chosenStates.isEmpty()) {
      chosenStates.addAll(List.of(TcpState.values()));
    }
    if (jobs < 1 || jobs > 64 || captureMs < 1 || captureMs > 10_000) {
      err.println("tcpfsm: probe: --jobs is 1..64 and --capture-ms 1..10000");
      return Main.EXIT_USAGE;
    }
    String missing = Netns.unavailableReason();
    if (missing != null) {
      err.println("tcpfsm: probe: cannot probe here: " + missing);
      return Main.EXIT_USAGE;
    }
    List<Probe> probes = Probe.grid(chosenStates);
    long started = System.nanoTime();
    // paths to states come from rfc9293's machine: rfc793's cannot reach LAST-ACK (its CLOSE-WAIT CLOSE goes to CLOSING)
    List<Observation> seen = ProbeEngine.run(probes, jobs, this.out, captureMs, TcpProfile.RFC9293.specName());
    double seconds = (System.nanoTime() - started) / 1e9;
    Matrix m = new Matrix(chosen, seen);
    Files.writeString(this.out.resolve("matrix.md"), m.markdown());
    Files.writeString(this.out.resolve("matrix.html"), m.html());
    Files.write(this.out.resolve("probes.json"), m.json());
    if (json) {
      m.json().forEach(out::println);
    } else {
      out.print(m.text());
      for (String s : m.summary()) {
        out.println(s);
      }
      out.printf(Locale.ROOT, "%d probes in %.1f s with %d namespaces; pcaps, .pkt scripts and the matrix in %s%n",
          probes.size(), seconds, Math.min(jobs, probes.size()), this.out);
    }
    out.flush();
    return m.ran() == probes.size() ? 0 : Main.EXIT_PROBLEMS;
  }

  /** A state in any of the spellings explain takes: SYN_RECV, SYN-RECEIVED, fin-wait-1. */
  static TcpState state(String s) {
    String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    n = switch (n) {
      case "SYN_RECEIVED" -> "SYN_RECV";
      case "FIN_WAIT_1" -> "FIN_WAIT1";
      case "FIN_WAIT_2" -> "FIN_WAIT2";
      default -> n;
    };
    for (TcpState st : TcpState.values()) {
      if (st.name().equals(n)) {
        return st;
      }
    }
    return null;
  }
}
