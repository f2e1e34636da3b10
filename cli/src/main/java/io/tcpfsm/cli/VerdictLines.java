package io.tcpfsm.cli;

import io.tcpfsm.trace.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Where trace's standard output goes: a {@link PrintWriter} (picocli's, tests'), or, from the command
 * line, the output bytes themselves. There the common line, a verdict without a deviation or a
 * reason, is written straight into a byte buffer, as {@link TraceFormat#text(String, Verdict)} would
 * write it (every part of it is ASCII but the file's name, encoded once per file); any other line
 * goes through {@link TraceFormat} and the charset. A hundred thousand lines through a writer and its
 * encoder took a twelfth of a trace of capture B (BENCHMARKS.md, "Trace checking").
 */
final class VerdictLines {
  private static final byte[] FRAMES = " frames, ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FINAL = "; final ".getBytes(StandardCharsets.US_ASCII);

  private final PrintWriter writer;
  private final OutputStream stream;
  private final Charset charset;
  /** The charset writes ASCII as ASCII (UTF-8, ISO-8859-1, US-ASCII): only then are bytes written directly. */
  private final boolean asciiSafe;
  private final byte[] newline;
  private byte[] b = new byte[1 << 16];
  private int n;
  private final StringBuilder sb = new StringBuilder(160);
  private String file;
  private byte[] filePrefix;

  private VerdictLines(PrintWriter writer, OutputStream stream, Charset charset) {
    this.writer = writer;
    this.stream = stream;
    this.charset = charset;
    String cs = charset.name();
    this.asciiSafe = cs.equals("UTF-8") || cs.equals("ISO-8859-1") || cs.equals("US-ASCII");
    this.newline = System.lineSeparator().getBytes(charset);
  }

  static VerdictLines of(PrintWriter writer) {
    return new VerdictLines(writer, null, Charset.defaultCharset());
  }

  /** Lines as bytes in {@code charset} to {@code stream}, which {@link #flush} flushes. */
  static VerdictLines of(OutputStream stream, Charset charset) {
    return new VerdictLines(null, stream, charset);
  }

  /** {@code v}'s line, as {@link TraceFormat#text(String, Verdict)} writes it. */
  void verdict(String name, Verdict v) {
    if (writer != null || !asciiSafe || v.deviation() != null || !v.reason().isEmpty()) {
      sb.setLength(0);
      TraceFormat.text(sb, name, v);
      line(sb);
      return;
    }
    if (!name.equals(file)) {
      file = name;
      filePrefix = (name + ": ").getBytes(charset);
    }
    room(filePrefix.length + 2 * (v.a().length() + v.b().length()) + v.finalA().length() + v.finalB().length() + 64);
    int start = n;
    put(filePrefix);
    boolean ok = ascii(v.a());
    b[n++] = '-';
    ok &= ascii(v.b());
    b[n++] = ':';
    b[n++] = ' ';
    number(v.frames());
    put(FRAMES);
    ok &= ascii(v.kind().word());
    put(FINAL);
    ok &= ascii(v.a());
    b[n++] = ' ';
    ok &= ascii(v.finalA());
    b[n++] = ',';
    b[n++] = ' ';
    ok &= ascii(v.b());
    b[n++] = ' ';
    ok &= ascii(v.finalB());
    put(newline);
    if (!ok) { // never seen (names and states are ASCII), but then the charset's way
      n = start;
      sb.setLength(0);
      TraceFormat.text(sb, name, v);
      line(sb);
    }
  }

  /** Any other line. */
  void line(CharSequence s) {
    if (writer != null) {
      writer.append(s).println();
      return;
    }
    byte[] x = s.toString().getBytes(charset);
    room(x.length + newline.length);
    put(x);
    put(newline);
  }

  void flush() {
    if (writer != null) {
      writer.flush();
      return;
    }
    try {
      stream.write(b, 0, n);
      n = 0;
      stream.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void room(int len) {
    if (b.length - n < len) {
      flush();
      if (b.length < len) {
        b = new byte[len];
      }
    }
  }

  private void put(byte[] x) {
    System.arraycopy(x, 0, b, n, x.length);
    n += x.length;
  }

  /** {@code s} as ASCII bytes; false if it has another character (the line is then written the charset's way). */
  private boolean ascii(String s) {
    boolean ok = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      ok &= c < 0x80;
      b[n++] = (byte) c;
    }
    return ok;
  }

  private void number(long v) {
    if (v < 0) {
      ascii(Long.toString(v));
      return;
    }
    int start = n;
    do {
      b[n++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    for (int i = start, j = n - 1; i < j; i++, j--) {
      byte t = b[i];
      b[i] = b[j];
      b[j] = t;
    }
  }
}
