package io.tcpfsm.link;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.tcp.Connection;
import io.tcpfsm.tcp.TcpConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one {@link Transfer} inside the current network namespace: a fresh TUN device and host,
 * the Linux socket on its threads, the tcpfsm endpoint on the link's loop; then judges it.
 */
public final class TransferRun {
  /** What a run saw, and what was wrong with it (empty when it went as the transfer says). */
  public record Result(Transfer transfer, List<String> problems, List<String> details) {
    public boolean ok() {
      return problems.isEmpty();
    }

    /** One line naming the run and its verdict, then the details, indented. */
    public String report() {
      StringBuilder b = new StringBuilder(transfer.name()).append(ok() ? " ok" : " FAIL: " + String.join("; ", problems));
      for (String d : details) {
        b.append("\n  ").append(d);
      }
      return b.toString();
    }
  }

  private TransferRun() {}

  /**
   * Runs {@code t} on {@code port} with {@code loss} applied to the TUN path, writing {@code pcap}
   * (null: none); gives up after {@code timeoutNanos}.
   */
  public static Result run(Transfer t, int port, double loss, long seed, Path pcap, long timeoutNanos) throws IOException {
    return run(t, port, loss, seed, 0, pcap, timeoutNanos);
  }

  /** As {@link #run(Transfer, int, double, long, Path, long)}, losing RSTs as {@link TunLink#loseResets} says. */
  public static Result run(Transfer t, int port, double loss, long seed, long loseResetsNanos, Path pcap, long timeoutNanos)
      throws IOException {
    // The tcpfsm end runs the linux profile, so the whole pcap can be judged under linux (a
    // capture cannot say which end runs which profile); 2 MSL of 1 s keeps runs short.
    TcpConfig config = TcpConfig.defaults().withProfile(io.tcpfsm.machine.TcpProfile.LINUX).withTwoMsl(TcpConfig.SECOND);
    try (TunLink link = TunLink.open("tcpfsm0", config, loss, seed, pcap).loseResets(loseResetsNanos)) {
      StackSide stack = new StackSide(t, link.host(), port);
      LinuxSide linux = new LinuxSide(t, port);
      Thread linuxThread = new Thread(linux, "linux-" + t.name());
      linuxThread.setDaemon(true);
      stack.open(System.nanoTime());
      linuxThread.start();
      long started = System.nanoTime();
      boolean done = link.run(() -> linux.finished && stack.finished() && link.host().connectionCount() == 0,
          timeoutNanos, stack);
      double seconds = (System.nanoTime() - started) / 1e9;
      return judge(t, stack, linux, link, done, seconds, pcap);
    }
  }

  private static Result judge(Transfer t, StackSide stack, LinuxSide linux, TunLink link, boolean done, double seconds, Path pcap) {
    List<String> problems = new ArrayList<>();
    List<String> details = new ArrayList<>();
    Connection c = stack.connection;
    List<String> signals = c == null ? List.of() : c.signals();
    if (!done) {
      problems.add("not finished in time (linux " + (linux.finished ? "done" : "still running")
          + ", tcpfsm " + (c == null ? "no connection" : c.state()) + ")");
    }
    switch (t.end()) {
      case CLOSE -> {
        expect(problems, stack.received == t.linuxBytes(), "tcpfsm received " + stack.received + " of " + t.linuxBytes() + " bytes");
        expect(problems, linux.received == t.stackBytes(), "linux received " + linux.received + " of " + t.stackBytes() + " bytes");
        expect(problems, linux.eof, "linux saw no end of stream");
        expect(problems, linux.error == null, "linux: " + linux.error);
        expect(problems, c != null && c.history().get(c.history().size() - 1) == TcpState.CLOSED, "tcpfsm did not end in CLOSED");
        expect(problems, signals.stream().noneMatch(s -> s.contains("reset")), "tcpfsm was reset: " + signals);
      }
      case STACK_ABORTS -> expect(problems, linux.error != null && linux.error.contains("reset"),
          "linux should see a reset, saw: " + (linux.error == null ? "none" : linux.error));
      case LINUX_ABORTS -> expect(problems, signals.contains("connection reset"), "tcpfsm should hear \"connection reset\", heard " + signals);
      case REFUSED -> {
        if (t.linuxOpens()) {
          expect(problems, linux.error != null && linux.error.contains("refused"), "linux connect should be refused, saw: " + linux.error);
        } else {
          // RFC 9293 3.10.7.3, SYN-SENT: "If the ACK was acceptable, then signal to the user "error: connection reset""
          expect(problems, signals.contains("error: connection reset"), "tcpfsm should hear \"error: connection reset\", heard " + signals);
        }
      }
    }
    expect(problems, stack.mismatchAt < 0, "tcpfsm read a wrong byte at offset " + stack.mismatchAt);
    expect(problems, linux.mismatchAt < 0, "linux read a wrong byte at offset " + linux.mismatchAt);
    if (c != null) {
      details.add("tcpfsm " + String.join(" -> ", c.history().stream().map(TcpState::name).toList())
          + "; sent " + stack.sent + ", received " + stack.received + ", " + c.retransmissions() + " retransmissions; signals " + signals);
    } else {
      details.add("tcpfsm no connection; host has " + link.host().connectionCount() + " connections");
    }
    details.add("linux sent " + linux.sent + ", received " + linux.received + (linux.eof ? ", end of stream" : "")
        + (linux.error != null ? ", " + linux.error : ""));
    details.add(String.format("link %d packets, %d dropped; %.3f s%s", link.packets(), link.dropped(), seconds,
        pcap == null ? "" : "; pcap " + pcap));
    return new Result(t, List.copyOf(problems), List.copyOf(details));
  }

  private static void expect(List<String> problems, boolean holds, String otherwise) {
    if (!holds) {
      problems.add(otherwise);
    }
  }
}
