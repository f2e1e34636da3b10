package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.sim.SimLink;
import io.tcpfsm.trace.TraceChecker;
import io.tcpfsm.trace.Verdict;
import io.tcpfsm.wire.Segment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * RFC 9293 3.8.4, TCP keep-alives (MAY-5; the requirement ids are named in
 * rfc9293-requirements.tsv, which points here), on two hosts: the client turns keep-alive on with
 * a 10 s idle time, 1 s between unanswered probes and 3 probes. Expected values are the RFC's: a
 * probe is "a segment with SEG.SEQ = SND.NXT-1", here read off the client's own SYN on the wire
 * (its ISS, one below SND.NXT while it has sent no text), with no data (SHLD-12).
 */
class Rfc9293KeepAliveTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1000 * MS;
  private static final KeepAlive QUICK = new KeepAlive(10 * SECOND, SECOND, 3);

  /** A client segment as sent, with the virtual time it was sent at. */
  private record Sent(long at, Segment segment) {}

  private final TcpConfig config = TcpConfig.defaults().withTwoMsl(100 * MS);
  private TwoHosts net = new TwoHosts(config, config);
  private final List<Sent> fromClient = new ArrayList<>();
  /** Client segments sent from this time on are lost. */
  private long silentFrom = Long.MAX_VALUE;
  private Connection client;
  private Connection server;
  /** When the handshake's last segment was sent: the client has heard nothing since. */
  private long established;

  private void establish(TcpConfig c) {
    establish(c, null);
  }

  /** Connects the client to the server's port 80, every packet written to {@code capture} (null: none). */
  private void establish(TcpConfig c, PcapWriter capture) {
    net = new TwoHosts(c, c);
    net.capture = capture;
    net.dropToServer = s -> fromClient.add(new Sent(net.now, s)) && net.now >= silentFrom;
    Host.Listening l = net.server.listen(80, 4);
    client = net.client.connect(Addresses.parse("10.0.0.2"), 80, net.now);
    net.run(net.now + 10 * MS, () -> {});
    server = l.accept();
    assertThat(server).isNotNull();
    assertThat(client.state()).isEqualTo(TcpState.ESTABLISHED);
    established = net.now;
  }

  /** The client's keep-alive probes: no text, ACK alone, SEG.SEQ = SND.NXT-1 = the ISS its SYN carried. */
  private List<Sent> probes() {
    int iss = net.fromClient.get(0).seq();
    return fromClient.stream().filter(s -> s.segment().length() == 0 && s.segment().flags() == Segment.ACK
        && s.segment().seq() == iss).toList();
  }

  @Test
  void must25_keepAliveIsOffByDefault() {
    establish(config);
    assertThat(client.keepAlive()).isNull();
    int sent = net.fromClient.size();
    // Longer than the default idle time and all its probes: an idle connection stays silent.
    net.run(established + 2 * 3600 * SECOND + 20 * 60 * SECOND, 100 * MS, () -> {});
    assertThat(net.fromClient).hasSize(sent);
    assertThat(client.state()).isEqualTo(TcpState.ESTABLISHED);
  }

  @Test
  void must28_theDefaultIdleTimeIsAtLeastTwoHours() {
    // "This interval ... MUST default to no less than two hours (MUST-28)."
    assertThat(KeepAlive.DEFAULT.idleNanos()).isGreaterThanOrEqualTo(2 * 3600 * SECOND);
  }

  @Test
  void must29_oneProbeIsNeverEnoughToGiveUp() {
    assertThatThrownBy(() -> new KeepAlive(SECOND, SECOND, 1)).hasMessageContaining("MUST-29");
  }

  @Test
  void must26_must27_shld12_aProbeWithoutDataFollowsTheConfiguredIdleTimeAndAnAnswerRestartsIt() {
    establish(config);
    client.keepAlive(QUICK, net.now);
    int serverSent = net.fromServer.size();
    net.run(established + 25 * SECOND, () -> {});
    List<Sent> probes = probes();
    assertThat(probes).hasSize(2);
    // The first after 10 s of silence; answered, so the next after another 10 s, not 1 s.
    assertThat(probes.get(0).at() - established).isBetween(10 * SECOND, 10 * SECOND + 5 * MS);
    assertThat(probes.get(1).at() - probes.get(0).at()).isBetween(10 * SECOND, 10 * SECOND + 5 * MS);
    assertThat(fromClient.stream().filter(s -> s.at() > established)).containsExactlyElementsOf(probes);
    Segment probe = probes.get(0).segment();
    assertThat(probe.ack()).isEqualTo(net.fromServer.get(0).seq() + 1); // RCV.NXT: after the server's SYN
    // The server answers each with an ACK of what it has (3.10.7.4: the probe is not acceptable).
    List<Segment> answers = net.fromServer.subList(serverSent, net.fromServer.size());
    assertThat(answers).hasSize(2).allMatch(s -> s.flags() == Segment.ACK && s.ack() == probe.seq() + 1);
    assertThat(client.state()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(client.signals()).containsExactly("established");
  }

  @Test
  void must26_segmentsHeardWithinTheIdleTimeMeanNoProbe() {
    establish(config);
    client.keepAlive(QUICK, net.now);
    long[] next = {net.now};
    net.run(established + 40 * SECOND, () -> {
      if (net.now >= next[0]) {
        server.send(new byte[100], net.now); // every 6 s: the client hears from its peer within each 10 s
        next[0] += 6 * SECOND;
      }
      client.read(1 << 16, net.now);
    });
    assertThat(probes()).isEmpty();
    assertThat(client.bytesDelivered()).isEqualTo(700);
  }

  @Test
  void must26_noProbeWhileSentDataIsOutstanding() {
    establish(config.withUserTimeout(3600 * SECOND));
    client.keepAlive(new KeepAlive(2 * SECOND, SECOND, 3), net.now);
    silentFrom = net.now;
    client.send(new byte[1000], net.now); // never acknowledged: retransmission watches the peer, not keep-alive
    net.run(established + 40 * SECOND, () -> {});
    assertThat(probes()).isEmpty();
    assertThat(fromClient.stream().filter(s -> s.at() > established)).isNotEmpty().allMatch(s -> s.segment().length() > 0);
    assertThat(client.state()).isEqualTo(TcpState.ESTABLISHED);
  }

  @Test
  void must29_theConnectionIsGivenUpOnlyAfterEveryProbeWentUnanswered() {
    establish(config);
    client.keepAlive(QUICK, net.now);
    silentFrom = established + 5 * SECOND;
    net.run(established + 12 * SECOND + 500 * MS, () -> {});
    assertThat(probes()).hasSize(3); // at 10, 11 and 12 s, each unanswered
    assertThat(probes().get(2).at() - probes().get(1).at()).isBetween(SECOND, SECOND + 5 * MS);
    assertThat(client.state()).isEqualTo(TcpState.ESTABLISHED);
    net.run(established + 14 * SECOND, () -> {});
    assertThat(client.state()).isEqualTo(TcpState.CLOSED);
    assertThat(client.signals()).containsExactly("established", "error: connection aborted due to user timeout");
  }

  @Test
  void must29_aProbeAnsweredAfterTwoWereLostKeepsTheConnection() {
    establish(config);
    client.keepAlive(QUICK, net.now);
    silentFrom = established + 5 * SECOND;
    net.run(established + 11 * SECOND + 500 * MS, () -> {}); // the probes at 10 and 11 s are lost
    silentFrom = Long.MAX_VALUE;
    net.run(established + 20 * SECOND, () -> {});
    assertThat(probes()).hasSize(3);
    assertThat(client.state()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(client.signals()).containsExactly("established");
  }

  @Test
  void must24_keepAliveTurnsOffForOneConnection() {
    establish(config);
    client.keepAlive(QUICK, net.now);
    net.run(established + 5 * SECOND, () -> {});
    client.keepAlive(null, net.now);
    assertThat(client.keepAlive()).isNull();
    net.run(established + 40 * SECOND, () -> {});
    assertThat(probes()).isEmpty();
  }

  /**
   * The peer aborted and its RST was lost: a RST is never sent again, so without keep-alive the
   * client would wait forever. Its probe reaches a host with no connection, which answers with a
   * RST at the probe's ACK (3.10.7.1), exactly RCV.NXT, and the client hears "connection reset".
   */
  @Test
  void aProbeFindsAPeerThatForgotTheConnection() {
    establish(config);
    client.keepAlive(QUICK, net.now);
    loseTheAbortsReset();
    net.run(established + 10 * SECOND + 10 * MS, () -> {});
    assertThat(probes()).hasSize(1);
    assertThat(client.state()).isEqualTo(TcpState.CLOSED);
    assertThat(client.signals()).contains("connection reset"); // after "reset" for any pending call (3.10.7.4)
  }

  /** The server ABORTs; its RST is lost, the one its host sends later is not. */
  private void loseTheAbortsReset() {
    int before = net.fromServer.size();
    net.dropToClient = s -> s.rst() && net.fromServer.size() == before + 1;
    server.abort(net.now);
    assertThat(net.fromServer).hasSize(before + 1).last().satisfies(s -> assertThat(s.rst()).isTrue());
  }

  /**
   * The same, as a capture seen at the sender: the trace checker judges the probes, their answers,
   * the lost RST and the one answering a probe as the model allows, under every profile.
   */
  @ParameterizedTest
  @EnumSource(value = TcpProfile.class)
  void aCaptureOfProbesConforms(TcpProfile profile) throws Exception {
    ByteArrayOutputStream pcap = new ByteArrayOutputStream();
    establish(config.withProfile(profile), SimLink.pcapWriter(pcap));
    client.keepAlive(QUICK, net.now);
    server.send(new byte[300], net.now);
    net.run(net.now + 25 * SECOND, () -> client.read(1 << 16, net.now)); // two probes, answered
    loseTheAbortsReset();
    net.run(net.now + 11 * SECOND, () -> {});
    net.capture.flush();
    assertThat(client.signals()).contains("connection reset"); // after "reset" for any pending call (3.10.7.4)

    List<Verdict> verdicts = new ArrayList<>();
    TraceChecker checker = new TraceChecker(profile, verdicts::add);
    long n = 0;
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(pcap.toByteArray()))) {
      for (var rec = r.next(); rec != null; rec = r.next()) {
        checker.accept(FrameDecoder.decode(rec), ++n, rec.epochSecond() * 1_000_000_000L + rec.nanos());
      }
    }
    checker.finish();
    assertThat(verdicts).singleElement().satisfies(v -> assertThat(v.kind()).as("%s", v).isEqualTo(Verdict.Kind.CONFORMS));
  }
}
