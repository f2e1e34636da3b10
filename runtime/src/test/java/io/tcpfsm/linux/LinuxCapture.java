package io.tcpfsm.linux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records Linux's own TCP running one {@link SocketScenario}: makes a network namespace
 * ({@code ip netns add tcpfsm-PID-N}), brings its loopback up with an Ethernet MTU and no
 * segmentation offload (so segments are what a wire would carry), starts {@code tcpdump -i lo}
 * inside it, runs the scenario inside it in a JVM of its own, stops tcpdump and deletes the
 * namespace, on failure too (finally, and a shutdown hook for a JVM that is killed).
 *
 * <p>Needs root, {@code ip} (iproute2), {@code tcpdump} and {@code nft} (nftables);
 * {@link #missing()} says which is absent, so a test can skip with that reason.
 */
public final class LinuxCapture {
  private static final AtomicInteger NEXT = new AtomicInteger();

  /** Scenario names, as the captures in captures/linux/ are named; the ipv6- ones run over ::1. */
  public static final List<String> SCENARIOS = List.of("client-close", "server-close", "half-close", "abort",
      "refused", "unread-close", "simultaneous-close", "simultaneous-open", "bulk", "loss", "ipv6-client-close",
      "syn-retries");

  private LinuxCapture() {}

  /** Why captures cannot be recorded here, or empty when they can. */
  public static Optional<String> missing() {
    if (!System.getProperty("os.name", "").equals("Linux")) {
      return Optional.of("recording Linux captures needs Linux");
    }
    try {
      String uid = Nft.exec(List.of("id", "-u")).strip();
      if (!uid.equals("0")) {
        return Optional.of("recording Linux captures needs root (network namespaces), and uid is " + uid);
      }
      for (String tool : List.of("ip", "tcpdump", "nft")) {
        if (!onPath(tool)) {
          return Optional.of("recording Linux captures needs " + tool + " on the PATH ("
              + (tool.equals("ip") ? "iproute2" : tool.equals("nft") ? "nftables" : tool) + ")");
        }
      }
    } catch (IOException | InterruptedException e) {
      return Optional.of("cannot run id -u: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** Whether {@code tool} is on the PATH that {@link Nft#builder} gives child processes. */
  private static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin";
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** Records {@code scenario} into {@code pcap}; throws with the scenario's own words if it did not go as it should. */
  public static void record(String scenario, Path pcap) throws IOException, InterruptedException {
    String ns = "tcpfsm-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
    Thread cleanup = new Thread(() -> deleteQuietly(ns));
    Runtime.getRuntime().addShutdownHook(cleanup);
    Process tcpdump = null;
    StringBuilder tcpdumpSays = null;
    try {
      Nft.exec(List.of("ip", "netns", "add", ns));
      inNs(ns, "ip", "link", "set", "lo", "mtu", "1500", "up");
      // No TSO/GSO on lo: without them tcpdump sees each MSS-sized segment, as on a wire.
      // (ethtool may be missing; then the kernel's loopback keeps its large segments.)
      if (onPath("ethtool")) {
        inNs(ns, "ethtool", "-K", "lo", "tso", "off", "gso", "off");
      }
      Files.deleteIfExists(pcap);
      tcpdump = Nft.builder(List.of("ip", "netns", "exec", ns, "tcpdump", "-i", "lo", "-n", "--immediate-mode", "-U", "-s", "0", "-B", "32768",
          "-w", pcap.toAbsolutePath().toString(), "tcp")).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      tcpdumpSays = awaitListening(tcpdump);
      String address = scenario.startsWith("ipv6-") ? "::1" : "127.0.0.1";
      String name = scenario.startsWith("ipv6-") ? scenario.substring("ipv6-".length()) : scenario;
      List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns,
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", ownClassPath(), SocketScenario.class.getName(), name, address));
      Process run = Nft.builder(argv).redirectErrorStream(true).start();
      if (!run.waitFor(60, TimeUnit.SECONDS)) {
        run.destroyForcibly();
        throw new IOException("scenario " + scenario + " did not end in 60 s");
      }
      String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (run.exitValue() != 0) {
        throw new IOException("scenario " + scenario + " failed (exit " + run.exitValue() + "): " + said);
      }
      // --immediate-mode: each packet reaches tcpdump as it comes (no TPACKET_V3 block that a
      // SIGTERM would drop unread); -U: and is written at once. The last one gets a moment.
      Thread.sleep(200);
    } finally {
      if (tcpdump != null) {
        tcpdump.destroy(); // SIGTERM: tcpdump flushes and closes the file
        if (!tcpdump.waitFor(5, TimeUnit.SECONDS)) {
          tcpdump.destroyForcibly();
        }
        Thread.sleep(100); // its last words (the packet counts) reach the reader
      }
      deleteQuietly(ns);
      Runtime.getRuntime().removeShutdownHook(cleanup);
    }
    // tcpdump's summary on exit: "N packets dropped by kernel". A capture with holes is no record.
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) packets? dropped by kernel").matcher(tcpdumpSays);
    if (m.find() && !m.group(1).equals("0")) {
      throw new IOException("tcpdump lost " + m.group(1) + " packets of scenario " + scenario + " (its buffer overflowed)");
    }
  }

  /** Where SocketScenario was loaded from: it needs nothing but the JDK and its own package. */
  private static String ownClassPath() {
    try {
      return Path.of(SocketScenario.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void inNs(String ns, String... cmd) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    argv.addAll(List.of(cmd));
    Nft.exec(argv);
  }

  /**
   * Waits for tcpdump's "listening on lo" (on stderr), so no packet of the scenario is missed;
   * what tcpdump says later (its packet counts on exit) collects in the buffer returned.
   */
  private static StringBuilder awaitListening(Process tcpdump) throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(tcpdump.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder said = new StringBuilder();
    for (String line; (line = err.readLine()) != null; ) {
      if (line.contains("listening on")) {
        StringBuilder later = new StringBuilder();
        Thread drain = new Thread(() -> {
          try {
            for (String l; (l = err.readLine()) != null; ) {
              synchronized (later) {
                later.append(l).append('\n');
              }
            }
          } catch (IOException e) {
            // tcpdump ended
          }
        });
        drain.setDaemon(true);
        drain.start();
        return later;
      }
      said.append(line).append(' ');
    }
    throw new IOException("tcpdump ended before listening: " + said.toString().strip());
  }

  private static void deleteQuietly(String ns) {
    try {
      Process p = Nft.builder(List.of("ip", "netns", "del", ns)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      // nothing left to do: the namespace was not made, or ip is gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code LinuxCapture DIR [SCENARIO...]}: records the scenarios (all by default) into DIR/SCENARIO.pcap. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    List<String> which = args.length > 1 ? List.of(args).subList(1, args.length) : SCENARIOS;
    Optional<String> why = missing();
    if (why.isPresent()) {
      System.err.println("LinuxCapture: " + why.get());
      System.exit(1);
    }
    for (String s : which) {
      Path out = dir.resolve(s + ".pcap");
      record(s, out);
      System.out.println(out + ": " + Files.size(out) + " bytes");
    }
  }
}
