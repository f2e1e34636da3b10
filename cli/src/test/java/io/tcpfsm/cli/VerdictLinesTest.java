package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.trace.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * trace's lines written as bytes (the command line's way) are those the writer's way gives, encoded:
 * the answer key is {@link TraceFormat#text(String, Verdict)} through a {@link PrintWriter}, which
 * {@code TraceCommandTest} checks against the expected verdict lines.
 */
class VerdictLinesTest {
  private static final Verdict.Deviation DEVIATION = new Verdict.Deviation(6, "a FIN at SEQ=SND.NXT=5", "ACK seq 5 ack 9 win 100 len 3 from 10.0.0.1:40000",
      "FIN_WAIT2_DATA", "RFC 9293 3.10.7.4", "FIN_WAIT_2", "CLOSE_WAIT");

  private static final List<Verdict> VERDICTS = List.of(
      new Verdict("10.0.0.1:40000", "10.0.0.2:80", 1, 10, Verdict.Kind.CONFORMS, null, "", "TIME_WAIT", "CLOSED"),
      new Verdict("10.0.0.1:40000", "10.0.0.2:80", 12, 0, Verdict.Kind.CONFORMS, null, "", "SYN_SENT", "SYN_RECEIVED|CLOSED"),
      new Verdict("[2001:db8::1]:443", "[2001:db8::2]:65535", 3, 1_234_567_890_123L, Verdict.Kind.CONFORMS, null, "", "ESTABLISHED", "ESTABLISHED"),
      new Verdict("10.0.0.1:40000", "10.0.0.2:80", 1, 7, Verdict.Kind.DEVIATES, DEVIATION, "", "FIN_WAIT_2", "CLOSE_WAIT"),
      new Verdict("10.0.0.1:40000", "10.0.0.2:80", 1, 1, Verdict.Kind.INCONCLUSIVE, null, "a single frame from the middle of a connection: nothing to compare it with",
          "ESTABLISHED|CLOSE_WAIT", "ESTABLISHED"),
      new Verdict("10.0.0.1:40000", "10.0.0.2:80", 1, 9, Verdict.Kind.CONFORMS, null, "assuming 1 segment(s) lost out of sight of the capture", "TIME_WAIT", "CLOSED"),
      new Verdict("10.0.0.1:40000", "10.0.0.2:80", 1, 9, Verdict.Kind.CONFORMS, null, "", "TIME_WAIT\u00e9", "CLOSED")); // not ASCII: never made, still right

  private static String byWriter(String file, List<Verdict> vs) {
    StringWriter s = new StringWriter();
    VerdictLines w = VerdictLines.of(new PrintWriter(s));
    for (Verdict v : vs) {
      w.verdict(file, v);
    }
    w.line("summary: " + vs.size());
    w.flush();
    return s.toString();
  }

  private static byte[] byBytes(String file, List<Verdict> vs, Charset cs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VerdictLines w = VerdictLines.of(out, cs);
    for (Verdict v : vs) {
      w.verdict(file, v);
    }
    w.line("summary: " + vs.size());
    w.flush();
    return out.toByteArray();
  }

  @Test
  void everyLineIsTheWritersInEveryCharset() {
    for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII, StandardCharsets.UTF_16LE)) {
      for (String file : List.of("captures/b.pcap", "capt\u00fcres/caf\u00e9.pcap", "<stdin>")) {
        assertThat(new String(byBytes(file, VERDICTS, cs), cs)).as("%s, %s", cs, file).isEqualTo(new String(byWriter(file, VERDICTS).getBytes(cs), cs));
        assertThat(byBytes(file, VERDICTS, cs)).as("%s, %s", cs, file).isEqualTo(byWriter(file, VERDICTS).getBytes(cs));
      }
    }
  }

  /** More lines than the buffer holds, one file name after another: flushed in order, nothing lost. */
  @Test
  void manyLinesAndFiles() {
    List<Verdict> many = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      many.add(VERDICTS.get(i % VERDICTS.size()));
    }
    for (String file : List.of("a.pcap", "b.pcap")) {
      assertThat(byBytes(file, many, StandardCharsets.UTF_8)).isEqualTo(byWriter(file, many).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A closed pipe ({@code tcpfsm trace big.pcap | head}): the rest of the output is dropped, as a writer drops it, and nothing is thrown. */
  @Test
  void aFailedWriteDropsTheRestWithoutThrowing() {
    int[] attempts = {0};
    java.io.OutputStream closed = new java.io.OutputStream() {
      @Override
      public void write(int b) throws IOException {
        attempts[0]++;
        throw new IOException("Broken pipe");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        attempts[0]++;
        throw new IOException("Broken pipe");
      }
    };
    VerdictLines w = VerdictLines.of(closed, StandardCharsets.UTF_8);
    for (int i = 0; i < 3000; i++) { // past the buffer: written, failed, then dropped
      w.verdict("b.pcap", VERDICTS.get(i % VERDICTS.size()));
    }
    w.line("summary: 3000");
    w.flush();
    assertThat(attempts[0]).isEqualTo(1);
  }

  /** The command line's quick path to bytes prints what its writer path prints, on every bundled capture, Linux's too. */
  @Test
  void theCommandLinesBytesAreTheWritersText() throws IOException {
    List<String> args = new ArrayList<>(List.of("trace", "--profile", "linux"));
    try (Stream<Path> s = Files.list(CliRun.capture("linux"))) {
      s.filter(p -> p.toString().endsWith(".pcap")).sorted().forEach(p -> args.add(p.toString()));
    }
    try (Stream<Path> s = Files.list(CliRun.capture("linux").getParent())) {
      s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().forEach(p -> args.add(p.toString()));
    }
    for (String extra : List.of("--quiet", "--json", "--coverage")) {
      List<String> with = new ArrayList<>(args);
      with.add(1, extra);
      String[] a = with.toArray(String[]::new);
      StringWriter text = new StringWriter();
      StringWriter textErr = new StringWriter();
      Integer byWriter = TraceCommand.quick(a, new PrintWriter(text), new PrintWriter(textErr));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      StringWriter bytesErr = new StringWriter();
      Integer byBytes = TraceCommand.quick(a, bytes, new PrintWriter(bytesErr));
      assertThat(byBytes).as(extra).isEqualTo(byWriter);
      assertThat(text.toString()).as(extra).contains("conforms");
      assertThat(bytes.toString(Charset.defaultCharset())).as(extra).isEqualTo(text.toString());
      assertThat(bytesErr.toString()).as(extra).isEqualTo(textErr.toString()); // the summary, for --json
    }
  }
}
