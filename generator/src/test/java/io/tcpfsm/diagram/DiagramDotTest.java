package io.tcpfsm.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.model.Machine;
import org.junit.jupiter.api.Test;

/**
 * The DOT text, against a golden file reviewed by hand (tcp.rfc9293.dot: every arrow of
 * DiagramEdgesTest's key in the textbook's rows, with TLPI's styles), and the layout rules
 * that keep the picture legible.
 */
class DiagramDotTest {
  private static final Machine TCP = DiagramSpecs.tcp();

  @Test
  void rfc9293IsTheReviewedGoldenFile() {
    // After a reviewed change: ./tcpfsm diagram --profile rfc9293 --out generator/src/test/resources/io/tcpfsm/diagram/tcp.rfc9293.dot
    assertThat(Diagram.dot(TCP, "rfc9293")).isEqualTo(DiagramSpecs.resource("/io/tcpfsm/diagram/tcp.rfc9293.dot"));
  }

  @Test
  void theDotIsTheSameEveryTime() {
    assertThat(Diagram.dot(DiagramSpecs.tcp(), "rfc793")).isEqualTo(Diagram.dot(TCP, "rfc793"));
  }

  @Test
  void tcpStatesSitInTheTextbooksRows() {
    String dot = Diagram.dot(TCP, "rfc9293");
    assertThat(dot).contains(
        "{ rank=same; \"CLOSED\" [group=c1]; }",
        "{ rank=same; \"LISTEN\" [group=c1]; }",
        "{ rank=same; \"SYN_RECV\" [group=c0]; \"SYN_SENT\" [group=c2]; }",
        "{ rank=same; \"ESTABLISHED\" [group=c1]; }",
        "{ rank=same; \"FIN_WAIT1\" [group=c0]; \"CLOSING\" [group=c1]; \"CLOSE_WAIT\" [group=c2]; }",
        "{ rank=same; \"FIN_WAIT2\" [group=c0]; \"TIME_WAIT\" [group=c1]; \"LAST_ACK\" [group=c2]; }");
  }

  @Test
  void aLeftwardArrowInARowIsWrittenBackwards() {
    // SYN-SENT (right) to SYN-RECEIVED (left): written SYN_RECV -> SYN_SENT, drawn backwards,
    // so the simultaneous open does not swap the row.
    assertThat(Diagram.dot(TCP, "rfc9293")).containsPattern("\"SYN_RECV\" -> \"SYN_SENT\" \\[label=<.*recv SYN / send SYN\\+ACK.*dir=back");
  }

  @Test
  void theCloseEndsInASecondClosedBoxAsInRfc793Figure6() {
    String dot = Diagram.dot(TCP, "rfc9293");
    assertThat(dot).containsPattern("\"TIME_WAIT\" -> \"CLOSED again\" \\[label=<.*timeout TIME_WAIT");
    assertThat(dot).containsPattern("\"LAST_ACK\" -> \"CLOSED again\" \\[label=<.*recv ACK");
    assertThat(dot).doesNotContainPattern("\"(TIME_WAIT|LAST_ACK)\" -> \"CLOSED\" ");
  }

  @Test
  void callsAreBoldAndGuardsItalic() {
    String dot = Diagram.dot(TCP, "rfc9293");
    assertThat(dot).contains("<b>CLOSE</b> / send FIN+ACK", "recv FIN+ACK <i>[not fin_acked]</i> / send ACK");
  }

  @Test
  void rfc793sUnreachableLastAckIsDottedAndSaysSo() {
    assertThat(Diagram.dot(TCP, "rfc793")).containsPattern(
        "\"LAST_ACK\" \\[label=<.*unreachable in rfc793.*>, style=\"rounded,dotted\"\\];");
    assertThat(Diagram.dot(TCP, "rfc9293")).doesNotContain("unreachable");
  }

  @Test
  void aMachineThatIsNotTcpGetsNoRowsAndNoSecondClosed() {
    String dot = Diagram.dot(DiagramSpecs.door(), "default");
    assertThat(dot).doesNotContain("rank=same", "CLOSED again", "group=");
    assertThat(dot).contains("\"OPENED\" -> \"CLOSED\" [label=<", "\"CLOSED\" -> \"LOCKED\" [label=<");
    // its legend explains only what it uses: calls, no segments, sends, paths or guards
    assertThat(dot).contains("<td align=\"left\"><b>bold</b>: application call</td>")
        .doesNotContain("recv:", "send:", "heavy", "[guard]");
  }
}
