package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.wire.Segment;
import org.junit.jupiter.api.Test;

/**
 * A CLOSE called while sent text still waits for the window is issued once the text is out
 * (RFC 9293 3.10.4, "Queue this until all preceding SENDs have been segmentized"), but whether it
 * resets for unread text (profile linux: RFC 1122 4.2.2.13, "issues a CLOSE call while received
 * data is still pending") is decided by what was unread when the application called it: Linux's
 * close() reads data_was_unread in the call, resets at once if there was some (dropping what it
 * had not sent) and otherwise queues the FIN behind the data. Found over TUN:
 * the peer's text that arrived between the call and the last segment drew a RST instead of the FIN.
 */
class CloseWhileSendingTest {
  private final TcpConfig config = TcpConfig.defaults().withProfile(TcpProfile.LINUX);
  private final TwoHosts net = new TwoHosts(config, config);

  /** The client's connection and the server's, established. */
  private Connection[] established() {
    Host.Listening l = net.server.listen(80, 4);
    Connection c = net.client.connect(Addresses.parse("10.0.0.2"), 80, net.now);
    net.run(net.now + 10_000_000L, () -> {});
    Connection s = l.accept();
    assertThat(s).isNotNull();
    return new Connection[] {c, s};
  }

  @Test
  void textArrivingAfterTheCallDoesNotTurnTheFinIntoAReset() {
    Connection[] ends = established();
    Connection c = ends[0];
    Connection s = ends[1];
    assertThat(c.send(new byte[200_000], net.now)).isEqualTo(200_000); // more than the first flights carry
    c.close(net.now); // nothing unread: the FIN is to follow the text
    assertThat(c.closePending).isTrue();
    s.send(new byte[1000], net.now); // arrives while the client's text is still going out; never read
    net.run(net.now + 2_000_000_000L, () -> s.read(1 << 20, net.now));
    assertThat(net.fromClient).noneMatch(seg -> seg.rst());
    assertThat(net.fromClient).anyMatch(seg -> seg.fin());
    assertThat(c.available()).isEqualTo(1000);
  }

  @Test
  void textUnreadAtTheCallResets() {
    Connection[] ends = established();
    Connection c = ends[0];
    Connection s = ends[1];
    s.send(new byte[1000], net.now);
    net.run(net.now + 10_000_000L, () -> {});
    assertThat(c.available()).isEqualTo(1000);
    c.send(new byte[200_000], net.now);
    int before = net.fromClient.size();
    c.close(net.now); // 1,000 octets unread: linux_close_unread_reset at once, the unsent text dropped
    assertThat(net.fromClient).hasSize(before + 1);
    Segment reset = net.fromClient.get(before);
    assertThat(reset.rst() && reset.ackFlag()).as("%s", reset).isTrue();
    assertThat(c.isDeleted()).isTrue();
    net.run(net.now + 2_000_000_000L, () -> s.read(1 << 20, net.now));
    assertThat(net.fromClient).noneMatch(seg -> seg.fin());
  }
}
