package io.tcpfsm.cli;

import io.tcpfsm.audit.AuditException;
import io.tcpfsm.audit.AuditReport;
import io.tcpfsm.audit.HtmlWriter;
import io.tcpfsm.audit.MarkdownWriter;
import io.tcpfsm.audit.Svg;
import io.tcpfsm.diagram.Diagram;
import io.tcpfsm.diagram.Graphviz;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tcpfsm audit}: the clause-by-clause report of the model against RFC 793 and RFC 9293. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audit a spec against RFC 793 3.9 and RFC 9293 3.10. Writes DIR/index.html (one "
          + "self-contained page) and DIR/audit.md (the same, as Markdown): for every RFC clause the "
          + "rules that implement it (unimplemented first, with the reason when deliberate); each of "
          + "RFC 9293's 118 numbered requirements and how it is met; a state x event matrix per "
          + "profile and the cells where profiles differ; the RFCs' ambiguities and errata and how "
          + "each profile resolves them; the citations checked.",
      "Exit 1 when the spec has errors (the report is still written), or when the audit's "
          + "reviewed data no longer fits the RFC or the spec (each problem named with its file and "
          + "line; nothing is written)."
    })
final class AuditCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write index.html and audit.md.")
  Path out;

  @Option(names = "--profile", paramLabel = "P", description = "Audit this profile; repeat for several (default: every profile).")
  List<String> profiles = new ArrayList<>();

  @Option(names = "--spec", paramLabel = "FILE", description = "The spec (default: the bundled spec/tcp.fsm).")
  Path specFile;

  @Option(names = "--diagram", paramLabel = "FILE.svg", description = "An SVG of the state diagram to show in the page (default: drawn by tcpfsm diagram when Graphviz is installed).")
  Path diagram;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String badOut = GenerateCommand.directoryProblem("--out", out);
    if (badOut != null) {
      err.println("tcpfsm: audit: " + badOut);
      return Main.EXIT_PROBLEMS;
    }
    String svg = null;
    if (diagram != null) {
      try {
        svg = Svg.inline(diagram.toString(), read(diagram));
      } catch (IllegalArgumentException e) {
        err.println("tcpfsm: audit: " + e.getMessage());
        return Main.EXIT_PROBLEMS;
      }
    }
    Validator.Result result = SpecFile.loadOrBundled(specFile);
    boolean clean = SpecFile.report(result, err);
    if (svg == null && result.machine() != null && !result.machine().profileNames().isEmpty()) {
      // Drawn by tcpfsm diagram's generator, for the first audited profile (or the default one).
      List<String> names = result.machine().profileNames();
      String drawn = profiles.isEmpty() || !names.contains(profiles.get(0)) ? SpecFile.defaultProfile(names) : profiles.get(0);
      try {
        svg = Svg.inline("the " + drawn + " diagram", Diagram.svgElement(result.machine(), drawn));
      } catch (Graphviz.Missing e) {
        err.println("tcpfsm: audit: the page has no state diagram: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        err.println("tcpfsm: audit: the page has no state diagram: " + e.getMessage());
      }
    }
    AuditReport report;
    try {
      report = AuditReport.build(result, profiles, svg);
    } catch (AuditException e) {
      e.problems().forEach(p -> err.println("tcpfsm: audit: " + p));
      err.flush();
      return Main.EXIT_PROBLEMS;
    }
    Files.createDirectories(out);
    write(out.resolve("index.html"), HtmlWriter.write(report));
    write(out.resolve("audit.md"), MarkdownWriter.write(report));
    report.summary().forEach(s -> o.println("  " + s));
    o.println("wrote " + out.resolve("index.html") + " and " + out.resolve("audit.md"));
    o.flush();
    if (!clean) {
      err.println("tcpfsm: audit: " + result.machine().file() + " has errors (above); the report shows the spec as it is");
      err.flush();
      return Main.EXIT_PROBLEMS;
    }
    return 0;
  }

  /** The diagram's text, refused past {@link Svg#MAX_CHARS} bytes before more is read. */
  private static String read(Path file) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(Svg.MAX_CHARS + 1);
      if (bytes.length > Svg.MAX_CHARS) {
        throw new IllegalArgumentException(file + ": more than " + Svg.MAX_CHARS + " bytes; a diagram may have at most " + Svg.MAX_CHARS);
      }
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + SpecFile.reason(e));
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
