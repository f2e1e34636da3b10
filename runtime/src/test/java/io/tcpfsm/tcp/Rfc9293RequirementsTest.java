package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RFC 9293 requirements the runtime meets, checked on the segments two hosts exchange (named
 * by their ids in rfc9293-requirements.tsv, which points here). Expected values are the RFC's
 * words, not the runtime's.
 */
class Rfc9293RequirementsTest {
  private static final long MS = 1_000_000L;

  /** A connection that sends {@code bytes} from client to server and closes both ways. */
  private static TwoHosts transfer(TcpConfig client, TcpConfig server, int bytes) {
    return transfer(client, server, bytes, s -> false);
  }

  private static TwoHosts transfer(TcpConfig client, TcpConfig server, int bytes, java.util.function.Predicate<Segment> drop) {
    return transfer(client, server, bytes, drop, p -> p);
  }

  private static TwoHosts transfer(TcpConfig client, TcpConfig server, int bytes, java.util.function.Predicate<Segment> drop,
      java.util.function.UnaryOperator<byte[]> rewriteToClient) {
    TwoHosts w = new TwoHosts(client.withTwoMsl(100 * MS), server.withTwoMsl(100 * MS));
    w.dropToServer = drop;
    w.rewriteToClient = rewriteToClient;
    Host.Listening l = w.server.listen(80, 4);
    Connection c = w.client.connect(Addresses.parse("10.0.0.2"), 80, 0);
    Connection[] s = new Connection[1];
    byte[] data = new byte[bytes];
    int[] sent = {0};
    w.run(10_000 * MS, () -> {
      s[0] = s[0] == null ? l.accept() : s[0];
      if (c.state() == TcpState.ESTABLISHED && sent[0] < bytes) {
        sent[0] += c.send(java.util.Arrays.copyOfRange(data, sent[0], bytes), w.now);
        if (sent[0] == bytes) {
          c.close(w.now);
        }
      }
      if (s[0] != null) {
        s[0].read(1 << 20, w.now);
        if (s[0].state() == TcpState.CLOSE_WAIT) {
          s[0].close(w.now);
        }
      }
    });
    assertThat(c.state()).isEqualTo(TcpState.CLOSED);
    assertThat(s[0].bytesDelivered()).isEqualTo(bytes);
    return w;
  }

  private static List<Segment> all(TwoHosts w) {
    List<Segment> all = new ArrayList<>(w.fromClient);
    all.addAll(w.fromServer);
    return all;
  }

  private static Integer mss(Segment s) {
    return s.options().stream().filter(o -> o instanceof TcpOption.Mss).map(o -> ((TcpOption.Mss) o).mss()).findFirst().orElse(null);
  }

  @Test
  void must14_shld5_may3_must65_anMssOptionOnEverySynAndOnNoOtherSegment() {
    // "TCP endpoints MUST implement both sending and receiving the MSS Option (MUST-14)";
    // "SHOULD send an MSS Option in every SYN segment ... (SHLD-5), and MAY send it always (MAY-3)";
    // "... and MUST NOT be sent in other segments (MUST-65)".
    TwoHosts w = transfer(TcpConfig.defaults(), TcpConfig.defaults(), 20_000);
    for (Segment s : all(w)) {
      assertThat(mss(s) != null).as("MSS option on %s", s).isEqualTo(s.syn());
    }
  }

  @Test
  void must67_theMssSentIsAtMostTheLargestReceivableMessageLessTwenty() {
    // RFC 9293 3.7.1: "The MSS value to be sent in an MSS Option must be less than or equal to:
    // MMS_R - 20 where MMS_R is the maximum size for a transport-layer message that can be
    // received (and reassembled at the IP layer) (MUST-67)." The runtime does not reassemble IP
    // fragments, so on the 1500-octet Ethernet MTU it is built for, MMS_R = 1500 - 20 (IPv4
    // header) and the default MSS sent is at most 1460; a configured MSS is sent as configured.
    TwoHosts w = transfer(TcpConfig.defaults(), TcpConfig.defaults().withMss(1000), 5_000);
    List<Integer> client = w.fromClient.stream().filter(Segment::syn).map(Rfc9293RequirementsTest::mss).toList();
    assertThat(client).isNotEmpty().allSatisfy(m -> assertThat(m).isNotNull().isLessThanOrEqualTo(1500 - 20 - 20));
    assertThat(w.fromServer.stream().filter(Segment::syn).map(Rfc9293RequirementsTest::mss)).containsExactly(1000);
  }

  @Test
  void must15_withoutAnMssOptionTheSendMssIs536() {
    // RFC 9293 3.7.1: "If an MSS Option is not received at connection setup, TCP implementations
    // MUST assume a default send MSS of 536 (576 - 40) for IPv4 ... (MUST-15)." The server's
    // SYN,ACK loses its MSS option on the way; the client could send 1460 but must send 536.
    TwoHosts w = transfer(TcpConfig.defaults(), TcpConfig.defaults(), 20_000, s -> false, Rfc9293RequirementsTest::withoutMss);
    assertThat(w.fromClient).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(536));
    assertThat(w.fromClient.stream().filter(s -> s.length() == 536).count()).isGreaterThan(30);
  }

  /** The packet with any MSS option taken off a SYN (other options kept), re-encoded with fresh checksums. */
  private static byte[] withoutMss(byte[] packet) {
    Segment s = TwoHosts.segment(packet);
    if (!s.syn()) {
      return packet;
    }
    byte[] src = java.util.Arrays.copyOfRange(packet, 12, 16);
    byte[] dst = java.util.Arrays.copyOfRange(packet, 16, 20);
    Segment t = s.toBuilder().dataOffset(0).options(s.options().stream().filter(o -> !(o instanceof TcpOption.Mss)).toList()).build();
    byte[] tcp = io.tcpfsm.wire.SegmentCodec.encode(t, src, dst);
    byte[] out = new byte[20 + tcp.length];
    io.tcpfsm.wire.Ipv4.writeHeader(out, 0, src, dst, 6, tcp.length, 1, 64);
    System.arraycopy(tcp, 0, out, 20, tcp.length);
    assertThat(mss(TwoHosts.segment(out))).isNull();
    return out;
  }

  @Test
  void must16_noSegmentCarriesMoreThanTheSmallerOfBothMss() {
    // "the effective send MSS MUST be the smaller (MUST-16) of the send MSS ... and the largest
    // transport-layer message that can be sent" : the server offers 536, the client could send 1460.
    TwoHosts w = transfer(TcpConfig.defaults().withMss(1460), TcpConfig.defaults().withMss(536), 20_000);
    assertThat(w.fromServer.stream().filter(Segment::syn).map(Rfc9293RequirementsTest::mss)).containsExactly(536);
    assertThat(w.fromClient).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(536));
    assertThat(w.fromClient.stream().filter(s -> s.length() == 536).count()).isGreaterThan(30);
  }

  @Test
  void may13_aSegmentBeyondRcvNxtIsAnsweredWithAnAckOfRcvNxt() {
    // RFC 9293 3.10.7.4: "A TCP implementation MAY send an ACK segment acknowledging RCV.NXT when a
    // valid segment arrives that is in the window but not at the left window edge (MAY-13)." The
    // client's third segment with text is lost once: every later segment that arrives before its
    // retransmission is beyond RCV.NXT (= the lost segment's SEQ), and each is answered by such an ACK.
    boolean[] dropped = {false};
    int[] text = {0};
    long[] lost = {-1};
    TwoHosts w = transfer(TcpConfig.defaults(), TcpConfig.defaults(), 20_000, s -> {
      if (s.length() > 0 && ++text[0] == 3 && !dropped[0]) {
        dropped[0] = true;
        lost[0] = s.seq() & 0xFFFF_FFFFL;
        return true;
      }
      return false;
    });
    long hole = lost[0];
    assertThat(hole).isNotEqualTo(-1);
    int beyond = 0;
    for (Segment s : w.fromClient) {
      long seq = s.seq() & 0xFFFF_FFFFL;
      if (s.length() > 0 && seq == hole && beyond > 0) {
        break; // the retransmission: from here the segments arrive at RCV.NXT again
      }
      if (s.length() > 0 && seq != hole && ((seq - hole) & 0xFFFF_FFFFL) < 1L << 31) {
        beyond++;
      }
    }
    long acksOfHole = w.fromServer.stream().filter(s -> s.ackFlag() && s.length() == 0 && (s.ack() & 0xFFFF_FFFFL) == hole).count();
    assertThat(beyond).isPositive();
    assertThat(acksOfHole).isGreaterThanOrEqualTo(beyond);
  }

  @Test
  void must61_everySegmentWithTextHasPsh() {
    // "If PUSH flags are not implemented, then the sending TCP peer ... MUST set the PSH bit in
    // the last buffered segment (MUST-61)": the runtime sets it on every segment with text.
    TwoHosts w = transfer(TcpConfig.defaults(), TcpConfig.defaults(), 20_000);
    List<Segment> text = w.fromClient.stream().filter(s -> s.length() > 0).toList();
    assertThat(text).isNotEmpty().allSatisfy(s -> assertThat(s.psh()).isTrue());
  }

  @Test
  void must8_shld1_must9_isnIsAClockPlusAKeyedHashOfTheFourTuple() {
    // RFC 9293 3.4.1: "ISN = M + F(localip, localport, remoteip, remoteport, secretkey) where M is
    // the 4 microsecond timer (MUST-8) ... F() ... a pseudorandom function (SHLD-1) ... MUST NOT
    // be computable from the outside (MUST-9)".
    FourTuple t = new FourTuple(Addresses.parse("10.0.0.1"), 4000, Addresses.parse("10.0.0.2"), 80);
    long key = 0x1234_5678_9abc_def0L;
    // M: 4 microseconds later the ISN is one more (mod 2^32); 4 ms later, 1000 more.
    assertThat(Isn.of(t, key, 4_000L) - Isn.of(t, key, 0) & 0xFFFF_FFFFL).isEqualTo(1);
    assertThat(Isn.of(t, key, 4_000_000L) - Isn.of(t, key, 0) & 0xFFFF_FFFFL).isEqualTo(1000);
    // F: other keys and other ports give other ISNs at the same instant.
    Set<Long> isns = new HashSet<>();
    for (int k = 0; k < 100; k++) {
      isns.add(Isn.of(t, key + k, 0));
      isns.add(Isn.of(new FourTuple(t.localAddress(), 4001 + k, t.remoteAddress(), 80), key, 0));
    }
    assertThat(isns).hasSize(200);
  }
}
