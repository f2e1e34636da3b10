package io.tcpfsm.trace;

import org.junit.jupiter.api.Test;

class TraceDebugTest {
  @Test
  void print() throws Exception {
    for (String f : new String[] {"dns_tcp.pcap", "tcp-handshake-nano.pcap", "tcp_handshake.pcapng", "tcp_refuseconnection.pcapng",
        "tcp_retransmissions.pcapng", "tcp_rst_data.pcap", "tcp_teardown.pcapng", "tcp_zerowindowdead.pcapng"}) {
      for (String p : new String[] {"rfc793", "rfc9293"}) {
        System.out.println(f + " " + p + " " + Traces.check(f, p));
      }
    }
  }
}
