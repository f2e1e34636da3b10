package io.tcpfsm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import org.junit.jupiter.api.Test;

/** Sequence positions across the 2^32 wrap, probe names, and packetdrill's flag letters, worked by hand. */
class PositionsAndScriptTest {
  @Test
  void positionsWrap() {
    long nxt = 0xFFFF_FFF0L;
    assertEquals(0xFFFF_FFF0L, SeqPosition.EXACT.seq(nxt, 100));
    assertEquals(0x22L, SeqPosition.IN_WINDOW.seq(nxt, 100)); // 0xFFFFFFF0 + 50 = 2^32 + 0x22
    assertEquals(0x53L, SeqPosition.RIGHT_EDGE.seq(nxt, 100)); // + 99
    assertEquals(0x54L, SeqPosition.BEYOND.seq(nxt, 100)); // + 100
    assertEquals(0xFFFF_FFFFL, SeqPosition.BELOW.seq(0, 100));
  }

  @Test
  void probeNamesRoundTrip() {
    for (Probe p : Probe.grid(java.util.List.of(TcpState.values()))) {
      assertEquals(p, Probe.parse(p.id()));
    }
    assertEquals(551, Probe.grid(java.util.List.of(TcpState.values())).size()); // 11 x (8 x 5 + 5 x 2), and data+close
  }

  /** packetdrill's parser.y: flags are letters then "." for ACK; "-" for none. */
  @Test
  void packetdrillFlags() {
    assertEquals("S", Packetdrill.flags(Segment.SYN));
    assertEquals("S.", Packetdrill.flags(Segment.SYN | Segment.ACK));
    assertEquals("F.", Packetdrill.flags(Segment.FIN | Segment.ACK));
    assertEquals("R.", Packetdrill.flags(Segment.RST | Segment.ACK));
    assertEquals("P.", Packetdrill.flags(Segment.PSH | Segment.ACK));
    assertEquals(".", Packetdrill.flags(Segment.ACK));
    assertEquals("-", Packetdrill.flags(0));
  }
}
