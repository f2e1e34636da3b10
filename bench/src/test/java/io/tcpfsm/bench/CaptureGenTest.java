package io.tcpfsm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.Record;
import io.tcpfsm.wire.Segment;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark capture is correct TCP: every frame decodes with good IP and TCP checksums, and
 * every connection follows RFC 9293's sequence rules (SYN, SYN,ACK acknowledging ISN+1, each
 * segment at its sender's next sequence number acknowledging all the peer sent, SYN and FIN
 * counting one, FIN from both ends, the last ACK); tshark, an independent reader, counts one
 * conversation per connection.
 */
class CaptureGenTest {
  /** Per connection: each side's next sequence number, and what has been seen. */
  private static final class Conn {
    long clientNext = -1;
    long serverNext = -1;
    int frames;
    boolean clientFin;
    boolean serverFin;
    boolean closed;
  }

  @Test
  void everyConnectionIsCorrectTcpAndTsharkAgrees(@TempDir Path tmp) throws Exception {
    Path pcap = tmp.resolve("gen.pcap");
    long[] written;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pcap))) {
      written = CaptureGen.write(out, 30_000, 7);
    }
    assertThat(written[0]).isBetween(29_000L, 31_000L);
    assertThat(written[1]).isBetween(2_500L, 3_500L);

    Map<String, Conn> conns = new HashMap<>();
    long frames = 0;
    try (InputStream in = Files.newInputStream(pcap); CaptureReader r = CaptureReader.open(in)) {
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        frames++;
        Frame f = FrameDecoder.decode(rec);
        assertThat(f.kind()).isEqualTo(Frame.Kind.TCP);
        assertThat(f.checksum()).isEqualTo(Frame.ChecksumStatus.GOOD);
        assertThat(f.ip().headerChecksumOk()).isTrue();
        Segment s = f.segment();
        boolean fromClient = s.dstPort() == 80;
        byte[] client = fromClient ? f.ip().src() : f.ip().dst();
        String key = Arrays.toString(client) + ":" + (fromClient ? s.srcPort() : s.dstPort());
        Conn c = conns.computeIfAbsent(key, k -> new Conn());
        check(c, s, fromClient, key + " frame " + frames);
      }
    }
    assertThat(frames).isEqualTo(written[0]);
    assertThat(conns).hasSize((int) written[1]);
    assertThat(conns.values()).allMatch(c -> c.closed && c.clientFin && c.serverFin);

    assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark is not installed: the independent count is skipped");
    Process p = new ProcessBuilder("/usr/bin/tshark", "-r", pcap.toString(), "-q", "-z", "conv,tcp")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out.lines().filter(l -> l.contains("<->")).count()).isEqualTo(written[1]);

    // tshark's own checks, checksums included: no error (a malformed frame is one) and no warning.
    Process e = new ProcessBuilder("/usr/bin/tshark", "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
        "-r", pcap.toString(), "-q", "-z", "expert,warn").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String expert = new String(e.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(e.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(expert).doesNotContain("Errors (").doesNotContain("Warns (").doesNotContain("Malformed");
  }

  /** RFC 9293 3.4: a segment occupies SEG.LEN = text + SYN + FIN of its sender's sequence space. */
  private static void check(Conn c, Segment s, boolean fromClient, String where) {
    long seq = Integer.toUnsignedLong(s.seq());
    long ack = Integer.toUnsignedLong(s.ack());
    long len = s.length() + (s.syn() ? 1 : 0) + (s.fin() ? 1 : 0);
    assertThat(c.closed).as(where + ": a frame after the last ACK").isFalse();
    if (c.frames == 0) {
      assertThat(fromClient && s.syn() && !s.ackFlag()).as(where + ": starts with the client's SYN").isTrue();
      c.clientNext = seq;
    } else if (c.frames == 1) {
      assertThat(!fromClient && s.syn() && s.ackFlag()).as(where + ": then the server's SYN,ACK").isTrue();
      c.serverNext = seq;
    } else {
      assertThat(s.syn()).as(where).isFalse();
    }
    long own = fromClient ? c.clientNext : c.serverNext;
    assertThat(seq).as(where + ": SEG.SEQ is the sender's next").isEqualTo(own);
    if (s.ackFlag()) {
      long peer = fromClient ? c.serverNext : c.clientNext;
      assertThat(ack).as(where + ": SEG.ACK is all the peer sent").isEqualTo(peer);
    }
    long next = (seq + len) & 0xFFFF_FFFFL;
    if (fromClient) {
      c.clientNext = next;
      if (c.serverFin && c.clientFin && !s.fin() && len == 0) {
        c.closed = true; // the last ACK
      }
      c.clientFin |= s.fin();
    } else {
      c.serverNext = next;
      if (s.fin()) {
        assertThat(c.clientFin).as(where + ": the client closes first").isTrue();
      }
      c.serverFin |= s.fin();
    }
    c.frames++;
  }
}
