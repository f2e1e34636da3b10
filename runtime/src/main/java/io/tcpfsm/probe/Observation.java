package io.tcpfsm.probe;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.tcp.ObservedTcb;
import java.util.Arrays;
import java.util.List;

/**
 * What one probe saw: the kernel's segments on the probe's connection after the injection (their
 * control bits, as event names: {@code ACK}, {@code RST+ACK}), the socket's state afterwards,
 * the TCB the injection met and the injected SEG.SEQ and SEG.ACK; or why it could not run.
 */
public record Observation(Probe probe, String why, TcpState state, List<String> sends, ObservedTcb tcb, long seq, long ack) {
  public boolean ran() {
    return why == null;
  }

  /** One tab-separated line (what a probe's child process prints). */
  public String line() {
    ObservedTcb t = tcb;
    String tcbText = t == null ? "-" : t.iss() + " " + t.irs() + " " + t.sndUna() + " " + t.sndNxt() + " " + t.rcvNxt() + " "
        + t.rcvWnd() + " " + t.maxSndWnd() + " " + t.passiveOpen() + " " + t.finSent() + " " + t.finSeq();
    return probe.id() + "\t" + (state == null ? "-" : state.name()) + "\t" + String.join(",", sends) + "\t" + tcbText
        + "\t" + seq + " " + ack + "\t" + (why == null ? "" : why.replace('\t', ' ').replace('\n', ' '));
  }

  /** Reads {@link #line()}. */
  public static Observation parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 6) {
      throw new IllegalArgumentException("not a probe line (" + f.length + " fields): " + line);
    }
    Probe p = Probe.parse(f[0]);
    TcpState state = f[1].equals("-") ? null : TcpState.valueOf(f[1]);
    List<String> sends = f[2].isEmpty() ? List.of() : Arrays.asList(f[2].split(","));
    ObservedTcb tcb = null;
    if (!f[3].equals("-")) {
      String[] t = f[3].split(" ");
      tcb = new ObservedTcb(Long.parseLong(t[0]), Long.parseLong(t[1]), Long.parseLong(t[2]), Long.parseLong(t[3]),
          Long.parseLong(t[4]), Long.parseLong(t[5]), Long.parseLong(t[6]), Boolean.parseBoolean(t[7]),
          Boolean.parseBoolean(t[8]), Long.parseLong(t[9]));
    }
    String[] sa = f[4].split(" ");
    return new Observation(p, f[5].isEmpty() ? null : f[5], state, List.copyOf(sends), tcb, Long.parseLong(sa[0]), Long.parseLong(sa[1]));
  }
}
