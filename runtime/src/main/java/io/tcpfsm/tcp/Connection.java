package io.tcpfsm.tcp;

import io.tcpfsm.congestion.CongestionControl;
import io.tcpfsm.congestion.DuplicateAck;
import io.tcpfsm.congestion.NewReno;
import io.tcpfsm.machine.TcpEvent;
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
import io.tcpfsm.wire.TcpOption;
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

  /** The connection's timers on the host's wheel. */
  enum TimerKind { RETRANSMIT, TIME_WAIT, USER, PERSIST }

  private static final int MAX_HELD = 256;
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
  boolean deleted;
  /** Our window-scale shift, and the peer's; both 0 unless both sides sent the option (RFC 7323 2.2). */
  int rcvScale;
  int sndScale;
  boolean peerOfferedScale;
  int peerMss = 536;
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
  /** Segments beyond RCV.NXT waiting for the gap; null when none. */
  private List<Segment> held;
  private final ActionRunner runner = new ActionRunner(this);
  /** Timer handles by {@link TimerKind}, each made when scheduled and dropped when idle; null when none. */
  private TimerWheel.Timer[] timers;
  private int lastWindow = -1;
  private int consecutiveTimeouts;
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
    pump();
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
    boolean wasFull = receiveBuffer.window() == 0;
    call(TcpEvent.RECEIVE);
    byte[] out = receiveBuffer.read(max);
    if (wasFull && out.length > 0 && isSynchronized()) {
      runner.sendAck(); // a window update, so a peer stalled on a zero window hears of the space
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
    if (sendBuffer.after(tcb.sndNxt) > 0 && acceptsText()) {
      closePending = true;
      if (state == TcpState.SYN_RECV) {
        call(TcpEvent.CLOSE); // the model queues it (send_pending): its rule, not ours, says so
      }
      pump();
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
    run(event, false);
    afterEvent(una, false, 0);
  }

  /** SEGMENT ARRIVES (RFC 9293 3.10.7). */
  void segmentArrives(Segment s, long at) {
    now = at;
    if (deleted) {
      return;
    }
    segmentEvent = true;
    int flags = s.flags();
    byte[] payload = new byte[s.length()];
    s.payload().get(payload);
    tcb.segSeq = s.seq() & 0xFFFF_FFFFL;
    tcb.segAck = s.ackFlag() ? s.ack() & 0xFFFF_FFFFL : 0;
    tcb.segLen = s.segLen();
    // RFC 7323 2.3: "The window field (SEG.WND) in the header of every incoming segment, with the
    // exception of <SYN> segments, MUST be left-shifted by Snd.Wind.Shift bits".
    tcb.segWnd = s.syn() ? s.window() : (long) s.window() << sndScale;
    if (s.syn()) {
      readSynOptions(s);
    }
    text = payload;
    long una = tcb.sndUna;
    boolean rcvNxtKnown = isSynchronized() || state == TcpState.SYN_RECV;
    if (rcvNxtKnown && tcb.segLen > 0 && !s.rst() && !s.syn()) {
      int ahead = Tcb.diff(tcb.segSeq, tcb.rcvNxt);
      // Text or a FIN beyond RCV.NXT waits for the gap before it to fill.
      if (ahead > 0 && SegmentClassifier.seqAcceptable(tcb.segSeq, tcb.segLen, tcb.rcvNxt, receiveBuffer.window())) {
        // Text beyond RCV.NXT waits for the gap to fill (RFC 9293 3.10.7.4: segments "may be held
        // for later processing"); its ACK field is processed now, without the text.
        hold(s);
        text = NO_TEXT;
        tcb.segLen = 0;
        flags &= ~Segment.FIN;
        run(TcpEvent.fromHeader(flags), true);
        afterEvent(una, s.ackFlag(), s.window());
        // RFC 5681 4.2: "A TCP receiver SHOULD send an immediate duplicate ACK when an
        // out-of-order segment arrives."
        if (!deleted && (isSynchronized() || state == TcpState.SYN_RECV)) {
          runner.sendAck();
        }
        return;
      }
      if (ahead < 0) {
        // Only the new part is processed (RFC 793 p.69: "only the new parts should be processed").
        int old = Math.min(-ahead, payload.length);
        if (old < payload.length || (flags & Segment.FIN) != 0) {
          text = java.util.Arrays.copyOfRange(payload, old, payload.length);
          tcb.segSeq = Tcb.add(tcb.segSeq, old);
          tcb.segLen -= old;
        }
      }
    }
    if (isSynchronized() && text.length > receiveBuffer.window()
        && SegmentClassifier.seqAcceptable(tcb.segSeq, tcb.segLen, tcb.rcvNxt, receiveBuffer.window())) {
      // Text beyond the window's right edge is not accepted, and a FIN after it not seen.
      int fit = receiveBuffer.window();
      tcb.segLen = fit;
      text = java.util.Arrays.copyOf(text, fit);
      flags &= ~Segment.FIN;
    }
    run(TcpEvent.fromHeader(flags), true);
    afterEvent(una, s.ackFlag(), s.window());
  }

  private void run(TcpEvent event, boolean segment) {
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
    syncTimers();
    if (deleted) {
      cancelTimers();
      env.deleted(this);
      listener.closed(this);
    }
  }

  SegmentClassifier.Context classifierContext() {
    return new SegmentClassifier.Context(tcb, receiveBuffer.window(), passiveOpen, finSent, finSeq,
        receiveBuffer.size() > 0, sendBuffer.after(tcb.sndNxt) > 0, config.rfc5961());
  }

  /**
   * What follows an event on the runtime's side: the retransmission queue, RTT, timers and
   * congestion window follow SND.UNA (RFC 6298 5.2/5.3, RFC 5681); then whatever the windows now
   * allow is sent, a waiting CLOSE issued, and held text processed.
   */
  private void afterEvent(long una, boolean ackFlag, int window) {
    if (deleted) {
      return;
    }
    int acked = Tcb.diff(tcb.sndUna, una);
    if (acked > 0) {
      int data = sendBuffer.acknowledge(tcb.sndUna);
      long sample = rtt.acknowledged((int) tcb.sndUna, now);
      if (sample != RttSampler.NO_SAMPLE) {
        retransmitTimer.estimator().sample(sample, false);
      }
      retransmitTimer.acknowledged(now, true, tcb.sndUna == tcb.sndNxt);
      consecutiveTimeouts = 0;
      if (congestion != null && data > 0
          && congestion.onAck((int) tcb.sndUna, data, flight()).retransmit()) {
        runner.retransmitFront(false);
      }
      if (isScheduled(TimerKind.USER)) {
        schedule(TimerKind.USER, now + config.userTimeoutNanos()); // progress: R2 counts from here
      }
    } else if (segmentEvent && congestion != null && isSynchronized()
        && DuplicateAck.test(flight() > 0, text.length, ackFlag, false, false,
            (int) tcb.segAck, (int) tcb.sndUna, window, lastWindow)
        && congestion.onDuplicateAck((int) tcb.segAck, flight(), (int) tcb.sndNxt).retransmit()) {
      runner.retransmitFront(false);
    }
    if (segmentEvent) {
      lastWindow = window;
    }
    syncTimers();
    pump();
  }

  /** Sends what the windows allow, issues a waiting CLOSE, and processes held text now in order. */
  private void pump() {
    for (int guard = 0; guard < 100_000 && !deleted; guard++) {
      if ((state == TcpState.ESTABLISHED || state == TcpState.CLOSE_WAIT) && runner.sendable() > 0) {
        call(TcpEvent.SEND);
        continue;
      }
      if (closePending && sendBuffer.after(tcb.sndNxt) == 0 && isSynchronized()) {
        closePending = false;
        call(TcpEvent.CLOSE);
        continue;
      }
      Segment next = nextHeld();
      if (next != null) {
        segmentArrives(next, now);
        continue;
      }
      break;
    }
    if (!deleted && isSynchronized() && tcb.sndWnd == 0 && sendBuffer.after(tcb.sndNxt) > 0
        && !retransmitTimer.isRunning() && !isScheduled(TimerKind.PERSIST)) {
      schedule(TimerKind.PERSIST, now + retransmitTimer.estimator().rto()); // RFC 9293 3.8.6.1
    }
  }

  private void hold(Segment s) {
    if (held == null) {
      held = new ArrayList<>();
    }
    if (held.size() < MAX_HELD) {
      byte[] copy = new byte[s.length()];
      s.payload().get(copy);
      held.add(s.toBuilder().payload(java.nio.ByteBuffer.wrap(copy)).build()); // not a view of a packet buffer someone may reuse
    }
  }

  private Segment nextHeld() {
    if (!isSynchronized() || held == null) {
      return null;
    }
    if (held.isEmpty()) {
      held = null;
      return null;
    }
    for (int i = 0; i < held.size(); i++) {
      Segment s = held.get(i);
      long end = Tcb.add(s.seq() & 0xFFFF_FFFFL, s.segLen());
      if (Tcb.diff(end, tcb.rcvNxt) <= 0) {
        held.remove(i--); // wholly old now
      } else if (Tcb.diff(s.seq() & 0xFFFF_FFFFL, tcb.rcvNxt) <= 0) {
        held.remove(i);
        return s;
      }
    }
    return null;
  }

  // ---- timers -----------------------------------------------------------------------------------

  /** Schedules (or reschedules) a timer, making its handle if it has none. */
  void schedule(TimerKind kind, long deadline) {
    if (timers == null) {
      timers = new TimerWheel.Timer[TimerKind.values().length];
    }
    TimerWheel.Timer t = timers[kind.ordinal()];
    if (t == null) {
      t = env.wheel().timer(at -> fire(kind, at));
      timers[kind.ordinal()] = t;
    }
    t.schedule(deadline);
  }

  /** Cancels a timer and drops its handle. */
  void cancel(TimerKind kind) {
    TimerWheel.Timer t = timers == null ? null : timers[kind.ordinal()];
    if (t != null) {
      t.cancel();
      drop(kind);
    }
  }

  boolean isScheduled(TimerKind kind) {
    TimerWheel.Timer t = timers == null ? null : timers[kind.ordinal()];
    return t != null && t.isScheduled();
  }

  private void drop(TimerKind kind) {
    timers[kind.ordinal()] = null;
    for (TimerWheel.Timer t : timers) {
      if (t != null) {
        return;
      }
    }
    timers = null;
  }

  private void fire(TimerKind kind, long at) {
    now = at;
    switch (kind) {
      case RETRANSMIT -> retransmitTimeout();
      case TIME_WAIT -> call(TcpEvent.TIMEOUT_TIME_WAIT);
      case USER -> userTimeout();
      case PERSIST -> persistTimeout();
    }
    if (timers != null && timers[kind.ordinal()] != null && !isScheduled(kind)) {
      drop(kind); // it ran and was not scheduled again
    }
  }

  private void retransmitTimeout() {
    if (!retransmitTimer.expired(now)) {
      syncTimers();
      return;
    }
    if (++consecutiveTimeouts > config.maxRetransmissions()) {
      // RFC 9293 3.8.3 (R2): "the connection should be closed" once retransmission has gone on
      // this long; the model's user-timeout rule closes it and tells the user why.
      call(TcpEvent.TIMEOUT_USER);
      return;
    }
    if (congestion != null) {
      congestion.onRetransmitTimeout(flight(), (int) tcb.sndNxt);
    }
    call(TcpEvent.TIMEOUT_RETRANSMIT);
  }

  /**
   * The user timeout bounds how long sent data may stay unacknowledged (RFC 9293 3.8.3, R2; RFC
   * 5482's "maximum amount of time that transmitted data may remain unacknowledged"): an idle
   * connection, owing nothing, does not time out, so the timer waits again.
   */
  private void userTimeout() {
    if (isSynchronized() && flight() == 0) {
      schedule(TimerKind.USER, now + config.userTimeoutNanos());
      return;
    }
    call(TcpEvent.TIMEOUT_USER);
  }

  private void persistTimeout() {
    if (deleted || tcb.sndWnd != 0 || sendBuffer.after(tcb.sndNxt) == 0) {
      return;
    }
    // RFC 9293 3.8.6.1: "The sending TCP must regularly transmit at least one octet of new data
    // (if available) ... even if the send window is zero".
    forceProbe = true;
    try {
      call(TcpEvent.SEND);
    } finally {
      forceProbe = false;
    }
  }

  /** Puts the retransmission deadline on the wheel. Called after every event. */
  void syncTimers() {
    long deadline = retransmitTimer.deadline();
    if (deadline == RetransmitTimer.NOT_RUNNING) {
      cancel(TimerKind.RETRANSMIT);
    } else if (!isScheduled(TimerKind.RETRANSMIT) || timers[TimerKind.RETRANSMIT.ordinal()].deadline() != deadline) {
      schedule(TimerKind.RETRANSMIT, deadline);
    }
    if (retransmitTimer.isRunning() || tcb.sndWnd > 0) {
      cancel(TimerKind.PERSIST);
    }
  }

  private void cancelTimers() {
    for (TimerKind kind : TimerKind.values()) {
      cancel(kind);
    }
  }

  // ---- options and windows ---------------------------------------------------------------------

  private void readSynOptions(Segment s) {
    for (TcpOption o : s.options()) {
      if (o instanceof TcpOption.Mss mss) {
        peerMss = mss.mss();
      } else if (o instanceof TcpOption.WindowScale ws) {
        peerOfferedScale = true;
        sndScale = Math.min(14, ws.shift()); // RFC 7323 2.3: a shift above 14 is used as 14
      }
    }
    if (!peerOfferedScale) {
      sndScale = 0;
      rcvScale = 0; // RFC 7323 2.2: scaling applies only when both SYNs carry the option
    }
  }

  /** Bytes sent and not acknowledged (RFC 5681's FlightSize). */
  long flight() {
    return Tcb.diff(tcb.sndNxt, tcb.sndUna);
  }

  int sendMss() {
    return Math.min(config.mss(), peerMss);
  }

  boolean isSynchronized() {
    return isSynchronized(state);
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
      case RETRANSMIT -> isScheduled(TimerKind.RETRANSMIT);
      case TIME_WAIT -> isScheduled(TimerKind.TIME_WAIT);
      case USER -> isScheduled(TimerKind.USER);
    };
  }

  /** SND.WND, SND.WL1 and SND.WL2 now: what the last window update set (RFC 9293 3.10.7.4). */
  public SendWindow sendWindow() {
    return new SendWindow(tcb.sndWnd, tcb.sndWl1, tcb.sndWl2);
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
