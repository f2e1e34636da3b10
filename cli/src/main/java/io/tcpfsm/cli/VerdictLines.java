package io.tcpfsm.cli;

import io.tcpfsm.trace.Verdict;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Where trace's standard output goes: a {@link PrintWriter} (picocli's, tests'), or, from the command
 * line, bytes through an {@link AsciiOut}, as decode writes. There the common line, a verdict without a
 * deviation or a reason, goes straight into the byte buffer, as {@link TraceFormat#text(String,
 * Verdict)} would write it (every part of it is ASCII but the file's name, encoded once per file);
 * any other line goes through {@link TraceFormat} and the charset. A hundred thousand lines through a
 * writer and its encoder took a twelfth of a trace of capture B (BENCHMARKS.md, "Trace checking").
 */
final class VerdictLines {
  private static final byte[] COLON = ": ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FRAMES = " frames, ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FINAL = "; final ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] COMMA = ", ".getBytes(StandardCharsets.US_ASCII);

  private final PrintWriter writer;
  private final AsciiOut bytes;
  private final Charset charset;
  /** The charset writes ASCII as ASCII (UTF-8, ISO-8859-1, US-ASCII): only then are lines put directly. */
  private final boolean asciiSafe;
  private final byte[] newline;
  private final StringBuilder sb = new StringBuilder(160);
  private String file;
  private byte[] filePrefix;

  private VerdictLines(PrintWriter writer, OutputStream stream, Charset charset) {
    this.writer = writer;
    this.bytes = stream == null ? null : new AsciiOut(stream);
    this.charset = charset;
    String cs = charset.name();
    this.asciiSafe = cs.equals("UTF-8") || cs.equals("ISO-8859-1") || cs.equals("US-ASCII");
    this.newline = System.lineSeparator().getBytes(charset);
  }

  static VerdictLines of(PrintWriter writer) {
    return new VerdictLines(writer, null, Charset.defaultCharset());
  }

  /** Lines as bytes in {@code charset} to {@code stream}, which {@link #flush} flushes (a failed write, a closed pipe, drops the rest, as a writer does). */
  static VerdictLines of(OutputStream stream, Charset charset) {
    return new VerdictLines(null, stream, charset);
  }

  /** {@code v}'s line, as {@link TraceFormat#text(String, Verdict)} writes it. */
  void verdict(String name, Verdict v) {
    if (bytes != null && asciiSafe && v.deviation() == null && v.reason().isEmpty()) {
      if (!name.equals(file)) {
        file = name;
        filePrefix = (name + ": ").getBytes(charset);
      }
      String a = v.a();
      String b = v.b();
      int len = filePrefix.length + 2 * (a.length() + b.length()) + v.finalA().length() + v.finalB().length() + 64;
      if (len <= AsciiOut.LINE && ascii(a) && ascii(b) && ascii(v.finalA()) && ascii(v.finalB())) {
        bytes.room();
        bytes.put(filePrefix);
        bytes.put(a);
        bytes.put((byte) '-');
        bytes.put(b);
        bytes.put(COLON);
        bytes.dec(v.frames());
        bytes.put(FRAMES);
        bytes.put(v.kind().word());
        bytes.put(FINAL);
        bytes.put(a);
        bytes.put((byte) ' ');
        bytes.put(v.finalA());
        bytes.put(COMMA);
        bytes.put(b);
        bytes.put((byte) ' ');
        bytes.put(v.finalB());
        bytes.put(newline);
        return;
      }
    }
    sb.setLength(0);
    TraceFormat.text(sb, name, v);
    line(sb);
  }

  /** Any other line. */
  void line(CharSequence s) {
    if (writer != null) {
      writer.append(s).println();
      return;
    }
    bytes.write(s.toString().getBytes(charset));
    bytes.write(newline);
  }

  void flush() {
    if (writer != null) {
      writer.flush();
    } else {
      bytes.flush();
    }
  }

  /** Whether every character of {@code s} is ASCII (addresses, ports, states: always). */
  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
