package io.tcpfsm.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.wire.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** tcpdump's reading of a capture, the independent answer key for the project's decoder. */
final class Tcpdump {
  // 17:38:01.801199 IP 127.0.0.1.40001 > 127.0.0.1.5001: Flags [P.], seq 1:1001, ack 7, win 63, options [...], length 1000
  private static final Pattern LINE = Pattern.compile(
      "^\\S+ IP6? \\S+\\.(\\d+) > \\S+\\.(\\d+): Flags \\[([^\\]]*)\\](?:, seq (\\d+)(?::(\\d+))?)?(?:, ack (\\d+))?, win (\\d+).*, length (\\d+)$");

  private Tcpdump() {}

  static boolean available() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, "tcpdump"))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin/tcpdump"));
  }

  /** tcpdump's flag letters in its order: F S R P . (bittok2str over tcp_flag_values). */
  static String letters(Segment s) {
    StringBuilder b = new StringBuilder();
    if (s.fin()) {
      b.append('F');
    }
    if (s.syn()) {
      b.append('S');
    }
    if (s.rst()) {
      b.append('R');
    }
    if (s.psh()) {
      b.append('P');
    }
    if (s.ackFlag()) {
      b.append('.');
    }
    return b.toString();
  }

  /** Every frame as {@code tcpdump -S -nr} prints it agrees with the decoder: ports, flags, seq, ack, window, length. */
  static void assertSameReading(Path pcap, Outline decoded) throws Exception {
    String out = Nft.exec(List.of(Files.isExecutable(Path.of("/usr/bin/tcpdump")) ? "/usr/bin/tcpdump" : "tcpdump",
        "-S", "-n", "-r", pcap.toString()));
    List<String> lines = out.lines().filter(l -> !l.startsWith("reading from file")).toList();
    List<Segment> segs = decoded.segments();
    assertThat(lines).as(pcap + ": frames tcpdump reads").hasSize(segs.size());
    for (int i = 0; i < lines.size(); i++) {
      String where = pcap.getFileName() + " frame " + (i + 1) + ": " + lines.get(i);
      Matcher m = LINE.matcher(lines.get(i));
      assertThat(m.matches()).as(where + " (tcpdump's line not understood)").isTrue();
      Segment s = segs.get(i);
      assertThat(s.srcPort()).as(where).isEqualTo(Integer.parseInt(m.group(1)));
      assertThat(s.dstPort()).as(where).isEqualTo(Integer.parseInt(m.group(2)));
      assertThat(letters(s)).as(where).isEqualTo(m.group(3));
      if (m.group(4) != null) {
        assertThat(Integer.toUnsignedLong(s.seq())).as(where).isEqualTo(Long.parseLong(m.group(4)));
      }
      if (m.group(6) != null) {
        assertThat(Integer.toUnsignedLong(s.ack())).as(where).isEqualTo(Long.parseLong(m.group(6)));
      }
      assertThat(s.window()).as(where).isEqualTo(Integer.parseInt(m.group(7)));
      assertThat(s.length()).as(where).isEqualTo(Integer.parseInt(m.group(8)));
    }
  }
}
