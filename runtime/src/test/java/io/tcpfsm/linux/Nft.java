package io.tcpfsm.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands as a child process, for the namespace's nftables rules and the recorder's ip/tcpdump. */
final class Nft {
  private Nft() {}

  /** Runs {@code nft CMD} for each command, in this process's network namespace; fails on the first error. */
  static void run(String... commands) throws IOException, InterruptedException {
    for (String c : commands) {
      exec(List.of("nft", c)); // one argument: nft joins its arguments into one command anyway
    }
  }

  /**
   * A process builder whose PATH also holds /usr/sbin and /sbin, where Debian keeps ip, nft,
   * tcpdump and ethtool (a user's PATH may not), so what {@link LinuxCapture#missing()} finds is
   * what runs.
   */
  static ProcessBuilder builder(List<String> argv) {
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().merge("PATH", "/usr/sbin:/sbin", (a, b) -> a + ":" + b);
    return pb;
  }

  /** Runs a command to its end (10 s at most); its output, or an IOException naming it and what it said. */
  static String exec(List<String> argv) throws IOException, InterruptedException {
    Process p = builder(argv).redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", argv) + ": no answer in 10 s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", argv) + ": exit " + p.exitValue() + ": " + out.strip());
    }
    return out;
  }
}
