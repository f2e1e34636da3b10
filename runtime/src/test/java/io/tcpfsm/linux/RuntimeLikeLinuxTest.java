package io.tcpfsm.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.LinkType;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.tcp.Addresses;
import io.tcpfsm.tcp.Connection;
import io.tcpfsm.tcp.Host;
import io.tcpfsm.tcp.TcpConfig;
import io.tcpfsm.wire.Segment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime under profile linux ends a connection as Linux's own TCP did in the captures of
 * captures/linux/ (the answer key: what the kernel sent), and under rfc9293 as the RFC says.
 * The compared values are relative to each end's initial sequence number, as the ISNs differ.
 */
class RuntimeLikeLinuxTest {
  private static final long MS = 1_000_000L;

  /** Two hosts on a lossless wire; every packet either sends is kept, decoded, in order. */
  private static final class Pair {
    final ArrayDeque<byte[]> toServer = new ArrayDeque<>();
    final ArrayDeque<byte[]> toClient = new ArrayDeque<>();
    final List<Segment> seen = new ArrayList<>();
    final Host client;
    final Host server;
    long now;

    Pair(TcpConfig config) {
      client = new Host(Addresses.parse("10.0.0.1"), config, p -> {
        toServer.add(p);
        seen.add(decode(p));
      });
      server = new Host(Addresses.parse("10.0.0.2"), config, p -> {
        toClient.add(p);
        seen.add(decode(p));
      });
    }

    static Segment decode(byte[] p) {
      Frame f = FrameDecoder.decode(LinkType.RAW, p, 0);
      return f.segment();
    }

    /** Delivers everything in flight, in turns, and lets 1 ms pass per turn, {@code ms} times at most. */
    void run(int ms) {
      for (int i = 0; i < ms; i++) {
        now += MS;
        for (byte[] p; (p = toServer.poll()) != null; ) {
          server.receive(p, now);
        }
        for (byte[] p; (p = toClient.poll()) != null; ) {
          client.receive(p, now);
        }
        server.poll(now);
        client.poll(now);
      }
    }
  }

  /** Runs unread-close or abort through the runtime; the segments on the wire. */
  private static List<Segment> run(TcpProfile profile, boolean abort) {
    Pair p = new Pair(TcpConfig.defaults().withProfile(profile));
    Host.Listening l = p.server.listen(SocketScenario.SERVER_PORT, 8);
    Connection c = p.client.connect(Addresses.parse("10.0.0.2"), SocketScenario.SERVER_PORT, SocketScenario.CLIENT_PORT, p.now);
    p.run(5);
    Connection s = l.accept();
    assertThat(s).isNotNull();
    if (abort) {
      c.send(new byte[1000], p.now);
      p.run(5);
      c.abort(p.now);
    } else {
      c.send(new byte[100], p.now);
      p.run(5);
      assertThat(s.available()).isEqualTo(100);
      s.close(p.now); // the 100 bytes unread
    }
    p.run(5);
    return p.seen;
  }

  /** The last frame's flags and its seq and ack, relative to the ISNs of the SYN and SYN,ACK: "R. 1 101". */
  private static String lastRelative(List<Segment> segs) {
    Segment syn = segs.get(0);
    Segment synAck = segs.get(1);
    Segment last = segs.get(segs.size() - 1);
    boolean fromClient = last.srcPort() == syn.srcPort();
    long ownIsn = Integer.toUnsignedLong(fromClient ? syn.seq() : synAck.seq());
    long peerIsn = Integer.toUnsignedLong(fromClient ? synAck.seq() : syn.seq());
    return (fromClient ? "C " : "S ") + Outline.flags(last) + " " + ((Integer.toUnsignedLong(last.seq()) - ownIsn) & 0xFFFF_FFFFL)
        + " " + (last.ackFlag() ? ((Integer.toUnsignedLong(last.ack()) - peerIsn) & 0xFFFF_FFFFL) : "-");
  }

  @Test
  void closeWithUnreadTextResetsAsLinuxDid() throws Exception {
    String linux = lastRelative(Outline.read(LinuxCapturesTest.dir().resolve("unread-close.pcap")).segments());
    assertThat(linux).isEqualTo("S R. 1 101"); // frame 6: RST,ACK at ISS+1 acknowledging the 100 bytes
    assertThat(lastRelative(run(TcpProfile.LINUX, false))).isEqualTo(linux);
    // RFC 9293 3.10.4: CLOSE sends a FIN, whatever is unread (the peer then acknowledges it).
    List<Segment> rfc = run(TcpProfile.RFC9293, false);
    assertThat(rfc).anyMatch(s -> s.srcPort() == SocketScenario.SERVER_PORT && s.fin()).noneMatch(Segment::rst);
  }

  @Test
  void abortSendsRstAckAsLinuxDid() throws Exception {
    String linux = lastRelative(Outline.read(LinuxCapturesTest.dir().resolve("abort.pcap")).segments());
    assertThat(linux).isEqualTo("C R. 1001 1");
    assertThat(lastRelative(run(TcpProfile.LINUX, true))).isEqualTo(linux);
    // RFC 9293 3.10.5: <SEQ=SND.NXT><CTL=RST>, no ACK.
    assertThat(lastRelative(run(TcpProfile.RFC9293, true))).isEqualTo("C R 1001 -");
  }

  @Test
  void linuxConfigTimeWaitIsSixtySeconds() {
    assertThat(TcpConfig.linux().profile()).isEqualTo(TcpProfile.LINUX);
    assertThat(TcpConfig.linux().twoMslNanos()).isEqualTo(60_000 * MS); // include/net/tcp.h TCP_TIMEWAIT_LEN (60*HZ)
  }
}
