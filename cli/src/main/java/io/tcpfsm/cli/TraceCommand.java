package io.tcpfsm.cli;

import io.tcpfsm.capture.CaptureException;
import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.Record;
import io.tcpfsm.capture.RecordView;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.trace.Coverage;
import io.tcpfsm.trace.FrameChecker;
import io.tcpfsm.trace.TraceChecker;
import io.tcpfsm.trace.Verdict;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tcpfsm trace FILE...}: judge every TCP connection of captures against a profile's model. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Split pcap or pcapng captures into TCP connections and say, for each, whether both endpoints"
          + " behaved as the profile's model allows: conforms, deviates (the first frame that no"
          + " hypothesis explains: what the model allowed, what was seen, the rule and its RFC clause,"
          + " and the states each endpoint may have been in) or inconclusive (with the reason).",
      "What a capture cannot show is inferred: ISNs and windows from the first segments, user calls and"
          + " timeouts from the segments only they explain, segments lost before or after the capture"
          + " point, duplicated or reordered. Bad TCP checksums (loopback and offload) are not corruption.",
      "Bounds: at most 64 hypotheses per endpoint (those assuming the most hidden events are dropped"
          + " beyond); a connection is checked first with hypotheses assuming no hidden event, its first"
          + " 4,096 frames (524,288 for all connections) kept to check it again with them all where those"
          + " fail, and again with up to 256 per endpoint where pruning left a frame unexplained. A frame"
          + " no kept hypothesis explains after a bound was passed is inconclusive, with the bound as its"
          + " reason. --coverage checks every connection with all hypotheses (slower).",
      "Timeouts are bounded by the timestamps for TIME-WAIT: it ends no sooner than --time-wait seconds"
          + " after its timer started (RFC 9293 3.10.8; Linux keeps 60 s, RFC 9293's MSL makes 4 minutes).",
      "",
      "Exit codes: 0 no connection deviates (conforming and inconclusive ones); 1 some connection"
          + " deviates; 2 usage, or a capture that cannot be read (`tcpfsm: FILE: offset N: reason`)."
    })
final class TraceCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Captures (pcap or pcapng); - for standard input.")
  List<Path> files;

  @Option(names = "--profile", paramLabel = "P", description = "The profile to judge by (default: rfc9293).")
  String profile = "rfc9293";

  @Option(names = "--json", description = "One JSON object per connection per line.")
  boolean json;

  @Option(names = "--quiet", description = "No progress bar on standard error.")
  boolean quiet;

  @Option(names = "--coverage", description = "Also report which rules and cells of the profile the captures exercised, and which rules never.")
  boolean coverage;

  @Option(names = "--time-wait", paramLabel = "SECONDS", description = "The shortest TIME-WAIT an endpoint is taken to keep (default: 30):"
      + " one that answers as CLOSED sooner after its TIME-WAIT began deviates.")
  double timeWait = TraceChecker.MIN_TIME_WAIT_NANOS / 1e9;

  @Override
  public Integer call() throws IOException {
    return trace(VerdictLines.of(spec.commandLine().getOut()), spec.commandLine().getErr());
  }

  /**
   * {@code tcpfsm trace [--profile P] [--json] [--quiet] [--coverage] [--time-wait SECONDS] FILE...} as picocli would run
   * it, without picocli's start-up cost (as {@link DecodeCommand#quick}); null, having done nothing,
   * for anything else (help, an unknown option, a FILE starting with - or @): picocli answers those.
   */
  static Integer quick(String[] args, PrintWriter out, PrintWriter err) {
    return quick(args, VerdictLines.of(out), err);
  }

  /** As above, standard output's lines written as bytes to {@code stdout} in the default charset (the command line's way). */
  static Integer quick(String[] args, java.io.OutputStream stdout, PrintWriter err) {
    return quick(args, VerdictLines.of(stdout, java.nio.charset.Charset.defaultCharset()), err);
  }

  private static Integer quick(String[] args, VerdictLines out, PrintWriter err) {
    if (args.length < 2 || !args[0].equals("trace") || System.getProperty("picocli.trace") != null) {
      return null;
    }
    TraceCommand t = new TraceCommand();
    t.files = new java.util.ArrayList<>();
    boolean profileSet = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--json" -> t.json = true;
        case "--quiet" -> t.quiet = true;
        case "--coverage" -> t.coverage = true;
        case "--profile" -> {
          if (profileSet || i + 1 >= args.length) {
            return null;
          }
          profileSet = true;
          t.profile = args[++i];
        }
        case "--time-wait" -> {
          if (i + 1 >= args.length || !args[i + 1].matches("[0-9]{1,9}(\\.[0-9]{1,9})?")) {
            return null; // picocli says what is wrong
          }
          t.timeWait = Double.parseDouble(args[++i]);
        }
        default -> {
          if (a.isEmpty() || (!a.equals("-") && (a.charAt(0) == '-' || a.charAt(0) == '@'))) {
            return null;
          }
          try {
            t.files.add(Path.of(a));
          } catch (java.nio.file.InvalidPathException e) {
            return null;
          }
        }
      }
    }
    if (t.files.isEmpty()) {
      return null;
    }
    try {
      return t.trace(out, err);
    } catch (Exception e) {
      return Main.failed(e, err, false);
    }
  }

  private int trace(VerdictLines out, PrintWriter err) {
    try {
      return lines(out, err);
    } finally {
      out.flush(); // what was written, also when checking failed
      err.flush();
    }
  }

  private int lines(VerdictLines out, PrintWriter err) {
    TcpProfile p = TcpProfile.named(profile).orElse(null);
    if (p == null) {
      err.println("tcpfsm: trace: no profile '" + profile + "'; profiles are "
          + String.join(", ", Arrays.stream(TcpProfile.values()).map(TcpProfile::specName).toList()));
      return Main.EXIT_USAGE;
    }
    if (!(timeWait >= 0 && timeWait <= 1e9)) {
      err.println("tcpfsm: trace: --time-wait takes seconds, from 0 to 1000000000, not " + timeWait);
      return Main.EXIT_USAGE;
    }
    long[] counts = new long[Verdict.Kind.values().length]; // by ordinal: no boxing per connection
    boolean unreadable = false;
    Coverage all = null;
    for (Path file : files) {
      String name = file.toString().equals("-") ? "<stdin>" : file.toString();
      Consumer<Verdict> print = v -> {
        counts[v.kind().ordinal()]++;
        if (json) {
          out.line(TraceFormat.json(name, v));
        } else {
          out.verdict(name, v);
        }
      };
      FrameChecker checker = Checker.of(p, threads(), print, coverage).minTimeWait(Math.round(timeWait * 1e9));
      try (checker; Progress progress = Progress.onTerminal(err, quiet, name)) {
        if (!read(file, name, checker, err, progress)) {
          unreadable = true;
        }
        checker.finish();
      }
      if (coverage) {
        all = checker.coverage(); // per file: each file's checker counts what it saw
        out.line(json ? TraceFormat.json(name, p.specName(), all.report()) : TraceFormat.text(name, p.specName(), all.report()));
      }
    }
    String summary = "summary: " + java.util.Arrays.stream(counts).sum() + " connections: "
        + counts[Verdict.Kind.CONFORMS.ordinal()] + " conform, " + counts[Verdict.Kind.DEVIATES.ordinal()] + " deviate, "
        + counts[Verdict.Kind.INCONCLUSIVE.ordinal()] + " inconclusive";
    if (json) {
      err.println(summary);
    } else {
      out.line(summary);
    }
    if (unreadable) {
      return Main.EXIT_USAGE;
    }
    return counts[Verdict.Kind.DEVIATES.ordinal()] > 0 ? Main.EXIT_PROBLEMS : 0;
  }

  /**
   * Checker threads: two where the machine has two cores or more ({@code ParallelTraceChecker}: the
   * main thread reads while they check, and checks too while it waits for them), none on one core
   * (all on this thread), or as {@code -Dtcpfsm.trace.threads=N} asks. Measured on a 2-core machine
   * (capture B of BENCHMARKS.md, "Trace checking"): with the reading thread helping, two threads
   * took 1.43 to 1.58 s against 1.48 to 1.57 s for one, in alternating runs; three were no faster.
   * More cores were not measured, so two stays the default there too.
   */
  static int threads() {
    String forced = System.getProperty("tcpfsm.trace.threads"); // TCPFSM_JAVA_OPTS=-Dtcpfsm.trace.threads=0
    if (forced != null && forced.matches("[0-9]{1,3}")) {
      return Integer.parseInt(forced);
    }
    return Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 0;
  }

  /** Streams one capture through the checker; false (with the reason on {@code err}) when it cannot be read to its end. */
  private static boolean read(Path file, String name, FrameChecker checker, PrintWriter err, Progress progress) {
    long size = -1;
    try (DecodeCommand.Counting in = file.toString().equals("-")
        ? new DecodeCommand.Counting(System.in, false) : new DecodeCommand.Counting(Files.newInputStream(file), true)) {
      if (!file.toString().equals("-")) {
        size = Files.size(file);
      }
      CaptureReader reader = CaptureReader.open(new BufferedInputStream(in, 1 << 16));
      RecordView view = new RecordView();
      long n = 0;
      while (reader.next(view)) {
        if (!checker.accept(view, ++n)) { // the common frame straight from the buffer, any other decoded
          Record r = view.toRecord();
          checker.accept(FrameDecoder.decode(r), n, r.epochSecond() * 1_000_000_000L + r.nanos());
        }
        if ((n & 0x3FFF) == 0) {
          progress.update(in.count, size, "bytes", n + " frames, " + checker.connections() + " connections");
        }
      }
      for (CaptureException e : reader.skipProblems()) {
        err.println("tcpfsm: " + name + ": offset " + e.offset() + ": " + e.reason());
      }
      return true;
    } catch (CaptureException e) {
      progress.close();
      err.println("tcpfsm: " + name + ": offset " + e.offset() + ": " + e.reason());
    } catch (NoSuchFileException e) {
      err.println("tcpfsm: " + name + ": no such file");
    } catch (IOException e) {
      err.println("tcpfsm: " + name + ": " + SpecFile.reason(e));
    }
    return false;
  }
}
