package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Ipv4;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * RFC 7323 2.4, window retraction: with a window scale of 3 the window field counts 8-octet
 * units, so after one octet arrives in a 1,000-octet buffer the receiver can announce only 992
 * (124 units), a right edge 7 octets left of the one it announced before. "The receiver MUST honor,
 * as in window, any segment that would have been in window for any <ACK> sent by the receiver": a
 * segment up to the earlier edge is taken whole, not cut at the later one. The runtime accepts text
 * up to its free buffer space, which an announced edge, rounded down from it, never passes.
 */
class Rfc7323WindowRetractionTest {
  private static final long MS = 1_000_000L;

  @Test
  void aSegmentUpToAnEarlierRightEdgeIsTakenWhole() {
    TcpConfig server = TcpConfig.defaults().withBuffers(64 * 1024, 1000, 3);
    TwoHosts net = new TwoHosts(TcpConfig.defaults(), server);
    Host.Listening l = net.server.listen(80, 4);
    Connection client = net.client.connect(Addresses.parse("10.0.0.2"), 80, net.now);
    net.run(net.now + 10 * MS, () -> {});
    Connection s = l.accept();
    assertThat(s).isNotNull();
    Segment syn = net.fromClient.get(0);
    Segment synAck = net.fromServer.get(0);
    assertThat(synAck.window()).isEqualTo(1000); // a SYN's window is not scaled (RFC 7323 2.2): edge ISS+1+1000

    client.send(new byte[1], net.now);
    net.run(net.now + 10 * MS, () -> {});
    Segment ack = net.fromServer.get(net.fromServer.size() - 1);
    assertThat(ack.ack()).isEqualTo(syn.seq() + 2);
    assertThat(ack.window()).isEqualTo(124); // 999 free octets in units of 8: the edge is now ISS+2+992

    // 999 octets from ISS+2: up to the SYN,ACK's edge, 7 beyond the latest one.
    Segment late = Segment.builder().srcPort(syn.srcPort()).dstPort(80).seq(syn.seq() + 2).ack(synAck.seq() + 1)
        .flags(Segment.ACK | Segment.PSH).window(1000).payload(ByteBuffer.wrap(new byte[999])).build();
    byte[] src = Addresses.parse("10.0.0.1");
    byte[] dst = Addresses.parse("10.0.0.2");
    byte[] tcp = SegmentCodec.encode(late, src, dst);
    byte[] packet = new byte[20 + tcp.length];
    Ipv4.writeHeader(packet, 0, src, dst, 6, tcp.length, 7, 64);
    System.arraycopy(tcp, 0, packet, 20, tcp.length);
    int before = net.fromServer.size();
    net.server.receive(packet, net.now);

    assertThat(s.available()).isEqualTo(1000);
    assertThat(s.state()).isEqualTo(TcpState.ESTABLISHED);
    Segment answer = net.fromServer.get(before);
    assertThat(answer.ack()).isEqualTo(syn.seq() + 1001);
    assertThat(answer.window()).isZero();
  }
}
