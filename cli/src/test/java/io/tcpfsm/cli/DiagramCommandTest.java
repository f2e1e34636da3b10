package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.diagram.Graphviz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tcpfsm diagram}: formats, files, the default profile, and the words when dot is missing. */
class DiagramCommandTest {
  /** The generator's golden DOT of the bundled spec, reviewed by hand. */
  private static String goldenDot() throws IOException {
    return Files.readString(CliRun.root().resolve("generator/src/test/resources/io/tcpfsm/diagram/tcp.rfc9293.dot"));
  }

  @Test
  void dotGoesToStandardOutputAndRfc9293IsTheDefault() throws IOException {
    CliRun run = CliRun.run("diagram");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(goldenDot());
    assertThat(CliRun.run("diagram", "--profile", "rfc9293", "--format", "dot").out()).isEqualTo(run.out());
  }

  @Test
  void rfc793IsAnotherDiagram() {
    CliRun run = CliRun.run("diagram", "--profile", "rfc793");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("profile rfc793", "unreachable in rfc793", "\"CLOSING\" -> \"CLOSE_WAIT\"");
  }

  @Test
  void mermaidNeedsNoTool() {
    CliRun run = CliRun.run("diagram", "--format", "mermaid");
    assertThat(run.exit()).isZero();
    assertThat(run.lines()).contains("flowchart TB", "  CLOSED ==>|\"<b>OPEN_ACTIVE</b> / send SYN\"| SYN_SENT");
  }

  @Test
  void theFormatFollowsOutsEnding(@TempDir Path dir) throws IOException {
    assumeTrue(Graphviz.onPath().available(), "Graphviz's dot is not installed");
    Path svg = dir.resolve("tcp.svg");
    CliRun run = CliRun.run("diagram", "--out", svg.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(svg)).contains("<svg", "ESTABLISHED", "SYN&#45;RECEIVED");
    Path png = dir.resolve("tcp.png");
    assertThat(CliRun.run("diagram", "--out", png.toString()).exit()).isZero();
    assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    Path mmd = dir.resolve("tcp.mmd");
    assertThat(CliRun.run("diagram", "--out", mmd.toString()).exit()).isZero();
    assertThat(Files.readString(mmd)).contains("flowchart TB");
  }

  @Test
  void anUnknownProfileIsNamedWithTheOnesThereAre() {
    CliRun run = CliRun.run("diagram", "--profile", "rfc1122");
    assertThat(run.exit()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(run.err()).isEqualTo("tcpfsm: diagram: no profile 'rfc1122'; this spec has rfc793, rfc9293, linux\n");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CliRun run = CliRun.run("diagram", "--format", "gif");
    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("--format", "gif", "dot, mermaid, svg, png");
  }

  @Test
  void aFolderThatDoesNotExistIsNamed(@TempDir Path dir) {
    Path out = dir.resolve("no/such/tcp.dot");
    CliRun run = CliRun.run("diagram", "--out", out.toString());
    assertThat(run.exit()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(run.err()).isEqualTo("tcpfsm: diagram: cannot write " + out + ": its folder does not exist\n");
  }

  /** A second JVM running the CLI in {@code dir} with PATH set to {@code path}. */
  private static Process tcpfsm(Path dir, String path, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Dtcpfsm.home=" + CliRun.root(),
        "io.tcpfsm.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("PATH", path);
    return pb.start();
  }

  private static String[] finish(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
    return new String[] {String.valueOf(p.exitValue()), out, err};
  }

  @Test
  void withoutDotSvgAndPngSayWhichPackageToInstall(@TempDir Path dir) throws Exception {
    Path empty = Files.createDirectory(dir.resolve("bin"));
    for (String format : List.of("svg", "png")) {
      String[] r = finish(tcpfsm(dir, empty.toString(), "diagram", "--format", format));
      assertThat(r[0]).as(r[2]).isEqualTo("1");
      assertThat(r[1]).isEmpty();
      assertThat(r[2]).isEqualTo("tcpfsm: diagram: --format " + format + ": Graphviz's dot was not found on PATH;"
          + " install the graphviz package (Debian and Ubuntu: apt-get install graphviz; macOS: brew install graphviz);"
          + " --format dot and mermaid need no tool\n");
    }
    assertThat(dir.resolve("tcp-rfc9293.png")).doesNotExist();
    // dot and mermaid still work without it
    assertThat(finish(tcpfsm(dir, empty.toString(), "diagram", "--format", "mermaid"))[0]).isEqualTo("0");
  }

  @Test
  void pngWithoutOutIsWrittenBesideYouAndSaysWhere(@TempDir Path dir) throws Exception {
    assumeTrue(Graphviz.onPath().available(), "Graphviz's dot is not installed");
    String[] r = finish(tcpfsm(dir, System.getenv("PATH"), "diagram", "--format", "png"));
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[2]).isEqualTo("tcpfsm: diagram: wrote tcp-rfc9293.png\n");
    assertThat(Files.readAllBytes(dir.resolve("tcp-rfc9293.png"))).startsWith(0x89, 'P', 'N', 'G');
  }
}
