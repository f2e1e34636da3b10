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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    // long for CI's budget for ten; each gives up after 300 s.
    runChild(List.of("--bytes", "1000000", "--loss", "0.01", "--seed", "7", "--pcap-dir", PCAPS.toString()), "-loss");
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
      List<Verdict> verdicts = new java.util.ArrayList<>();
      TraceChecker checker = new TraceChecker(TcpProfile.named("linux").orElseThrow(), verdicts::add);
      long n = 0;
      try (CaptureReader r = CaptureReader.open(Files.newInputStream(pcap))) {
        for (var rec = r.next(); rec != null; rec = r.next()) {
          checker.accept(FrameDecoder.decode(rec), ++n, rec.epochSecond() * 1_000_000_000L + rec.nanos());
        }
      }
      checker.finish();
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

  /** The namespaces are gone: none named tcpfsm-test-PID-* is left. */
  @Test
  void namespacesAreDeleted() throws IOException {
    assumeTrue(skipReason == null, skipReason);
    String list = Netns.run(List.of(Netns.findIp(), "netns", "list"));
    assertEquals(-1, list.indexOf("tcpfsm-test-" + ProcessHandle.current().pid() + "-"), list);
  }
}
