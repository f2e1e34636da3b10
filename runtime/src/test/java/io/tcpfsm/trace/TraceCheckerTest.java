package io.tcpfsm.trace;

import static io.tcpfsm.trace.HandCapture.ACK;
import static io.tcpfsm.trace.HandCapture.FIN;
import static io.tcpfsm.trace.HandCapture.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Connection tracking: IPv6, a 4-tuple reused after a close, interleaved connections. */
class TraceCheckerTest {
  private static final byte[] V6_A = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  private static final byte[] V6_B = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};

  /** A whole connection over IPv6 (link type RAW): handshake and a four-segment close. */
  @Test
  void ipv6Connection() throws Exception {
    byte[] cap = new HandCapture(V6_A, V6_B).handshake().a(FIN | ACK, 1001, 5001, 0).b(ACK, 5001, 1002, 0)
        .b(FIN | ACK, 5001, 1002, 0).a(ACK, 1002, 5002, 0).bytes();
    List<Verdict> vs = Traces.check(cap, "rfc9293");
    assertThat(vs).hasSize(1);
    assertThat(vs.get(0).kind()).isEqualTo(Verdict.Kind.CONFORMS);
    assertThat(vs.get(0).a()).isEqualTo("[2001:db8:0:0:0:0:0:1]:40000");
    assertThat(vs.get(0).finalA()).isEqualTo("TIME_WAIT");
    assertThat(vs.get(0).finalB()).isEqualTo("CLOSED");
  }

  /**
   * After a close, a's SYN with a new ISN on the same 4-tuple (frame 8) starts a second connection
   * (RFC 9293 3.10.7.4: TIME-WAIT, then a new incarnation); each conforms on its own.
   */
  @Test
  void tupleReusedAfterClose() throws Exception {
    byte[] cap = new HandCapture().handshake().a(FIN | ACK, 1001, 5001, 0).b(FIN | ACK, 5001, 1002, 0).a(ACK, 1002, 5002, 0)
        .b(ACK, 5002, 1002, 0)
        .a(SYN, 90000, 0, 0).b(SYN | ACK, 70000, 90001, 0).a(ACK, 90001, 70001, 0).bytes();
    List<Verdict> vs = Traces.check(cap, "rfc9293");
    assertThat(vs).hasSize(2);
    assertThat(vs).allSatisfy(v -> assertThat(v.kind()).as("%s", v).isEqualTo(Verdict.Kind.CONFORMS));
    assertThat(vs.get(1).firstFrame()).isEqualTo(8);
    assertThat(vs.get(1).frames()).isEqualTo(3);
  }

  /** The coverage report counts the profile's cells as `tcpfsm check` does (677 under rfc9293) and names rules never used. */
  @Test
  void coverageCountsTheProfilesCells() throws Exception {
    TraceChecker c = new TraceChecker(io.tcpfsm.machine.TcpProfile.RFC9293, v -> { });
    Coverage.Report r = c.coverage().report();
    assertThat(r.cellsTotal()).isEqualTo(677);
    assertThat(r.cellsSeen()).isZero();
    assertThat(r.rulesNever()).hasSize(r.rulesTotal()).contains("listen_syn");
  }
}
