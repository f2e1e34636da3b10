package io.tcpfsm.cli;

import io.tcpfsm.diagram.Diagram;
import io.tcpfsm.diagram.Graphviz;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tcpfsm diagram}: the textbook state diagram (TLPI Figure 61-4) drawn from the model. */
@Command(
    name = "diagram",
    mixinStandardHelpOptions = true,
    description = {
      "Draw the state diagram of a profile, as TLPI Figure 61-4 and RFC 793 Figure 6 do. States "
          + "are boxes; arrows are labelled 'event / sends' (calls in bold, 'recv X' for segments); "
          + "the usual client path is heavy and solid, the usual server path heavy and dashed (tag "
          + "client, tag server in the spec), the rest thin.",
      "Drawn: every transition that changes state, except the abnormal ends (to CLOSED on "
          + "ABORT, the user timeout, or a reset received or sent).",
      "dot and mermaid are written by tcpfsm; svg and png need Graphviz's dot on PATH (package "
          + "graphviz) and exit 1 saying so without it. Text goes to standard output unless --out is "
          + "given; png without --out is written to <machine>-<profile>.png (tcp-rfc9293.png for the "
          + "bundled spec)."
    })
final class DiagramCommand implements Callable<Integer> {
  /** The formats, each with the file endings that imply it when --format is not given. */
  enum Format {
    dot(".dot", ".gv"),
    mermaid(".mmd", ".mermaid"),
    svg(".svg"),
    png(".png");

    private final List<String> endings;

    Format(String... endings) {
      this.endings = List.of(endings);
    }

    static Format forFile(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      for (Format f : values()) {
        if (f.endings.stream().anyMatch(name::endsWith)) {
          return f;
        }
      }
      return null;
    }
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--profile", paramLabel = "P", description = "The profile to draw (default: rfc9293 when the spec has it, else its last).")
  String profile;

  @Option(names = "--format", paramLabel = "F",
      description = "dot, mermaid, svg or png (default: from --out's ending, else dot).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
  Path out;

  @Option(names = "--spec", paramLabel = "FILE", description = "The spec (default: the bundled spec/tcp.fsm).")
  Path specFile;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Validator.Result result = SpecFile.loadValid(specFile, err);
    if (result == null) {
      return Main.EXIT_PROBLEMS;
    }
    List<String> profiles = result.machine().profileNames();
    String p = profile == null ? SpecFile.defaultProfile(profiles) : profile;
    if (!profiles.contains(p)) {
      err.println("tcpfsm: diagram: no profile '" + p + "'; this spec has " + String.join(", ", profiles));
      return Main.EXIT_PROBLEMS;
    }
    Format f = format != null ? format : out != null && Format.forFile(out) != null ? Format.forFile(out) : Format.dot;
    Path target = out != null || f != Format.png ? out : Path.of(result.machine().name() + "-" + p + ".png");
    byte[] bytes;
    try {
      bytes = switch (f) {
        case dot -> Diagram.dot(result.machine(), p).getBytes(StandardCharsets.UTF_8);
        case mermaid -> Diagram.mermaid(result.machine(), p).getBytes(StandardCharsets.UTF_8);
        case svg -> Diagram.svg(result.machine(), p).getBytes(StandardCharsets.UTF_8);
        case png -> Diagram.png(result.machine(), p);
      };
    } catch (Graphviz.Missing e) {
      err.println("tcpfsm: diagram: --format " + f + ": " + e.getMessage() + "; --format dot and mermaid need no tool");
      return Main.EXIT_PROBLEMS;
    } catch (Graphviz.Failed e) {
      err.println("tcpfsm: diagram: " + e.getMessage());
      return Main.EXIT_PROBLEMS;
    }
    if (target == null) {
      PrintWriter o = spec.commandLine().getOut();
      o.print(new String(bytes, StandardCharsets.UTF_8));
      o.flush();
      return 0;
    }
    try {
      Files.write(target, bytes);
    } catch (IOException e) {
      err.println("tcpfsm: diagram: cannot write " + target + ": " + reason(e));
      return Main.EXIT_PROBLEMS;
    }
    if (out == null) {
      err.println("tcpfsm: diagram: wrote " + target);
    }
    return 0;
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "its folder does not exist";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage();
  }
}
