package io.tcpfsm.tcp;

import io.tcpfsm.congestion.CongestionControl;
import io.tcpfsm.congestion.NewReno;
import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.machine.TcpGuard;
import io.tcpfsm.machine.TcpMachine;
import io.tcpfsm.machine.TcpRule;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.machine.TcpStep;
import io.tcpfsm.machine.TcpTimer;
import io.tcpfsm.rto.RetransmitTimer;
import io.tcpfsm.rto.RtoEstimator;
import io.tcpfsm.rto.RttSampler;
import io.tcpfsm.time.TimerWheel;
import io.tcpfsm.wire.Segment;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One TCP connection: a TCB, buffers and timers around the generated machine. Every event
 * (a call, a segment, a timeout) becomes a {@link TcpEvent}; the guards the cell reads are
 * evaluated ({@link SegmentClassifier}); the machine's step says the next state and the actions,
 * which {@link ActionRunner} executes. The connection itself decides no state change and no
 * control-path TCB update. What it does own is what RFC 9293 leaves to implementations: which
 * bytes go in a segment (MSS, windows, congestion control), holding out-of-order text, the
 * retransmission queue and its timer (RFC 6298), and when a queued call is issued again.
 *
 * <p>The connection is one class in several files, as gVisor's netstack splits its TCP endpoint
 * (connect.go, snd.go, rcv.go, timer.go): this file holds the state, the application's calls and
 * the machine step; {@link SegmentArrival} turns an arriving segment into an event (and holds
 * out-of-order text); {@link Sender} follows an event on the sending side (acknowledgments, RTT,
 * congestion, sending what the windows allow); {@link ConnectionTimers} runs the timers;
 * {@link SynOptions} reads the MSS and window scale of the peer's SYN. Those are static methods
 * on this class's package-private fields, not objects, so an idle connection costs no more.
 *
 * <p>Single-threaded; time is passed in by the {@link Host} that owns it.
 */
public final class Connection {
  /** What the application hears from a connection. All methods are optional. */
  public interface Listener {
    /** The model signalled the user: "established", "connection reset", ... */
    default void signal(Connection c, String text) {}

    /** Text arrived that {@link #read} can return. */
    default void readable(Connection c) {}

    /** The connection ended: its TCB was deleted. */
    default void closed(Connection c) {}
  }

  /** What the host provides a connection. */
  interface Env {
    void transmit(Connection c, Segment s);

    TimerWheel wheel();

    void deleted(Connection c);

    void stateChanged(Connection c, TcpState from, TcpState to);
  }

  private static final byte[] NO_TEXT = new byte[0];
  private static final Listener NO_LISTENER = new Listener() {};
  private static final TcpState[] STATES = TcpState.values();

  final Env env;
  final FourTuple tuple;
  final TcpConfig config;
  final TcpMachine machine;
  final Tcb tcb = new Tcb();
  final SendBuffer sendBuffer;
  final ReceiveBuffer receiveBuffer;
  final RetransmitTimer retransmitTimer;
  final RttSampler rtt = new RttSampler();
  CongestionControl congestion;

  TcpState state = TcpState.CLOSED;
  boolean passiveOpen;
  boolean finSent;
  long finSeq;
  boolean closePending;
  /**
   * The waiting CLOSE ({@link #closePending}) is being issued: its text_pending is the call's (RFC
   * 1122 4.2.2.13 "issues a CLOSE call while received data is still pending"; Linux's __tcp_close
   * reads data_was_unread in the call), not what has arrived by the time the last SEND is
   * segmentized. A CLOSE waits only when the call found nothing unread or its cell does not read
   * text_pending ({@link #close}), so it is issued with none.
   */
  boolean issuingPendingClose;
  boolean deleted;
  /** Our window-scale shift, and the peer's; both 0 unless both sides sent the option (RFC 7323 2.2). */
  int rcvScale;
  int sndScale;
  boolean peerOfferedScale;
  int peerMss = SynOptions.DEFAULT_MSS;
  long now;

  // The event being processed.
  boolean segmentEvent;
  byte[] text = NO_TEXT;
  boolean forceProbe;

  // An idle connection should cost little memory (BENCHMARKS.md, "Runtime: connections"): what
  // only some connections need is made when first needed and dropped when no longer needed.
  /** Every state so far, as ordinals, in the first {@code historySize} bytes. */
  private byte[] history = new byte[4];
  private int historySize;
  /** Unsolicited signals; null until the first. */
  private List<String> signals;
  /** Segments beyond RCV.NXT waiting for the gap ({@link SegmentArrival}); null when none. */
  List<Segment> held;
  final ActionRunner runner = new ActionRunner(this);
  /** Timer handles by {@link ConnectionTimers.Kind}, each made when scheduled and dropped when idle; null when none. */
  TimerWheel.Timer[] timers;
  /** Keep-alive, when the application turned it on ({@link KeepAlives}); null when off (MUST-25). */
  KeepAlives.State keepAlive;
  /** The window of the last segment, for RFC 5681's duplicate ACK ({@link Sender}). */
  int lastWindow = -1;
  /** Retransmission timeouts since the last new ACK (RFC 9293 3.8.3's R2, {@link ConnectionTimers}). */
  int consecutiveTimeouts;
  private TcpRule lastRule;
  private String response;
  private boolean inTimeout;
  Listener listener = NO_LISTENER;

  long bytesSent;
  long bytesDelivered;
  long retransmissions;

  Connection(Env env, FourTuple tuple, TcpConfig config) {
    this.env = env;
    this.tuple = tuple;
    this.config = config;
    this.machine = config.profile();
    this.sendBuffer = new SendBuffer(config.sendBuffer());
    this.receiveBuffer = new ReceiveBuffer(config.receiveBuffer());
    this.retransmitTimer = new RetransmitTimer(new RtoEstimator(config.rto()));
    addHistory(state);
  }

  // ---- the application's calls ----------------------------------------------------------------

  /** Passive OPEN: wait in LISTEN for a connection request (a listener's child). */
  void openPassive(long at) {
    now = at;
    passiveOpen = true;
    call(TcpEvent.OPEN_PASSIVE);
  }

  /** Active OPEN: choose the ISS (RFC 6528) and send a SYN. */
  void openActive(long at) {
    now = at;
    chooseIss();
    call(TcpEvent.OPEN_ACTIVE);
  }

  /** An active OPEN of a connection that exists: the model answers it (RFC 9293 3.10.1); no new ISS. */
  void openAgain(long at) {
    now = at;
    call(TcpEvent.OPEN_ACTIVE);
  }

  void chooseIss() {
    tcb.iss = Isn.of(tuple, config.isnSecret(), now);
    sendBuffer.start(Tcb.add(tcb.iss, 1));
    rcvScale = config.windowScale();
    congestion = new NewReno(config.mss(), (int) tcb.iss);
  }

  /**
   * SEND: queues {@code data} for transmission and sends what the windows allow; returns the
   * bytes accepted (fewer when the send buffer is full; 0 when the model refuses the call, with
   * its signal).
   */
  public int send(byte[] data, long at) {
    now = at;
    if (state == TcpState.CLOSED || state == TcpState.LISTEN || !acceptsText()) {
      call(TcpEvent.SEND);
      return 0;
    }
    int accepted = sendBuffer.append(data, 0, data.length);
    if (state == TcpState.SYN_SENT || state == TcpState.SYN_RECV) {
      call(TcpEvent.SEND); // "Queue the data for transmission after entering ESTABLISHED state."
    }
    Sender.pump(this);
    return accepted;
  }

  private boolean acceptsText() {
    return switch (state) {
      case SYN_SENT, SYN_RECV, ESTABLISHED, CLOSE_WAIT -> !closePending;
      default -> false;
    };
  }

  /** RECEIVE: up to {@code max} bytes of text in order; empty when none is on hand. */
  public byte[] read(int max, long at) {
    now = at;
    // A window smaller than min(half the buffer, MSS) stalls a sender that avoids silly windows
    // (RFC 9293 3.8.6.2.1), and a zero one (fewer than 2^scale bytes is zero in the header, RFC
    // 7323 2.3) until its persist timer fires: when the read opens the window past that mark, the
    // peer hears of it at once (RFC 9293 3.8.6.2.2, RFC 1122 4.2.3.3: the receiver's SWS
    // avoidance, "send a window update" when it "can be increased by min(Fr*RCV.BUFF, Eff.snd.MSS)").
    long mark = Math.min(config.receiveBuffer() / 2, config.mss());
    boolean wasSmall = receiveBuffer.window() < mark || (receiveBuffer.window() >> rcvScale) == 0;
    call(TcpEvent.RECEIVE);
    byte[] out = receiveBuffer.read(max);
    if (wasSmall && out.length > 0 && isSynchronized() && receiveBuffer.window() >= mark) {
      runner.sendAck(); // the window update
    }
    return out;
  }

  /** Bytes {@link #read} can return now. */
  public int available() {
    return receiveBuffer.size();
  }

  /**
   * CLOSE: "Queue this until all preceding SENDs have been segmentized, then form a FIN segment
   * and send it" (RFC 9293 3.10.4): the call waits while text is unsent.
   */
  public void close(long at) {
    now = at;
    boolean unread = receiveBuffer.size() > 0;
    // A profile whose CLOSE reads text_pending (linux: unread text resets) decides at the call, with
    // the text still unsent, as Linux's close() resets at once and drops what it had not sent.
    boolean decidesNow = unread && (machine.needed(state, TcpEvent.CLOSE) & TcpGuard.TEXT_PENDING.bit()) != 0;
    if (!decidesNow && sendBuffer.after(tcb.sndNxt) > 0 && acceptsText()) {
      closePending = true;
      if (state == TcpState.SYN_RECV) {
        call(TcpEvent.CLOSE); // the model queues it (send_pending): its rule, not ours, says so
      }
      Sender.pump(this);
      return;
    }
    call(TcpEvent.CLOSE);
  }

  /** STATUS (RFC 9293 3.10.6): the model's answer, e.g. "state = ESTABLISHED". */
  public String status(long at) {
    now = at;
    call(TcpEvent.STATUS);
    return response;
  }

  /** ABORT: drop the connection now, with a reset where the model sends one. */
  public void abort(long at) {
    now = at;
    call(TcpEvent.ABORT);
  }

  /**
   * Turns keep-alive on for this connection with {@code settings}, idle time counted from
   * {@code at}, or off with null (RFC 9293 3.8.4: "the application MUST be able to turn them on
   * or off for each TCP connection", MUST-24). Off by default (MUST-25).
   */
  public void keepAlive(KeepAlive settings, long at) {
    now = at;
    if (!deleted) {
      KeepAlives.set(this, settings, at);
    }
  }

  /** The keep-alive settings, or null when keep-alive is off. */
  public KeepAlive keepAlive() {
    return keepAlive == null ? null : keepAlive.settings;
  }

  // ---- events -----------------------------------------------------------------------------------

  /** Runs a call or a timeout through the machine. */
  void call(TcpEvent event) {
    if (event.kind() == TcpEvent.Kind.CALL) {
      response = null;
    }
    inTimeout = event.kind() == TcpEvent.Kind.TIMEOUT;
    segmentEvent = false;
    text = NO_TEXT;
    tcb.segLen = 0;
    long una = tcb.sndUna;
    long wnd = tcb.sndWnd;
    run(event);
    Sender.afterEvent(this, una, wnd, false, 0);
  }

  /** SEGMENT ARRIVES (RFC 9293 3.10.7): see {@link SegmentArrival}. */
  void segmentArrives(Segment s, long at) {
    SegmentArrival.arrive(this, s, at);
  }

  /**
   * One step of the machine: the guards the cell reads are evaluated, the step's actions run,
   * the state changes, and a deleted TCB is taken off the host.
   */
  void run(TcpEvent event) {
    int needed = machine.needed(state, event);
    int guards = needed == 0 ? 0 : SegmentClassifier.guards(state, needed, text.length > 0, classifierContext());
    TcpStep step = machine.step(state, event, guards);
    lastRule = step.rule();
    TcpState from = state;
    runner.from = from;
    for (var action : step.actions()) {
      action.accept(runner);
    }
    if (step.target() != from) {
      state = step.target();
      addHistory(state);
      if (isSynchronized(from) != isSynchronized(state) && !isSynchronized(from)) {
        retransmitTimer.handshakeCompleted();
      }
      env.stateChanged(this, from, state);
    }
    ConnectionTimers.sync(this);
    if (deleted) {
      ConnectionTimers.cancelAll(this);
      env.deleted(this);
      listener.closed(this);
    }
  }

  SegmentClassifier.Context classifierContext() {
    return new SegmentClassifier.Context(tcb, receiveBuffer.window(), passiveOpen, finSent, finSeq,
        !issuingPendingClose && receiveBuffer.size() > 0, sendBuffer.after(tcb.sndNxt) > 0, config.rfc5961());
  }

  /** Bytes sent and not acknowledged (RFC 5681's FlightSize). */
  long flight() {
    return Tcb.diff(tcb.sndNxt, tcb.sndUna);
  }

  boolean isSynchronized() {
    return isSynchronized(state);
  }

  /**
   * Whether text or a FIN beyond RCV.NXT waits in the hold queue for the gap before it: only while
   * RCV.NXT is known (SYN-RECEIVED on) and the peer's FIN has not arrived. After that FIN (CLOSE-WAIT,
   * CLOSING, LAST-ACK, TIME-WAIT) nothing beyond it can ever be delivered (RFC 9293 3.10.7.4, seventh
   * step: "Ignore the segment text"), so the segment goes to the machine whole and its rule decides
   * what answers it (found by the Linux probes: CLOSE-WAIT sends nothing for text in the window).
   */
  static boolean holdsText(TcpState s) {
    return switch (s) {
      case SYN_RECV, ESTABLISHED, FIN_WAIT1, FIN_WAIT2 -> true;
      default -> false;
    };
  }

  static boolean isSynchronized(TcpState s) {
    return switch (s) {
      case CLOSED, LISTEN, SYN_SENT, SYN_RECV -> false;
      default -> true;
    };
  }

  /**
   * A signal of the model. During a call it is that call's answer ({@link #response}); otherwise
   * it is unsolicited ("connection reset", "connection closing") and kept in {@link #signals}.
   */
  void signal(String text) {
    if (segmentEvent || inTimeout) {
      if (signals == null) {
        signals = new ArrayList<>(2);
      }
      signals.add(text);
    } else {
      response = text;
    }
    listener.signal(this, text);
  }

  /** The model's answer to the last call, e.g. "error: connection closing"; null if it gave none. */
  public String response() {
    return response;
  }

  void delivered(int n) {
    bytesDelivered += n;
    listener.readable(this);
  }

  // ---- what an application or a test may ask ---------------------------------------------------

  public TcpState state() {
    return state;
  }

  public FourTuple tuple() {
    return tuple;
  }

  /** Every state the connection has been in, in order. */
  public List<TcpState> history() {
    return new AbstractList<>() {
      @Override
      public TcpState get(int i) {
        Objects.checkIndex(i, historySize);
        return STATES[history[i]];
      }

      @Override
      public int size() {
        return historySize;
      }
    };
  }

  private void addHistory(TcpState s) {
    if (historySize == history.length) {
      history = Arrays.copyOf(history, historySize * 2);
    }
    history[historySize++] = (byte) s.ordinal();
  }

  /** Every signal the model gave the user, in order. */
  public List<String> signals() {
    return signals == null ? List.of() : Collections.unmodifiableList(signals);
  }

  /** The rule of the last step. */
  public TcpRule lastRule() {
    return lastRule;
  }

  public void listener(Listener l) {
    this.listener = l;
  }

  public long bytesSent() {
    return bytesSent;
  }

  public long bytesDelivered() {
    return bytesDelivered;
  }

  public long retransmissions() {
    return retransmissions;
  }

  /**
   * Whether one of the model's timers is running. RETRANSMIT is RFC 6298's timer, which runs while
   * the retransmission queue holds something (5.1, 5.2).
   */
  public boolean timerRunning(TcpTimer timer) {
    return switch (timer) {
      case RETRANSMIT -> ConnectionTimers.isScheduled(this, ConnectionTimers.Kind.RETRANSMIT);
      case TIME_WAIT -> ConnectionTimers.isScheduled(this, ConnectionTimers.Kind.TIME_WAIT);
      case USER -> ConnectionTimers.isScheduled(this, ConnectionTimers.Kind.USER);
    };
  }

  /** SND.WND, SND.WL1 and SND.WL2 now: what the last window update set (RFC 9293 3.10.7.4). */
  public SendWindow sendWindow() {
    return new SendWindow(tcb.sndWnd, tcb.sndWl1, tcb.sndWl2);
  }

  /** RCV.WND now: the room the receive buffer has, the window the next segment advertises. */
  public long receiveWindow() {
    return receiveBuffer.window();
  }

  /** Whether the TCB is gone (CLOSED after the model deleted it). */
  public boolean isDeleted() {
    return deleted;
  }

  /** Bytes the application sent that the peer has not acknowledged, or not yet received. */
  public int unacknowledged() {
    return sendBuffer.size();
  }

  @Override
  public String toString() {
    return tuple + " " + state;
  }
}
