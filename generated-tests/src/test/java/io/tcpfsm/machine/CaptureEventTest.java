package io.tcpfsm.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.Record;
import io.tcpfsm.wire.Segment;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real capture's segments, read with the runtime's reader, are the generated machine's events
 * by their header flags. captures/tcp_handshake.pcapng is Chris Sanders' (see captures/README.md).
 */
class CaptureEventTest {
  @Test
  void handshakeCaptureIsSynThenSynAckThenAck() throws Exception {
    List<Segment> segments = segments("captures/tcp_handshake.pcapng");

    assertThat(segments).hasSize(3);
    Segment synAck = segments.get(1);
    assertThat(synAck.flags() & 0xFF).isEqualTo(Segment.SYN | Segment.ACK);
    assertThat(TcpEvent.fromHeader(synAck.flags())).isSameAs(TcpEvent.SYN_ACK);
    assertThat(segments).extracting(s -> TcpEvent.fromHeader(s.flags()))
        .containsExactly(TcpEvent.SYN, TcpEvent.SYN_ACK, TcpEvent.ACK);
  }

  /** The SYN+ACK in SYN-SENT, when its ACK is acceptable, completes the active open. */
  @Test
  void capturedSynAckEstablishesAnActiveOpen() throws Exception {
    TcpEvent event = TcpEvent.fromHeader(segments("captures/tcp_handshake.pcapng").get(1).flags());

    int needed = TcpProfile.RFC9293.needed(TcpState.SYN_SENT, event);
    assertThat(TcpGuard.ACK_ACCEPTABLE.in(needed)).isTrue();
    TcpStep step = TcpProfile.RFC9293.step(TcpState.SYN_SENT, event, TcpGuard.mask(TcpGuard.ACK_ACCEPTABLE));
    assertThat(step.target()).isEqualTo(TcpState.ESTABLISHED);
  }

  private static List<Segment> segments(String resource) throws Exception {
    List<Segment> out = new ArrayList<>();
    try (InputStream in = CaptureEventTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      CaptureReader reader = CaptureReader.open(in);
      for (Record r = reader.next(); r != null; r = reader.next()) {
        Frame f = FrameDecoder.decode(r);
        assertThat(f.kind()).isEqualTo(Frame.Kind.TCP);
        out.add(f.segment());
      }
    }
    return out;
  }
}
