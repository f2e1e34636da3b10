package io.tcpfsm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.link.Netns;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.machine.TcpState;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Probes of this machine's kernel (CLOSED, LISTEN, ESTABLISHED, LAST-ACK: 201 probes in two namespaces).
 * The answer keys are the RFCs' text for behaviour Linux is documented to have (RFC 5961's
 * challenge ACKs since Linux 3.6; RFC 9293 3.10.7.1 and 3.10.7.2 for segments to no connection
 * and to a listener), not the profiles the matrix compares with.
 */
class TunProbeTest {
  private static final Path OUT = Path.of("target", "probe-out");
  private static String skipReason;
  private static final Map<String, Observation> SEEN = new HashMap<>();
  private static List<Observation> all;

  @BeforeAll
  static void probe() throws Exception {
    skipReason = Netns.unavailableReason();
    if (skipReason != null) {
      return;
    }
    List<Probe> probes = Probe.grid(List.of(TcpState.CLOSED, TcpState.LISTEN, TcpState.ESTABLISHED, TcpState.LAST_ACK));
    all = ProbeEngine.run(probes, 2, OUT, 100, "rfc9293");
    for (Observation o : all) {
      SEEN.put(o.probe().id(), o);
    }
  }

  private static Observation seen(String id) {
    assumeTrue(skipReason == null, skipReason);
    Observation o = SEEN.get(id);
    assertTrue(o != null && o.ran(), id + ": " + (o == null ? "missing" : o.why()));
    return o;
  }

  private static void expect(String id, List<String> sends, TcpState state) {
    Observation o = seen(id);
    assertEquals(sends, o.sends(), id + " sends");
    assertEquals(state, o.state(), id + " state afterwards");
  }

  @Test
  void everyProbeRan() {
    assumeTrue(skipReason == null, skipReason);
    assertEquals(201, all.size());
    all.forEach(o -> assertTrue(o.ran(), o.probe().id() + ": " + o.why()));
  }

  /** RFC 9293 3.10.7.1: no connection; a SYN gets <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>, an ACK <SEQ=SEG.ACK><CTL=RST>. */
  @Test
  void closedAnswersWithResets() {
    expect("CLOSED-SYN-rcv_nxt-snd_nxt", List.of("RST+ACK"), TcpState.CLOSED);
    expect("CLOSED-ACK-rcv_nxt-snd_nxt", List.of("RST"), TcpState.CLOSED);
    expect("CLOSED-RST-rcv_nxt-snd_nxt", List.of(), TcpState.CLOSED); // "An incoming segment containing a RST is discarded"
  }

  /** RFC 9293 3.10.7.2: a SYN gets a SYN,ACK and SYN-RECEIVED; "any acknowledgment is bad": RST. */
  @Test
  void listenAnswers() {
    expect("LISTEN-SYN-rcv_nxt-snd_nxt", List.of("SYN+ACK"), TcpState.SYN_RECV);
    expect("LISTEN-ACK-rcv_nxt-snd_nxt", List.of("RST"), TcpState.LISTEN);
    expect("LISTEN-RST-rcv_nxt-snd_nxt", List.of(), TcpState.LISTEN);
  }

  /**
   * RFC 5961 3.2 and 4.2: an RST exactly at RCV.NXT resets; one elsewhere in the window, and any
   * SYN, gets a challenge ACK; the connection stays.
   */
  @Test
  void establishedFollowsRfc5961() {
    expect("ESTABLISHED-RST-rcv_nxt-snd_nxt", List.of(), TcpState.CLOSED);
    expect("ESTABLISHED-RST-in_window-snd_nxt", List.of("ACK"), TcpState.ESTABLISHED);
    expect("ESTABLISHED-SYN-in_window-snd_nxt", List.of("ACK"), TcpState.ESTABLISHED);
    expect("ESTABLISHED-SYN-rcv_nxt-snd_nxt", List.of("ACK"), TcpState.ESTABLISHED);
  }

  /**
   * RFC 9293 3.10.7.4, LAST-ACK: "If our FIN is now acknowledged, delete the TCB, enter the CLOSED
   * state". The path there starts with listen(): the listener left behind is another TCB.
   */
  @Test
  void lastAckEndsInClosed() {
    expect("LAST_ACK-ACK-rcv_nxt-snd_nxt", List.of(), TcpState.CLOSED);
  }

  /**
   * RFC 1122 4.2.2.13: a host that closes "while received data is still pending in TCP ... SHOULD
   * send a RST" (RFC 2525 2.17). Linux does; neither profile models it, both expect a FIN.
   */
  @Test
  void closeWithUnreadTextResets() {
    Observation o = seen("ESTABLISHED-data+close-rcv_nxt-snd_nxt");
    assertEquals(TcpState.CLOSED, o.state());
    assertEquals("RST+ACK", o.sends().get(o.sends().size() - 1), o.sends().toString());
    for (TcpProfile p : List.of(TcpProfile.RFC793, TcpProfile.RFC9293)) {
      Expected e = Expected.of(p, o);
      assertEquals(List.of("ACK", "FIN+ACK"), e.sends(), p.specName());
      assertEquals(TcpState.FIN_WAIT1, e.state(), p.specName());
    }
  }

  /** The known disagreement: RFC 793 resets for an in-window SYN (p.71) where Linux sends a challenge ACK. */
  @Test
  void rfc793DisagreesOnTheSynInTheWindow() {
    Observation o = seen("ESTABLISHED-SYN-in_window-snd_nxt");
    Matrix m = new Matrix(List.of(TcpProfile.RFC793, TcpProfile.RFC9293), List.of(o));
    Expected rfc793 = m.rows().get(0).expected().get(0);
    assertEquals(false, rfc793.agrees(o));
    assertTrue(rfc793.citation().contains("RFC 793 3.9 p.71"), rfc793.citation());
    assertEquals(true, m.rows().get(0).expected().get(1).agrees(o));
  }

  /** Every probe left a pcap and a packetdrill script. */
  @Test
  void eachProbeWroteItsFiles() throws Exception {
    assumeTrue(skipReason == null, skipReason);
    for (Observation o : all) {
      assertTrue(Files.size(OUT.resolve("pcap").resolve(o.probe().id() + ".pcap")) > 24, o.probe().id());
      assertTrue(Files.readString(OUT.resolve("pkt").resolve(o.probe().id() + ".pkt")).contains("< "), o.probe().id());
    }
  }

  /**
   * packetdrill's own parser accepts every script ({@code packetdrill --dry_run}, which parses and
   * checks a script without running it). packetdrill is found through TCPFSM_PACKETDRILL or PATH;
   * .ci/run builds it from github.com/google/packetdrill.
   */
  @Test
  void packetdrillParsesEveryScript() throws Exception {
    assumeTrue(skipReason == null, skipReason);
    String pd = packetdrill();
    assumeTrue(pd != null, "packetdrill is not installed (set TCPFSM_PACKETDRILL or put it on PATH; .ci/run builds it)");
    List<String> failed = new ArrayList<>();
    try (Stream<Path> scripts = Files.list(OUT.resolve("pkt"))) {
      for (Path p : scripts.toList()) {
        Process proc = new ProcessBuilder(pd, "--dry_run", p.toString()).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes());
        if (!proc.waitFor(30, TimeUnit.SECONDS) || proc.exitValue() != 0) {
          failed.add(p.getFileName() + ": " + out.strip());
        }
      }
    }
    assertEquals(List.of(), failed);
  }

  static String packetdrill() {
    String env = System.getenv("TCPFSM_PACKETDRILL");
    if (env != null && new File(env).canExecute()) {
      return env;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, "packetdrill");
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  @Test
  void namespacesAreDeleted() throws Exception {
    assumeTrue(skipReason == null, skipReason);
    String list = Netns.run(List.of(Netns.findIp(), "netns", "list"));
    assertEquals(-1, list.indexOf("tcpfsm-probe-" + ProcessHandle.current().pid() + "-"), list);
  }
}
