package io.tcpfsm.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.trace.TraceChecker;
import io.tcpfsm.trace.Verdict;
import io.tcpfsm.wire.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tcpfsm against the Linux kernel over TUN (issue 13, point 2): each {@link Transfer} runs in a
 * network namespace this test creates and deletes, once on a clean path and once with 1% of the
 * packets dropped by our link both ways, 10 MB each way. The answer key is the kernel: its sockets must receive
 * every byte tcpfsm sent, in order, see the end of the stream or the reset the transfer calls
 * for, and tcpfsm must receive every byte the kernel sent and end in CLOSED.
 */
class TunLinuxTransferTest {
  static final Path PCAPS = Path.of("target", "tun-pcaps");
  private static final Map<String, String> REPORTS = new LinkedHashMap<>();
  private static String skipReason;
  private static final List<String> ABORTS = List.of("tcpfsm-aborts", "linux-aborts");
  private static final String RESET_LOST = "-reset-lost";

  static List<String> names() {
    return Transfer.standard(1).stream().map(Transfer::name).toList();
  }

  @BeforeAll
  static void runInNamespaces() throws Exception {
    skipReason = Netns.unavailableReason();
    if (skipReason != null) {
      return;
    }
    runChild(List.of("--bytes", "10000000", "--pcap-dir", PCAPS.toString()), "");
    // With loss, 1 MB each way: a retransmission lost as well backs off the sender's timer to
    // seconds on a path without SACK, so 10 MB took from 1 s to over a minute per transfer, too
    // long for CI's budget for ten; each gives up after 300 s. At 1 MB, 59 of 60 transfers (six
    // seeds) took under 2.2 s and one 8.2 s (BENCHMARKS.md, "With 1% loss").
    runChild(List.of("--bytes", "1000000", "--loss", "0.01", "--seed", "7", "--pcap-dir", PCAPS.toString()), "-loss");
    // The aborts once more, every RST of the first half second lost: the end waiting for one
    // learns of the abort only from keep-alive (RFC 9293 3.8.4), a second idle on either end.
    runChild(List.of("--bytes", "1000000", "--only", String.join(",", ABORTS), "--lose-resets-ms", "500",
        "--suffix", RESET_LOST, "--pcap-dir", PCAPS.toString()), RESET_LOST);
  }

  private static void runChild(List<String> args, String suffix) throws Exception {
    try (Netns ns = Netns.create("tcpfsm-test")) {
      Process p = ns.startJava(LinuxPeerMain.class.getName(), args);
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertTrue(p.waitFor(30, TimeUnit.MINUTES), "the child in " + ns.name() + " did not end");
      String name = null;
      StringBuilder block = new StringBuilder();
      for (String line : (out + "\nEND").split("\n")) {
        if (!line.startsWith(" ")) {
          if (name != null) {
            REPORTS.put(name + suffix, block.toString());
          }
          name = line.split(" ")[0];
          block.setLength(0);
        }
        block.append(line).append('\n');
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void cleanPath(String name) {
    check(name, "");
  }

  @ParameterizedTest(name = "{0} with 1% loss")
  @MethodSource("names")
  void lossyPath(String name) {
    check(name, "-loss");
  }

  /**
   * The abort's RST, and those answering segments still on their way, are lost: the kernel's
   * keep-alive probe (tcpfsm-aborts) or tcpfsm's (linux-aborts) finds the connection gone, the
   * other end answers with a RST, and the waiting end hears the reset as on a clean path. The
   * pcap shows the probe: a segment without text or flags but ACK, one below what its sender sent
   * next, from the end that did not abort, after the abort.
   */
  @ParameterizedTest(name = "{0} with its reset lost")
  @MethodSource("aborts")
  void resetLost(String name) throws Exception {
    check(name, RESET_LOST);
    String waitingEnd = name.equals("linux-aborts") ? TunLink.STACK : TunLink.KERNEL;
    byte[] waiting = InetAddress.getByName(waitingEnd).getAddress();
    long nextSeq = -1;
    boolean probed = false;
    try (CaptureReader r = CaptureReader.open(Files.newInputStream(PCAPS.resolve(name + RESET_LOST + ".pcap")))) {
      for (var rec = r.next(); rec != null; rec = r.next()) {
        Frame f = FrameDecoder.decode(rec);
        if (!Arrays.equals(f.ip().src(), waiting)) {
          continue;
        }
        Segment s = f.segment();
        long seq = s.seq() & 0xFFFF_FFFFL;
        if (s.length() == 0 && s.flags() == Segment.ACK && nextSeq >= 0 && seq == ((nextSeq - 1) & 0xFFFF_FFFFL)) {
          probed = true;
        }
        if (s.segLen() > 0) {
          nextSeq = (seq + s.segLen()) & 0xFFFF_FFFFL; // the waiting end sends its SYN, then only ACKs
        }
      }
    }
    assertTrue(probed, name + RESET_LOST + ".pcap shows no keep-alive probe from " + waitingEnd);
    List<Verdict> verdicts = judgeUnderLinux(PCAPS.resolve(name + RESET_LOST + ".pcap"));
    assertEquals(1, verdicts.size(), verdicts.toString());
    assertEquals(Verdict.Kind.CONFORMS, verdicts.get(0).kind(), verdicts.get(0).toString());
  }

  static List<String> aborts() {
    return ABORTS;
  }

  private static void check(String name, String suffix) {
    assumeTrue(skipReason == null, skipReason);
    String report = REPORTS.get(name + suffix);
    assertTrue(report != null, "no report for " + name + suffix + "; reports: " + REPORTS.keySet());
    assertTrue(report.startsWith(name + " ok"), report);
  }

  /** Every run wrote a pcap our reader decodes whole, each frame an IPv4 TCP segment with a good checksum. */
  @ParameterizedTest(name = "{0}.pcap")
  @MethodSource("names")
  void pcapsDecode(String name) throws Exception {
    assumeTrue(skipReason == null, skipReason);
    for (String suffix : List.of("", "-loss")) {
      Path pcap = PCAPS.resolve(name + suffix + ".pcap");
      assertTrue(Files.exists(pcap), pcap + " was not written");
      int frames = 0;
      try (CaptureReader r = CaptureReader.open(Files.newInputStream(pcap))) {
        for (var rec = r.next(); rec != null; rec = r.next()) {
          Frame f = FrameDecoder.decode(rec);
          assertEquals(Frame.Kind.TCP, f.kind(), pcap + ": frame " + (frames + 1));
          // the device has no checksum offload: the kernel's segments carry their real checksums
          assertEquals(Frame.ChecksumStatus.GOOD, f.checksum(), pcap + ": frame " + (frames + 1));
          frames++;
        }
      }
      assertTrue(frames >= 2, pcap + " holds " + frames + " frames");
    }
  }

  /**
   * The trace checker judges each run's pcap under the linux profile (issue 13, point 2): every
   * connection of a clean run conforms; a lossy run never deviates (it may be inconclusive when,
   * after a burst of loss, more explanations fit than the checker keeps; the reason says so).
   */
  @ParameterizedTest(name = "{0}.pcap under linux")
  @MethodSource("names")
  void pcapsConformUnderLinux(String name) throws Exception {
    assumeTrue(skipReason == null, skipReason);
    for (String suffix : List.of("", "-loss")) {
      Path pcap = PCAPS.resolve(name + suffix + ".pcap");
      List<Verdict> verdicts = judgeUnderLinux(pcap);
      assertTrue(!verdicts.isEmpty(), pcap + ": no connection judged");
      for (Verdict v : verdicts) {
        if (suffix.isEmpty()) {
          assertEquals(Verdict.Kind.CONFORMS, v.kind(), pcap + ": " + v);
        } else {
          assertTrue(v.kind() != Verdict.Kind.DEVIATES, pcap + ": " + v);
        }
      }
    }
  }

  private static List<Verdict> judgeUnderLinux(Path pcap) throws Exception {
    List<Verdict> verdicts = new ArrayList<>();
    TraceChecker checker = new TraceChecker(TcpProfile.named("linux").orElseThrow(), verdicts::add);
    long n = 0;
    try (CaptureReader r = CaptureReader.open(Files.newInputStream(pcap))) {
      for (var rec = r.next(); rec != null; rec = r.next()) {
        checker.accept(FrameDecoder.decode(rec), ++n, rec.epochSecond() * 1_000_000_000L + rec.nanos());
      }
    }
    checker.finish();
    return verdicts;
  }

  /** The namespaces are gone: none named tcpfsm-test-PID-* is left. */
  @Test
  void namespacesAreDeleted() throws IOException {
    assumeTrue(skipReason == null, skipReason);
    String list = Netns.run(List.of(Netns.findIp(), "netns", "list"));
    assertEquals(-1, list.indexOf("tcpfsm-test-" + ProcessHandle.current().pid() + "-"), list);
  }
}
