package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.audit.Classification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tcpfsm audit}: what it writes, and how it fails. */
class AuditCommandTest {
  @TempDir Path tmp;

  @Test
  void writesThePageAndTheMarkdownAndPrintsTheCounts() throws IOException {
    CliRun r = CliRun.run("audit", "--out", tmp.resolve("report").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("requirements: 118 (", "clauses: 160 (", "wrote ");
    assertThat(tmp.resolve("report/index.html")).exists();
    assertThat(Files.readString(tmp.resolve("report/audit.md"))).contains("| MUST-13 |", "rfc793/CLOSE/CLOSE-WAIT");
  }

  @Test
  void withoutDiagramThePageDrawsTheFirstProfilesOwnWhenGraphvizIsThere() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(io.tcpfsm.diagram.Graphviz.onPath().available(), "Graphviz's dot is not installed (.ci/run installs graphviz)");
    CliRun r = CliRun.run("audit", "--profile", "rfc793", "--out", tmp.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String page = Files.readString(tmp.resolve("index.html"));
    // tcpfsm diagram's SVG: its title names the profile, its boxes the states
    assertThat(page).contains("<svg", "tcp.fsm, profile rfc793", ">FIN_WAIT2<", ">TIME_WAIT<");
  }

  @Test
  void oneProfileAndADiagram() throws IOException {
    Path svg = tmp.resolve("d.svg");
    try (InputStream in = AuditCommandTest.class.getResourceAsStream("audit-diagram.svg")) {
      Files.write(svg, in.readAllBytes());
    }
    CliRun r = CliRun.run("audit", "--profile", "rfc9293", "--diagram", svg.toString(), "--out", tmp.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String page = Files.readString(tmp.resolve("index.html"));
    assertThat(page).contains("id=\"matrix-rfc9293\"", "fill=\"#12ab34\"").doesNotContain("id=\"matrix-rfc793\"");
  }

  @Test
  void badInputIsNamedWithExit1() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThat(CliRun.run("audit", "--out", file.resolve("sub").toString()).err())
        .isEqualTo("tcpfsm: audit: cannot write to --out " + file.resolve("sub") + ": " + file.toAbsolutePath() + " is a file, not a directory\n");
    CliRun noProfile = CliRun.run("audit", "--profile", "rfc1122", "--out", tmp.toString());
    assertThat(noProfile.exit()).isEqualTo(1);
    assertThat(noProfile.err()).isEqualTo("tcpfsm: audit: spec/tcp.fsm has no profile 'rfc1122'; it has rfc793, rfc9293, linux\n");
    Path html = Files.writeString(tmp.resolve("x.svg"), "<html><body/></html>");
    CliRun notSvg = CliRun.run("audit", "--diagram", html.toString(), "--out", tmp.toString());
    assertThat(notSvg.exit()).isEqualTo(1);
    assertThat(notSvg.err()).isEqualTo("tcpfsm: audit: " + html + ": not an SVG document (its root element is <html>)\n");
    assertThat(CliRun.run("audit").exit()).isEqualTo(2);
  }

  private Path without(String head) throws IOException {
    String spec = Files.readString(CliRun.root().resolve("spec/tcp.fsm"));
    int at = spec.indexOf(head);
    return Files.writeString(tmp.resolve("copy.fsm"), spec.substring(0, at) + spec.substring(spec.indexOf("\n}\n", at) + 3));
  }

  @Test
  void aSpecWithErrorsIsStillReportedWithExit1() throws IOException {
    Path copy = without("in LISTEN on CLOSE -> CLOSED rule listen_close {");
    CliRun r = CliRun.run("audit", "--spec", copy.toString(), "--out", tmp.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("error: state LISTEN has no transition on CLOSE", "copy.fsm has errors (above); the report shows the spec as it is");
    assertThat(r.out()).contains("not implemented 2)");
    assertThat(Files.readString(tmp.resolve("out/audit.md"))).contains("| `rfc793/CLOSE/LISTEN`<br>CLOSE, LISTEN | RFC 793 3.9 p.60 |");
  }

  @Test
  void aRuleTheClassificationNamesMustExist() throws IOException {
    Path copy = without("in TIME_WAIT on TIMEOUT_TIME_WAIT -> CLOSED rule time_wait_timeout {");
    CliRun r = CliRun.run("audit", "--spec", copy.toString(), "--out", tmp.resolve("out").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("tcpfsm: audit: rfc9293-requirements.tsv:25: MUST-13 names rule 'time_wait_timeout', which " + copy + " does not have\n");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  /**
   * The runtime half of rfc9293-requirements.tsv names real code: each class is a source file of
   * runtime/, each test a method of a runtime test class. (The generator cannot see the runtime,
   * so this check lives here, beside the command.)
   */
  @Test
  void everyRuntimeClassAndTestTheClassificationNamesExists() throws IOException {
    String tsv;
    try (InputStream in = Classification.class.getResourceAsStream(Classification.FILE)) {
      tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path main = CliRun.root().resolve("runtime/src/main/java");
    Path test = CliRun.root().resolve("runtime/src/test/java");
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String line : tsv.lines().filter(l -> l.contains("\truntime\t")).toList()) {
      for (String ref : line.split("\t")[2].split(";")) {
        String r = ref.trim();
        checked++;
        if (r.contains("#")) {
          String cls = r.substring(0, r.indexOf('#'));
          String method = r.substring(r.indexOf('#') + 1);
          try (Stream<Path> files = Files.walk(test)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().equals(cls + ".java")).toList();
            if (found.isEmpty() || !Files.readString(found.get(0)).contains("void " + method + "(")) {
              missing.add(r);
            }
          }
        } else if (!Files.exists(main.resolve(r.replace('.', '/') + ".java"))) {
          missing.add(r);
        }
      }
    }
    assertThat(checked).isGreaterThan(40);
    assertThat(missing).isEmpty();
  }
}
