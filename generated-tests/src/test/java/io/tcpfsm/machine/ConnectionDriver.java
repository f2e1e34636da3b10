package io.tcpfsm.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tcpfsm.analysis.CellsFile;
import io.tcpfsm.model.Transition;
import io.tcpfsm.tcp.Connection;
import io.tcpfsm.tcp.FourTuple;
import io.tcpfsm.tcp.Host;
import io.tcpfsm.tcp.SendWindow;
import io.tcpfsm.tcp.TcpConfig;
import io.tcpfsm.time.TimerWheel;
import io.tcpfsm.wire.DecodeException;
import io.tcpfsm.wire.IpHeader;
import io.tcpfsm.wire.Ipv4;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drives one real connection of the runtime (a {@link Host} on a virtual clock, its packets
 * captured) through the cells the generated connection tests name: user calls through the
 * connection's API, segments as IPv4+TCP bytes into {@link Host#receive}, timeouts by moving the
 * clock to the next deadline. For each step it checks what the answer key's row says against
 * what the connection did: the state, every segment it sent (decoded from the bytes: control
 * flags, SEQ and ACK as numbers from {@link ShadowTcb}), the signals, the model's timers, whether
 * its TCB is gone and whether text was delivered.
 *
 * <p>The segments it sends are chosen from the cell's guard valuation and the TCB as the test
 * knows it: in sequence means SEG.SEQ = RCV.NXT, out of the window 2^30 beyond it (or, where only
 * Linux's test holds, RCV.NXT+RCV.WND, the first number past the window); an acceptable
 * ACK acknowledges everything (SEG.ACK = SND.NXT), or nothing new when our FIN must stay
 * unacknowledged (SND.UNA); an unacceptable one lies beyond SND.NXT, or (to leave a FIN
 * unacknowledged) more than any window behind SND.UNA (RFC 5961 5.2). The peer's ISS is near
 * 2^32, so the test crosses the wrap.
 *
 * <p>The send window (RFC 9293 3.10.7.4, fifth step) shows too: every segment advertises a window
 * unlike the one before it, and every other ACK that would acknowledge nothing new (SEG.ACK =
 * SND.UNA) in a synchronized state (the first of them in rfc793, the second in rfc9293) is an old
 * one instead: SEG.ACK = SND.UNA - 1, still acceptable (RFC 9293's "SEG.ACK =< SND.NXT", RFC 5961 5.2's "SND.UNA -
 * MAX.SND.WND =< SEG.ACK"), whose window must not be taken ("If SND.UNA =< SEG.ACK ..."), as a
 * reordered ACK's stale window must not be. After each step the connection's SND.WND, SND.WL1 and
 * SND.WL2 must be what the key's {@code if} and {@code set} actions give on {@link ShadowTcb}.
 */
public final class ConnectionDriver {
  private static final byte[] US = {10, 0, 0, 1};
  private static final byte[] PEER = {10, 0, 0, 2};
  private static final int OUR_PORT = 5000;
  private static final int PEER_PORT = 6000;
  private static final FourTuple TUPLE = new FourTuple(US, OUR_PORT, PEER, PEER_PORT);
  /** The peer's initial sequence number: its SYN and text cross 2^32. */
  private static final long PEER_ISS = 0xFFFF_FFF0L;
  private static final byte[] TEXT = "data".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CALL_TEXT = "sent by SEND".getBytes(StandardCharsets.US_ASCII);

  private final String profile;
  private final Host host;
  private final List<byte[]> wire = new ArrayList<>();
  private final List<String> signals = new ArrayList<>();
  private final ShadowTcb tcb = new ShadowTcb();
  private final StringBuilder story = new StringBuilder();
  private Connection conn;
  private boolean listening;
  private long now = 1_000_000_000L;
  /** Text delivered and not yet read. */
  private int unread;
  /** Bytes the SEND calls handed the connection (the key's send_data or a queued SEND). */
  private long handed;
  /** Segments sent so far, so each advertises a window unlike the one before it. */
  private int segments;
  /**
   * ACKs so far that could be old without changing the cell ({@link #oldAck}), counted from 1 in
   * every second profile, so the first such ACK is old in one profile and fresh in the next and a
   * cell a short path reaches sees both kinds across the profiles.
   */
  private int couldBeOld;

  private ConnectionDriver(String profile, TcpConfig config) {
    this.profile = profile;
    this.host = new Host(US, config, wire::add, now);
  }

  /**
   * A driver for a cell of {@code profile} whose event is {@code event}. For TIMEOUT_USER the user
   * timeout is made shorter than the first RTO (RFC 6298 2.1: 1 s), so it is the timer due.
   */
  public static ConnectionDriver start(String profile, String event) {
    TcpProfile p = TcpProfile.valueOf(profile.toUpperCase(Locale.ROOT));
    TcpConfig config = TcpConfig.defaults().withProfile(p);
    if (event.equals("TIMEOUT_USER")) {
      config = config.withUserTimeout(TcpConfig.SECOND / 2);
    }
    ConnectionDriver d = new ConnectionDriver(profile, config);
    d.couldBeOld = p.ordinal() % 2;
    return d;
  }

  /** A step of the path into the cell: performs it and checks it as the cell itself is checked. */
  public void path(String state, String event, String guards, String target, String actions, String rule) {
    step("path step", state, event, guards, target, actions, rule);
  }

  /** The cell: performs its event with its guard valuation and checks the outcome the key gives. */
  public void cell(String state, String event, String guards, String target, String actions, String rule) {
    step("the cell", state, event, guards, target, actions, rule);
  }

  private void step(String what, String state, String event, String guards, String target, String actions, String rule) {
    String where = what + " " + state + " on " + event + " [" + guards + "] -> " + target + " (" + rule + ")";
    story.append("  ").append(where).append('\n');
    assertEquals(state, state(), where + ": the connection's state before the event");
    Transition t = rule(rule, actions, where);
    Map<String, Boolean> g = new java.util.HashMap<>();
    for (String v : guards.equals("-") ? new String[0] : guards.split(" ")) {
      g.put(v.replace("!", ""), !v.startsWith("!"));
    }
    int sentBefore = wire.size();
    int signalsBefore = signals.size();
    boolean[] timersBefore = timers();
    int availableBefore = conn == null ? 0 : conn.available();
    long retransmissionsBefore = conn == null ? 0 : conn.retransmissions();
    Connection acted = conn;
    boolean deletedBefore = conn != null && conn.isDeleted();

    int textLength = 0;
    byte[] read = null;
    Segment in = null;
    switch (event) {
      case "OPEN_ACTIVE" -> {
        if (conn != null && !conn.isDeleted()) {
          // An OPEN of the 4-tuple in use goes to its connection; the model's answer is the exception's message.
          IllegalStateException e = assertThrows(IllegalStateException.class, () -> host.connect(PEER, PEER_PORT, OUR_PORT, now), where);
          assertTrue(e.getMessage().startsWith(conn.response() + ": "), where + ": the exception carries the model's answer: " + e.getMessage());
        } else {
          conn = host.connect(PEER, PEER_PORT, OUR_PORT, now);
          conn.listener(recorder());
          acted = conn;
        }
      }
      case "OPEN_PASSIVE" -> {
        if (listening) {
          // A second passive OPEN of the listening port: no connection to signal on, so the model's
          // answer is the exception's message (Host.listen: "<answer>: port N is listening already").
          IllegalStateException e = assertThrows(IllegalStateException.class, () -> host.listen(OUR_PORT, 16), where);
          int end = e.getMessage().indexOf(": port " + OUR_PORT);
          assertTrue(end > 0, where + ": the exception names the port: " + e.getMessage());
          signals.add(e.getMessage().substring(0, end));
        } else {
          host.listen(OUR_PORT, 16);
          listening = true;
        }
      }
      case "SEND" -> {
        textLength = CALL_TEXT.length;
        conn.send(CALL_TEXT, now);
        if (actions.contains("with text") || actions.contains("queue")) {
          handed += CALL_TEXT.length;
        }
      }
      case "RECEIVE" -> read = conn.read(65_536, now);
      case "CLOSE" -> conn.close(now);
      case "ABORT" -> conn.abort(now);
      case "STATUS" -> conn.status(now);
      case "TIMEOUT_RETRANSMIT", "TIMEOUT_TIME_WAIT", "TIMEOUT_USER" -> timeout(event, retransmissionsBefore, where);
      default -> {
        in = segment(state, event, g);
        Connection before = host.connection(TUPLE);
        host.receive(packet(in), now);
        Connection after = host.connection(TUPLE);
        // The connection that took the segment: the one the host had, or a listener's new child;
        // none when the host's CLOSED answered for no connection, or a child stayed in LISTEN.
        acted = before != null ? before : after;
        if (after != null && after != conn) {
          conn = after;
          conn.listener(recorder());
        }
      }
    }

    // What the key says, on the TCB as the test knows it.
    List<Segment> sent = sent(sentBefore);
    if (!tcb.knows("ISS")) {
      sent.stream().filter(Segment::syn).findFirst().ifPresent(s -> tcb.put("ISS", s.seq() & 0xFFFF_FFFFL));
    }
    if (in != null) {
      tcb.put("SEG.SEQ", in.seq() & 0xFFFF_FFFFL);
      tcb.put("SEG.ACK", in.ack() & 0xFFFF_FFFFL);
      tcb.put("SEG.LEN", in.segLen());
      tcb.put("SEG.WND", in.window());
    } else {
      tcb.put("SEG.LEN", textLength);
    }
    ShadowTcb.Outcome expected = tcb.run(t.actions(), state, textLength);

    if (acted != null && acted.lastRule() != null) {
      assertEquals(rule, acted.lastRule().specName(), where + ": the rule the runtime's machine applied (did the driver make the cell's guards?)\n" + story);
    }
    assertEquals(target, state(), where + ": the state after the event\n" + story);
    checkSent(expected.sends(), sent, where);
    assertEquals(expected.signals(), signals.subList(signalsBefore, signals.size()), where + ": the signals to the user, in order\n" + story);
    if (acted != null) {
      assertEquals(deletedBefore || expected.deleted(), acted.isDeleted(), where + ": whether the TCB is deleted\n" + story);
    }
    checkTimers(expected, timersBefore, where);
    checkUnacknowledged(where);
    checkSendWindow(where);
    if (state().equals("LISTEN") || state().equals("CLOSED")) {
      // No connection, or one whose TCB is gone: none of its timers may still run on the host.
      assertEquals(0, host.pendingTimers(), where + ": timers left on the host with no connection to own them\n" + story);
    }
    if (expected.deliver() && in != null && in.length() > 0) {
      assertEquals(availableBefore + in.length(), conn.available(), where + ": the text delivered to the user\n" + story);
      unread += in.length();
    }
    if (read != null) {
      assertEquals(expected.deliver() ? unread : 0, read.length, where + ": the bytes RECEIVE returned\n" + story);
      if (expected.deliver()) {
        unread = 0;
      }
    }
    for (Segment s : sent) {
      if (s.fin()) {
        tcb.finSent((s.seq() & 0xFFFF_FFFFL) + s.length());
      }
    }
    if (expected.deleted() || target.equals("LISTEN")) {
      tcb.forget(); // the next connection (a new child of the listener) chooses its own ISS
      unread = 0;
      handed = 0;
    }
  }

  /** The spec's rule, after checking that its actions are what the answer key's row says. */
  private static Transition rule(String rule, String actions, String where) {
    for (Transition t : Spec.machine().allTransitions()) {
      if (t.name().equals(rule)) {
        assertEquals(actions, CellsFile.actions(t.actions()), where + ": the answer key's actions and the spec's rule " + rule
            + " differ; review the spec change and rewrite the key (tcpfsm explain --all)");
        return t;
      }
    }
    return fail(where + ": the spec has no rule " + rule);
  }

  private Connection.Listener recorder() {
    return new Connection.Listener() {
      @Override
      public void signal(Connection c, String text) {
        signals.add(text);
      }
    };
  }

  /** The state as the runtime shows it: the connection's, else the listening port's LISTEN, else CLOSED. */
  private String state() {
    if (conn != null && conn.state() == TcpState.LISTEN) {
      conn = null; // a passive connection returned to LISTEN is the listening port again (RFC 9293 3.10.7.4)
    }
    if (conn != null) {
      return conn.isDeleted() ? "CLOSED" : conn.state().name();
    }
    return listening ? "LISTEN" : "CLOSED";
  }

  /**
   * The segment for a segment event of {@code state} whose guards are {@code g} (RFC 9293 3.10.7.4
   * Table 6 for seq_acceptable; the per-state ACK tests of 3.10.7.3 and 3.10.7.4 for
   * ack_acceptable; RFC 5961 3.2 for rst_seq_exact).
   */
  private Segment segment(String state, String event, Map<String, Boolean> g) {
    int flags = 0;
    if (!event.equals("NONE")) {
      for (String f : event.split("\\+")) {
        flags |= ShadowTcb.flags(List.of(f));
      }
    }
    boolean hasData = g.getOrDefault("has_data", false);
    long seq;
    long ack = 0;
    boolean ackAcceptable = g.getOrDefault("ack_acceptable", true);
    switch (state) {
      case "CLOSED", "LISTEN" -> {
        seq = PEER_ISS;
        ack = 0x1234_5678L;
      }
      case "SYN_SENT" -> {
        seq = PEER_ISS;
        ack = ackAcceptable ? tcb.get("SND.NXT") : tcb.get("ISS"); // "If SEG.ACK =< ISS ... send a reset"
      }
      default -> {
        long rcvNxt = tcb.get("RCV.NXT");
        boolean acceptable = g.getOrDefault("seq_acceptable", true);
        // Linux's wider test (seq_acceptable_linux) without Table 6's: the first number past the window
        seq = !acceptable && g.getOrDefault("seq_acceptable_linux", false) ? rcvNxt + conn.receiveWindow()
            : !acceptable ? rcvNxt + (1L << 30)
            : !g.getOrDefault("rst_seq_exact", true) ? rcvNxt + 1 : rcvNxt;
        boolean finAcked = g.getOrDefault("fin_acked", true);
        if (ackAcceptable) {
          ack = finAcked ? tcb.get("SND.NXT") : tcb.get("SND.UNA");
          if (ack == tcb.get("SND.UNA") && oldAck(state, flags)) {
            ack = tcb.get("SND.UNA") - 1;
          }
        } else if (g.getOrDefault("ack_is_snd_una", false)) {
          ack = tcb.get("SND.UNA");
        } else {
          ack = g.containsKey("fin_acked") && !finAcked ? tcb.get("SND.UNA") - (1L << 20) : tcb.get("SND.NXT") + 1000;
        }
      }
    }
    return Segment.builder().srcPort(PEER_PORT).dstPort(OUR_PORT).seq((int) seq).ack((flags & Segment.ACK) != 0 ? (int) ack : 0)
        .flags(flags).window(window()).payload(hasData ? TEXT.clone() : new byte[0]).build();
  }

  /**
   * A window unlike the last one the peer advertised (from 20,000 to 59,999, so a SEND's text
   * always fits), so a window update that happens, or one that must not, shows in SND.WND.
   */
  private int window() {
    return 20_000 + (int) ((++segments * 7_919L) % 40_000);
  }

  /**
   * Whether an acceptable ACK that acknowledges nothing new anyway (SEG.ACK = SND.UNA) is to be an
   * old one instead (SEG.ACK = SND.UNA - 1): every other such ACK in a synchronized state on a
   * segment without SYN or RST (the first of them in profile rfc793, the second in rfc9293). It changes nothing but the window update, which RFC 9293
   * 3.10.7.4 skips for it ("If SND.UNA =< SEG.ACK"); SYN-RECEIVED's ACK test admits no old ACK.
   */
  private boolean oldAck(String state, int flags) {
    boolean eligible = !state.equals("SYN_RECV") && (flags & Segment.ACK) != 0 && (flags & (Segment.SYN | Segment.RST)) == 0
        && tcb.knows("SND.WND");
    return eligible && ++couldBeOld % 2 == 1;
  }

  private static byte[] packet(Segment s) {
    int tcpLength = SegmentCodec.encodedLength(s);
    byte[] packet = new byte[20 + tcpLength];
    Ipv4.writeHeader(packet, 0, PEER, US, 6, tcpLength, 1, 64);
    SegmentCodec.encodeInto(s, PEER, US, packet, 20);
    return packet;
  }

  /** Moves the virtual clock from deadline to deadline until the timeout has happened (at most 20). */
  private void timeout(String event, long retransmissionsBefore, String where) {
    for (int i = 0; i < 20; i++) {
      long next = host.poll(now);
      if (next == TimerWheel.NO_DEADLINE) {
        fail(where + ": no timer is running\n" + story);
      }
      now = Math.max(now, next);
      host.poll(now);
      boolean happened = event.equals("TIMEOUT_RETRANSMIT") ? conn.retransmissions() > retransmissionsBefore : conn.isDeleted();
      if (happened) {
        return;
      }
    }
    fail(where + ": " + event + " did not happen within 20 deadlines\n" + story);
  }

  private List<Segment> sent(int from) {
    List<Segment> out = new ArrayList<>();
    for (byte[] p : wire.subList(from, wire.size())) {
      try {
        IpHeader ip = Ipv4.decode(p, 0, p.length);
        out.add(SegmentCodec.decode(p, ip.payloadOffset(), ip.payloadLength()));
      } catch (DecodeException e) {
        fail("the connection sent a packet that does not decode: " + e.getMessage());
      }
    }
    return out;
  }

  private void checkSent(List<ShadowTcb.Expected> expected, List<Segment> sent, String where) {
    String both = where + ": segments sent\n  expected " + expected + "\n  sent     " + render(sent) + "\n" + story;
    assertEquals(expected.size(), sent.size(), both);
    for (int i = 0; i < sent.size(); i++) {
      ShadowTcb.Expected e = expected.get(i);
      Segment s = sent.get(i);
      assertEquals(e.flags(), s.flags() & 0x17, "control flags (SYN, FIN, RST, ACK); " + both);
      assertEquals(e.seq(), s.seq() & 0xFFFF_FFFFL, "SEQ; " + both);
      if (e.ack() >= 0) {
        assertEquals(e.ack(), s.ack() & 0xFFFF_FFFFL, "ACK; " + both);
      }
      if (e.text() >= 0) {
        assertEquals(e.text(), s.length(), "text length; " + both);
      } else {
        assertTrue(s.length() > 0 || s.fin(), "a retransmission carries text or our FIN; " + both);
      }
    }
  }

  private static String render(List<Segment> sent) {
    List<String> out = new ArrayList<>();
    for (Segment s : sent) {
      out.add("flags 0x" + Integer.toHexString(s.flags() & 0x17) + " seq " + (s.seq() & 0xFFFF_FFFFL)
          + (s.ackFlag() ? " ack " + (s.ack() & 0xFFFF_FFFFL) : "") + " len " + s.length());
    }
    return out.toString();
  }

  private boolean[] timers() {
    boolean[] running = new boolean[TcpTimer.values().length];
    if (conn != null && !conn.isDeleted()) {
      for (TcpTimer t : TcpTimer.values()) {
        running[t.ordinal()] = conn.timerRunning(t);
      }
    }
    return running;
  }

  /**
   * The key's last start, restart or cancel of a timer decides whether it runs; a timer the cell
   * does not touch runs as before, except RETRANSMIT, which the runtime keeps running exactly while
   * something is unacknowledged (RFC 6298 5.1 and 5.2).
   */
  private void checkTimers(ShadowTcb.Outcome expected, boolean[] before, String where) {
    if (conn == null || conn.isDeleted()) {
      return;
    }
    for (TcpTimer t : TcpTimer.values()) {
      String op = expected.timers().get(t.name());
      boolean running;
      if (op != null) {
        running = !op.equals("cancel");
      } else if (t == TcpTimer.RETRANSMIT) {
        running = tcb.get("SND.UNA") != tcb.get("SND.NXT");
      } else {
        running = before[t.ordinal()];
      }
      assertEquals(running, conn.timerRunning(t), where + ": whether timer " + t + " runs" + (op == null ? "" : " (the key says " + op + ")") + "\n" + story);
    }
  }

  /**
   * The text the user handed the connection and the peer has not acknowledged: what lies between
   * SND.UNA and the end of the text, as the test knows them (the text starts at ISS+1, after our
   * SYN; RFC 9293 3.4), so a SND.UNA the runtime failed to move shows.
   */
  private void checkUnacknowledged(String where) {
    if (conn == null || conn.isDeleted() || !tcb.knows("ISS") || !tcb.knows("SND.UNA")) {
      return;
    }
    long acked = Math.max(0, Math.min(handed, (int) (tcb.get("SND.UNA") - tcb.get("ISS") - 1)));
    assertEquals(handed - acked, conn.unacknowledged(), where + ": text sent by the user and not acknowledged (SND.UNA)\n" + story);
  }

  /**
   * SND.WND, SND.WL1 and SND.WL2 as the key's actions set them from the segments the test sent
   * (RFC 9293 3.10.7.3 and 3.10.7.4), against the connection's: a window update skipped, made when
   * the segment was old, or a WL1/WL2 not recorded shows here.
   */
  private void checkSendWindow(String where) {
    if (conn == null || conn.isDeleted() || !tcb.knows("SND.WND")) {
      return;
    }
    SendWindow w = conn.sendWindow();
    assertEquals(tcb.get("SND.WND"), w.wnd(), where + ": SND.WND, the send window\n" + story);
    assertEquals(tcb.get("SND.WL1"), w.wl1(), where + ": SND.WL1, the SEG.SEQ of the last window update\n" + story);
    assertEquals(tcb.get("SND.WL2"), w.wl2(), where + ": SND.WL2, the SEG.ACK of the last window update\n" + story);
  }

  @Override
  public String toString() {
    return "ConnectionDriver[" + profile + "]";
  }
}
