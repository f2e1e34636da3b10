package io.tcpfsm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** tcpdump and dumpcap as test oracles: found on PATH or not, run with TZ=UTC. */
final class ExternalTools {
  private ExternalTools() {}

  private static final Pattern UP_TO_LENGTH = Pattern.compile("^(.*?, length \\d+)");

  static boolean available(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static boolean isRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      p.waitFor();
      return out.equals("0");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** {@code TZ=UTC tcpdump -S -nr FILE [--nano]}: stdout lines. */
  static List<String> tcpdumpRead(Path file, boolean nano) throws IOException, InterruptedException {
    return nano ? tcpdump(file, "--nano") : tcpdump(file);
  }

  /** {@code TZ=UTC tcpdump -S -nr FILE OPTIONS...} (e.g. -v): stdout lines. */
  static List<String> tcpdump(Path file, String... options) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tcpdump", "-S", "-nr", file.toString()));
    cmd.addAll(List.of(options));
    Path err = java.nio.file.Files.createTempFile("tcpdump", ".err");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
    pb.environment().put("TZ", "UTC");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    int exit = p.waitFor();
    String errText = java.nio.file.Files.readString(err);
    java.nio.file.Files.delete(err);
    if (exit != 0) {
      throw new AssertionError("tcpdump -r " + file + " failed: " + errText);
    }
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  /**
   * A line cut after its "length N": tcpdump goes on to dissect payloads (DNS, HTTP), we go on to
   * flag checksums. Lines without a length stay whole.
   */
  static String upToLength(String line) {
    Matcher m = UP_TO_LENGTH.matcher(line);
    return m.find() ? m.group(1) : line;
  }

  /** Our decode's lines for the file, without the summary, cut as {@link #upToLength}. */
  static List<String> decodeLines(Path file, boolean nano) {
    CliRun r = nano ? CliRun.run("decode", "--nano", file.toString()) : CliRun.run("decode", file.toString());
    return r.lines().stream().map(ExternalTools::upToLength).toList();
  }
}
