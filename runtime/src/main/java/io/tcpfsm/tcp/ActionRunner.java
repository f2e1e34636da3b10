package io.tcpfsm.tcp;

import io.tcpfsm.machine.TcpAction;
import io.tcpfsm.machine.TcpFlags;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes a step's actions on a connection. Each kind of action the spec has is one method, so
 * a new kind in the spec stops this class compiling until it is handled. The TCB changes only
 * through {@code set}; what an action leaves to the implementation (which bytes a segment
 * carries, the options of a SYN, what "retransmit" resends) is decided here, each with its RFC.
 */
final class ActionRunner implements TcpAction.Handler<Void> {
  private static final ByteBuffer NO_TEXT = ByteBuffer.allocate(0).asReadOnlyBuffer();

  private final Connection c;
  /** The state the step started in. */
  TcpState from;

  ActionRunner(Connection c) {
    this.c = c;
  }

  @Override
  public Void onSend(TcpAction.Send a) {
    Tcb t = c.tcb;
    long seq = a.seq() == null ? 0 : a.seq().evaluate(t);
    long ack = a.ack() == null ? 0 : a.ack().evaluate(t);
    ByteBuffer payload = NO_TEXT;
    if (a.withText()) {
      int n = sendable();
      c.forceProbe = false; // one probe octet per persist timeout: the pump after this send must not probe again
      payload = n == 0 ? payload : c.sendBuffer.view(seq, n); // encoded before the buffer changes
      t.segLen = n; // what the spec's "set SND.NXT = SND.NXT+SEG.LEN" moves over
      if (n == 0) {
        return null; // nothing the windows admit: no empty segment
      }
    }
    int flags = a.flags();
    if (payload.hasRemaining()) {
      flags |= Segment.PSH;
    }
    if ((flags & TcpFlags.FIN) != 0) {
      c.finSent = true;
      c.finSeq = Tcb.add(seq, payload.remaining());
    }
    transmit(seq, ack, flags, payload, false);
    return null;
  }

  /** Bytes the next data segment may carry: unsent text, the windows and the MSS (RFC 9293 3.8.6.2.1). */
  int sendable() {
    Tcb t = c.tcb;
    long unsent = c.sendBuffer.after(t.sndNxt);
    if (unsent <= 0) {
      return 0;
    }
    if (c.forceProbe) {
      return 1;
    }
    long window = t.sndWnd;
    if (c.congestion != null) {
      window = Math.min(window, c.congestion.cwnd());
    }
    long usable = window - c.flight();
    return (int) Math.max(0, Math.min(Math.min(unsent, usable), SynOptions.sendMss(c)));
  }

  /** Segments handed to the host or held back as ACKs so far: tells the connection whether a step already answered. */
  long transmitted;

  /** An ACK of what we have, outside the model: a window update or RFC 5681's duplicate ACK. */
  void sendAck() {
    transmit(c.tcb.sndNxt, c.tcb.rcvNxt, Segment.ACK, NO_TEXT, false);
  }

  /**
   * A keep-alive probe (RFC 9293 3.8.4): "a segment with SEG.SEQ = SND.NXT-1", sent without data
   * (SHLD-12). It lies before the peer's window, so a live peer answers with an ACK (3.10.7.4) and
   * one that has no connection with a RST (3.10.7.1).
   */
  void sendKeepAlive() {
    transmit(Tcb.add(c.tcb.sndNxt, -1), c.tcb.rcvNxt, Segment.ACK, NO_TEXT, false);
  }

  /**
   * Sends the segment at the front of the retransmission queue again (RFC 9293 3.10.8): the SYN
   * (or SYN,ACK) while it is unacknowledged, whatever the state, else the first MSS of unacknowledged text, else the
   * FIN.
   */
  void retransmitFront(boolean fromModel) {
    Tcb t = c.tcb;
    c.retransmissions++;
    if (t.sndUna == t.iss && c.state != TcpState.CLOSED && c.state != TcpState.LISTEN) {
      // Our SYN is unacknowledged: it is the front of the queue, also after a CLOSE in
      // SYN-RECEIVED (FIN-WAIT-1, the FIN behind it) or RFC 793's SEG.ACK = SND.UNA, which
      // leaves SYN-RECEIVED without acknowledging it. Sent from SYN-RECEIVED, it was a SYN,ACK.
      boolean synAck = c.state != TcpState.SYN_SENT;
      transmit(t.iss, synAck ? t.rcvNxt : 0, synAck ? Segment.SYN | Segment.ACK : Segment.SYN, NO_TEXT, true);
      return;
    }
    long dataEnd = c.finSent ? c.finSeq : t.sndNxt;
    int outstanding = Math.max(0, Tcb.diff(dataEnd, t.sndUna));
    if (outstanding > 0) {
      int n = Math.min(outstanding, SynOptions.sendMss(c));
      transmit(t.sndUna, t.rcvNxt, Segment.ACK | Segment.PSH, c.sendBuffer.view(t.sndUna, n), true);
    } else if (c.finSent && t.sndUna == c.finSeq) {
      transmit(c.finSeq, t.rcvNxt, Segment.FIN | Segment.ACK, NO_TEXT, true);
    }
  }

  /**
   * Within one arrival ({@link SegmentArrival#arrive}), ACKs are held back and sent as one at the
   * end, with what RCV.NXT and the window are then; a segment sent meanwhile that carries the
   * same ACK takes its place.
   */
  boolean coalescing;
  /** An ACK was held back while {@link #coalescing}. */
  private boolean ackHeld;

  /** Sends the ACK held back during an arrival (once it is over), if no later segment carried it. */
  void flushAck() {
    if (ackHeld) {
      ackHeld = false;
      if (!c.deleted) {
        sendAck();
      }
    }
  }

  /** Builds a segment and hands it to the host, which encodes it at once (so {@code payload} may be a view). */
  private void transmit(long seq, long ack, int flags, ByteBuffer payload, boolean retransmission) {
    transmitted++;
    if (coalescing) {
      if (flags == Segment.ACK && !payload.hasRemaining() && seq == c.tcb.sndNxt) {
        ackHeld = true; // answered, and sent by flushAck with the ACK field as it ends up
        return;
      }
      if ((flags & Segment.ACK) != 0 && ack == c.tcb.rcvNxt) {
        ackHeld = false; // this segment carries the held ACK
      }
    }
    boolean syn = (flags & Segment.SYN) != 0;
    long window = c.receiveBuffer.window();
    // RFC 7323 2.2: "The window field in a segment where the SYN bit is set ... MUST NOT be scaled".
    int field = (int) Math.min(65_535, syn ? window : window >> c.rcvScale);
    Segment.Builder b = Segment.builder()
        .srcPort(c.tuple.localPort()).dstPort(c.tuple.remotePort())
        .seq((int) seq).ack((int) ack).flags(flags).window(field).payload(payload);
    if (syn) {
      List<TcpOption> options = new ArrayList<>();
      options.add(new TcpOption.Mss(c.config.mss())); // RFC 9293 3.7.1
      if (c.config.windowScale() > 0 && ((flags & Segment.ACK) == 0 || c.peerOfferedScale)) {
        // RFC 7323 2.2: offered on a SYN; on a SYN,ACK only when the SYN carried it.
        options.add(new TcpOption.WindowScale(c.config.windowScale()));
      }
      b.options(options);
    }
    Segment s = b.build();
    int len = s.segLen();
    if (len > 0 && (flags & Segment.RST) == 0) {
      c.rtt.sent((int) Tcb.add(seq, len), c.now, retransmission);
    }
    c.bytesSent += payload.remaining();
    c.env.transmit(c, s);
  }

  @Override
  public Void onTimer(TcpAction.Timer a) {
    switch (a.timer()) {
      case RETRANSMIT -> {
        switch (a.op()) {
          // RFC 6298 5.1: start it "if the timer is not running"; on a retransmission timeout it
          // was restarted with the backed-off RTO already (5.6).
          case START, RESTART -> c.retransmitTimer.sent(c.now, from == TcpState.SYN_SENT || from == TcpState.LISTEN || from == TcpState.CLOSED);
          case CANCEL -> c.retransmitTimer.acknowledged(c.now, false, true);
        }
        ConnectionTimers.sync(c);
      }
      case TIME_WAIT -> schedule(ConnectionTimers.Kind.TIME_WAIT, a.op(), c.config.twoMslNanos());
      case USER -> schedule(ConnectionTimers.Kind.USER, a.op(), c.config.userTimeoutNanos());
    }
    return null;
  }

  private void schedule(ConnectionTimers.Kind timer, TcpAction.Timer.Op op, long after) {
    switch (op) {
      case START, RESTART -> ConnectionTimers.schedule(c, timer, c.now + after);
      case CANCEL -> ConnectionTimers.cancel(c, timer);
    }
  }

  @Override
  public Void onSignal(TcpAction.Signal a) {
    c.signal(a.text());
    return null;
  }

  @Override
  public Void onSet(TcpAction.Set a) {
    c.tcb.write(a.variable(), a.value().evaluate(c.tcb));
    return null;
  }

  @Override
  public Void onIf(TcpAction.If a) {
    if (a.condition().test(c.tcb)) {
      for (TcpAction inner : a.then()) {
        inner.accept(this);
      }
    }
    return null;
  }

  @Override
  public Void onDrop() {
    return null; // the segment (or call) is done with: nothing of it is kept
  }

  @Override
  public Void onDeleteTcb() {
    c.deleted = true;
    c.sendBuffer.clear();
    return null;
  }

  @Override
  public Void onRetransmit() {
    retransmitFront(true);
    return null;
  }

  @Override
  public Void onDeliver() {
    if (c.segmentEvent && c.text.length > 0) {
      int n = Math.min(c.text.length, c.receiveBuffer.window());
      c.receiveBuffer.append(c.text, 0, n);
      c.delivered(n);
    }
    return null; // for RECEIVE, the caller reads the buffer
  }

  @Override
  public Void onQueue() {
    // A call is issued again when it can be served (Connection.pump). Text that came on a SYN
    // is not kept: RCV.NXT stays at the SYN, so the peer sends it again once synchronized.
    return null;
  }
}
