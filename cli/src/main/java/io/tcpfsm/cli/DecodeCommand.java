package io.tcpfsm.cli;

import io.tcpfsm.capture.CaptureException;
import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.Record;
import io.tcpfsm.capture.RecordView;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tcpfsm decode FILE}: every TCP segment of a pcap or pcapng capture, one line each, as tcpdump -S -n prints them. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Print every TCP segment of a pcap or pcapng capture, one line each, as `tcpdump -S -nr FILE` does"
          + " (local time, absolute sequence numbers), flagging bad checksums, on standard output;"
          + " then a summary line on standard error (so the output holds segments only)."
          + " FILE `-` reads the capture from standard input.",
      "Non-TCP frames are counted and skipped. IP fragments are reported, not reassembled.",
      "",
      "Exit codes: 0 the file decoded cleanly (bad checksums are reported, not an error: captures on"
          + " loopback carry unfinished checksums); 1 the file has problems: it cannot be read on"
          + " (`tcpfsm: FILE: offset N: reason` on stderr, after the lines decoded so far), or records"
          + " were skipped or frames were malformed (each named on stderr; the summary counts them,"
          + " and says where a truncated file ends); 2 usage; 3 internal error."
    })
final class DecodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A capture written by tcpdump, dumpcap, Wireshark (pcap or pcapng); - for standard input.")
  Path file;

  @Option(names = "--json", description = "One JSON object per segment on standard output, and a summary object on standard error.")
  boolean json;

  @Option(names = "--nano", description = "Print nanoseconds, as tcpdump --nano does.")
  boolean nano;

  @Override
  public Integer call() throws IOException {
    return decode(Main.stdout != null ? Main.stdout : new WriterStream(spec.commandLine().getOut()), spec.commandLine().getErr());
  }

  /**
   * {@code tcpfsm decode [--json] [--nano] FILE} as picocli would run it, without picocli: reading
   * every annotation takes longer than decoding a small capture. Null, having done nothing, for any
   * other arguments (help, an unknown option, a FILE starting with - or @, ...): those go to picocli.
   * Errors as {@link Main}'s handler reports them. {@code MainTest} checks that both ways agree.
   */
  static Integer quick(String[] args, OutputStream stdout, PrintWriter err) {
    if (args.length < 2 || args.length > 4 || !args[0].equals("decode")
        || System.getProperty("picocli.trace") != null || System.getProperty("sun.stderr.encoding") != null) {
      return null;
    }
    DecodeCommand d = new DecodeCommand();
    String name = null;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--json") && !d.json) {
        d.json = true;
      } else if (a.equals("--nano") && !d.nano) {
        d.nano = true;
      } else if (name == null && !a.isEmpty() && (a.equals("-") || (a.charAt(0) != '-' && a.charAt(0) != '@'))) {
        name = a;
      } else {
        return null;
      }
    }
    if (name == null) {
      return null;
    }
    try {
      d.file = Path.of(name);
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
    try {
      return d.decode(stdout, err);
    } catch (Exception e) {
      return Main.failed(e, err, false);
    }
  }

  private int decode(OutputStream stdout, PrintWriter err) throws IOException {
    AsciiOut out = new AsciiOut(stdout);
    Summary sum = new Summary();
    TcpdumpFormat text = new TcpdumpFormat(ZoneId.systemDefault(), nano);
    FastLine fast = new FastLine(text, nano);
    RecordView view = new RecordView();
    StringBuilder sb = new StringBuilder(256);
    CaptureException fatal = null;
    CaptureReader reader = null;
    Counting counted = null;
    try (Counting in = file.toString().equals("-") ? new Counting(System.in, false) : new Counting(Files.newInputStream(file), true)) {
      counted = in;
      reader = CaptureReader.open(new BufferedInputStream(in, 1 << 16));
      while (reader.next(view)) {
        if (!json && fast.append(out, view)) {
          sum.frames++;
          sum.tcp++;
          continue;
        }
        Record r = view.toRecord();
        Frame f = FrameDecoder.decode(r);
        sum.count(f);
        if (f.kind() == Frame.Kind.NOT_TCP) {
          continue;
        }
        sb.setLength(0);
        if (json) {
          JsonFormat.append(sb, r, f);
        } else {
          text.append(sb, r, f);
        }
        sb.append('\n');
        out.put(sb);
        if (f.kind() == Frame.Kind.MALFORMED && sum.malformed <= 100) {
          problem(err, f.error().offset(), f.error().reason());
        }
      }
    } catch (CaptureException e) {
      fatal = e;
    } catch (NoSuchFileException e) {
      err.println("tcpfsm: " + file + ": no such file");
      return Main.EXIT_PROBLEMS;
    } catch (IOException e) {
      err.println("tcpfsm: " + name() + ": " + SpecFile.reason(e));
      return Main.EXIT_PROBLEMS;
    }
    out.flush();
    long skipped = reader == null ? 0 : reader.skipped();
    if (reader != null) {
      for (CaptureException e : reader.skipProblems()) {
        problem(err, e.offset(), e.reason());
      }
    }
    if (fatal != null) {
      problem(err, fatal.offset(), fatal.reason());
    }
    sb.setLength(0);
    boolean truncated = fatal != null && fatal.reason().startsWith("truncated");
    sum.append(sb, skipped, truncated ? counted.count : -1, fatal == null ? -1 : fatal.offset(), json);
    err.println(sb);
    err.flush();
    return fatal != null || skipped > 0 || sum.malformed > 0 ? Main.EXIT_PROBLEMS : 0;
  }

  private void problem(PrintWriter err, long offset, String reason) {
    err.println("tcpfsm: " + name() + ": offset " + offset + ": " + reason);
  }

  /** The file's name in messages; standard input is "<stdin>". */
  private String name() {
    return file.toString().equals("-") ? "<stdin>" : file.toString();
  }

  /** Bytes to a writer (the command line's, when run in-process by tests), ASCII being Latin-1. */
  static final class WriterStream extends OutputStream {
    private final PrintWriter w;

    WriterStream(PrintWriter w) {
      this.w = w;
    }

    @Override
    public void write(int b) {
      w.write(b & 0xFF);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      w.write(new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Override
    public void flush() {
      w.flush();
    }
  }

  /** Counts the bytes read, so a truncated file's end can be named; closes the stream only if asked (not standard input). */
  static final class Counting extends FilterInputStream {
    long count;
    private final boolean close;

    Counting(InputStream in, boolean close) {
      super(in);
      this.close = close;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = in.skip(n);
      count += k;
      return k;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() throws IOException {
      if (close) {
        super.close();
      }
    }
  }

  /** Counts for the closing line. */
  static final class Summary {
    long frames;
    long tcp;
    long badChecksums;
    long notTcp;
    long fragments;
    long malformed;

    void count(Frame f) {
      frames++;
      switch (f.kind()) {
        case TCP -> {
          tcp++;
          if (f.checksum() == Frame.ChecksumStatus.BAD || !f.ip().headerChecksumOk()) {
            badChecksums++;
          }
        }
        case NOT_TCP -> notTcp++;
        case FRAGMENT -> fragments++;
        case MALFORMED -> malformed++;
      }
    }

    /**
     * The summary. {@code truncatedAt} is where a truncated file ends, {@code stoppedAt} where a
     * problem stopped the reading; each -1 if not.
     */
    void append(StringBuilder sb, long skipped, long truncatedAt, long stoppedAt, boolean json) {
      if (json) {
        sb.append("{\"summary\":{\"frames\":").append(frames).append(",\"tcp\":").append(tcp)
            .append(",\"bad_checksums\":").append(badChecksums).append(",\"not_tcp\":").append(notTcp)
            .append(",\"fragments\":").append(fragments).append(",\"malformed\":").append(malformed)
            .append(",\"skipped_records\":").append(skipped);
        if (truncatedAt >= 0) {
          sb.append(",\"truncated_at\":").append(truncatedAt);
        } else if (stoppedAt >= 0) {
          sb.append(",\"stopped_at\":").append(stoppedAt);
        }
        sb.append("}}");
      } else {
        sb.append("summary: ").append(frames).append(" frames, ").append(tcp).append(" TCP segments, ")
            .append(badChecksums).append(" bad checksums, ").append(notTcp).append(" non-TCP frames, ")
            .append(fragments).append(" fragments, ").append(malformed).append(" malformed, ")
            .append(skipped).append(" skipped records");
        if (truncatedAt >= 0) {
          sb.append("; truncated: the file ends at offset ").append(truncatedAt).append(", inside a record");
        } else if (stoppedAt >= 0) {
          sb.append("; reading stopped at offset ").append(stoppedAt);
        }
      }
    }
  }
}
