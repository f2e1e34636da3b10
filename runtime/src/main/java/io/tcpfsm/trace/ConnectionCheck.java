package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.machine.TcpMachine;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.machine.TcpStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one connection: both endpoints' candidate sets, narrowed frame by frame. A frame must be
 * something some candidate of its sender could send ({@link SendExplainer}); then every candidate
 * of its receiver either receives it ({@link Arrival}) or does not (it was lost after the capture
 * point). At most {@link TraceChecker#MAX_CANDIDATES} candidates per endpoint are kept: beyond that
 * those assuming the most losses are dropped, and a later frame that none explains is then
 * inconclusive, not a deviation.
 */
final class ConnectionCheck {
  private static final int RECENT = 8;
  /** Bad checksums of one end that may still be corruption rather than offload: see {@link #process}. */
  private static final int SUSPECT_BAD = 2;
  /** Added to a hypothesis's rank in a deviation report when it took a frame for corrupted: listed after every other. */
  private static final int CORRUPTED = 1 << 20;
  private static final Comparator<Candidate> BY_COST = (x, y) -> Integer.compare(x.cost(), y.cost());
  private final TcpMachine machine;
  private final boolean rfc5961;
  private final SendExplainer explainer;
  private final Coverage coverage;
  final String nameA;
  final String nameB;
  final long firstFrame;
  long frames;
  private long badChecksums;
  /** What the checker keeps of each end apart from its hypotheses: two small objects, not seven two-element arrays per connection. */
  private static final class End {
    /** Frames this end sent, and how many of them failed their checksum: mostly bad means offload, not corruption. */
    long sent;
    long badSent;
    /** The window-scale shift of its SYN, or -1 (none yet, or none offered). */
    int wscale = -1;
    boolean synSeen;
    /** The window field of its last frame, or -1. */
    int lastWindow = -1;
    /** Frame signatures and ACK-window pairs entered in the connection's {@code recent}. */
    int recentCount;
    int ackWindowCount;
  }

  private final End endA = new End();
  private final End endB = new End();
  long lastTime;
  private final boolean midStart;
  /** Each end's hypotheses: always a {@link CandidateList}, so that C1 binds their calls statically (through the {@code List} interface each went through an itable stub). */
  private CandidateList a;
  private CandidateList b;
  /** Per end, its last frames' signatures ({@link #duplicate}), then its last ACK and window pairs ({@link #newAckWindow}): one array, not four. */
  private final long[] recent = new long[4 * RECENT];
  private long prunedAt = -1;
  /** Hypotheses kept per end: {@link TraceChecker#MAX_CANDIDATES}, or {@link TraceChecker#WIDE_CANDIDATES} on a second look. */
  int maxCandidates = TraceChecker.MAX_CANDIDATES;
  /** The verdict is inconclusive because hypotheses were pruned: a check keeping more might decide. */
  boolean inconclusiveFromPruning;
  private Verdict.Kind kind;
  private Verdict.Deviation deviation;
  private String reason = "";
  private String finalA;
  private String finalB;
  /** Merge successors by scanning a plain list (the reference the faster structures are tested against). */
  boolean plainLists;
  /**
   * The most hidden events ({@link Candidate#cost}) a hypothesis may assume: unbounded (the full
   * checker), or 0 for {@link TieredCheck}'s tier 0, which then creates no hypothesis with a hidden
   * event at all (no loss, crossing, network copy or corruption variant, no state kept for crossings).
   */
  int maxCost = Integer.MAX_VALUE;
  /** Tier 0 only: when no hypothesis without hidden events sends a frame, whether to stop (the caller replays) rather than go on as the full checker. */
  boolean replayable;
  /** Tier 0 stopped at the last frame: no hypothesis without hidden events sent it (its candidates may have been changed in place: only a replay may follow). */
  boolean failed;
  /** The frame at which tier 0 went on as the full checker without a replay: hypotheses with hidden events before it were never kept; or -1. */
  long unkeptBefore = -1;
  /** Why tier 0 could not replay (its bound on kept frames), for {@link #unkeptBefore}'s reason. */
  String unkeptWhy = "";
  /** The capture time of the frame being processed. */
  private long now;
  /** Tier 0: the list a frame's successors replaced, emptied for the next frame's (no list per end and frame). */
  private CandidateList spare;

  /** {@code explainer}: the checker's, which says what profile and coverage the connection is checked with. */
  ConnectionCheck(SendExplainer explainer, String nameA, String nameB, TraceSegment first) {
    this.machine = explainer.machine();
    this.coverage = explainer.coverage();
    this.rfc5961 = explainer.rfc5961();
    this.explainer = explainer;
    this.nameA = nameA;
    this.nameB = nameB;
    this.firstFrame = first.frame();
    int f = first.flags() & TraceSegment.CONTROL;
    if (f == io.tcpfsm.wire.Segment.SYN) {
      // An active open: the other end listens (a hidden passive OPEN) or has no connection at all.
      midStart = false;
      a = CandidateList.of(new Candidate(TcpState.CLOSED, 0));
      // Or it opened actively too, its SYN still on the way (a simultaneous open, RFC 9293 3.5 figure 8).
      int u = Candidate.U_SND | Candidate.U_RCV | Candidate.U_ISS;
      b = CandidateList.of(new Candidate(TcpState.LISTEN, u), new Candidate(TcpState.CLOSED, 0), new Candidate(TcpState.SYN_SENT, u));
    } else {
      // RFC-less ground: the capture starts mid-connection. Each end is in a synchronized state that
      // a quiet connection can sit in, with variables learned from the first segments.
      midStart = true;
      a = midStates();
      b = midStates();
    }
  }

  private static CandidateList midStates() {
    int u = Candidate.U_SND | Candidate.U_RCV | Candidate.U_ISS | Candidate.U_MAXWND;
    Candidate fw2 = new Candidate(TcpState.FIN_WAIT2, u);
    fw2.finSent = true;
    fw2.assumedFin = 1;
    Candidate closeWait = new Candidate(TcpState.CLOSE_WAIT, u);
    closeWait.assumedFin = 1;
    return CandidateList.of(new Candidate(TcpState.ESTABLISHED, u), closeWait, fw2);
  }

  private End end(int side) {
    return side == 0 ? endA : endB;
  }

  /** Whether every frame so far failed its TCP checksum. */
  boolean onlyBadChecksums() {
    return badChecksums == frames;
  }

  void process(TraceSegment s, long time) {
    frames++;
    now = time;
    int from = s.fromA() ? 0 : 1;
    End sender = end(from);
    sender.sent++;
    if (s.checksumBad()) {
      badChecksums++;
      sender.badSent++;
      if (sender.badSent * 2 <= sender.sent) {
        return; // most of this end's checksums are right, so this one was corrupted on the way: its receiver dropped it
      }
    }
    lastTime = time;
    if (kind != null) {
      return;
    }
    int side = s.fromA() ? 0 : 1;
    if (s.syn()) {
      sender.synSeen = true;
      sender.wscale = s.wscale();
    }
    // An exact copy of a recent frame of this end: the network's copy (nothing new was sent, a hidden
    // event costed like a loss), or sent again (a retransmitted SYN, a duplicate ACK): both are kept.
    boolean copy = duplicate(side, s);
    boolean windowChanged = !copy && newAckWindow(side, s);
    if (!step(s, side, copy, windowChanged)) {
      if (replayable) {
        failed = true;
        return;
      }
      // Tier 0 without its frames to replay: go on as the full checker from tier 0's hypotheses,
      // which are all it has (those with hidden events were never made), as after pruning.
      maxCost = Integer.MAX_VALUE;
      unkeptBefore = s.frame();
      step(s, side, copy, windowChanged);
    }
  }

  /** {@code s} sent by one of {@code side}'s candidates, then arriving (or not) at the other's; false when tier 0 finds no sender ({@link #maxCost}). */
  private boolean step(TraceSegment s, int side, boolean copy, boolean windowChanged) {
    if (maxCost == 0 && replayable && a.size() == 1 && b.size() == 1) {
      Candidate receiver = (side == 0 ? b : a).get(0);
      long rcvWnd = window(1 - side, end(1 - side).lastWindow, false);
      if (!(receiver.state == TcpState.TIME_WAIT && expired(receiver)) && !atHiddenEdge(receiver, s, rcvWnd, slack(1 - side))) {
        return stepOne(s, side, windowChanged, rcvWnd);
      }
    }
    int from = side;
    {
      CandidateList sender = side == 0 ? a : b;
      CandidateList next = successors(sender.size() + 1);
      List<java.util.function.Supplier<Expectation>> whys = null;
      List<Integer> whyLosses = null;
      // A bad checksum among the first frames of its sender: offload (the checksum is filled in after
      // the capture point), or corruption on the way. Too few frames to tell, so both are kept.
      boolean maybeCorrupted = s.checksumBad() && end(side).badSent <= SUSPECT_BAD;
      for (int i = 0; i < sender.size(); i++) { // indexed: C1 (the launcher's compiler for trace) allocates iterators
        Candidate c = sender.get(i);
        c.now = now; // the capture time a TIME-WAIT timer its steps start is stamped with (Apply)
        // Tier 0 that can replay changes its candidates in place: the list is dropped after this frame,
        // and should no candidate send s, the frames run again from the start (no copy per frame).
        Candidate r = maxCost == 0 && replayable ? explainer.explainAt(c, s, windowChanged) : explainer.explain(c, s, windowChanged);
        if (r != null && r.beforeArrival != null) {
          // Sent after its last arrival, or before it if the two crossed (a later send may show
          // which): kept to be sent again from the state before that arrival, up to LaterSends.MAX.
          // Tier 0 tries no crossing (it costs one), so it keeps nothing.
          r.laterSends = maxCost == 0 ? null : LaterSends.after(r.laterSends, s, windowChanged, copy);
          if (r.laterSends == null) {
            r.beforeArrival = null;
          }
        }
        if (copy && maxCost > 0) {
          Candidate kept = c.copy();
          kept.copies++;
          next.merge(kept);
        }
        if (maybeCorrupted && maxCost > 0) {
          // Or it was corrupted on the way (what its sender really sent is not known) and its receiver
          // dropped it: the sender's real segment shows again when retransmitted (RFC 9293 3.1, checksum).
          Candidate kept = c.copy();
          kept.losses++;
          kept.corrupted++;
          next.merge(kept);
          if ((s.flags() & TraceSegment.CONTROL) == io.tcpfsm.wire.Segment.SYN && c.state == TcpState.CLOSED && !c.afterClose) {
            // A corrupted SYN was still a SYN sent: its sender opened (RFC 9293 3.10.1), with an ISS the
            // corruption hid; its next segment (the SYN again, or a SYN,ACK of a simultaneous open) shows it.
            next.merge(openedUnseen(c));
          }
        }
        if (r != null && r.cost() > maxCost) {
          // tier 0: it sent this only with a hidden event (a loss before the capture point)
        } else if (r != null) {
          next.merge(r);
        } else if (maxCost > 0) { // tier 0 never reports a deviation: the full checker does, on a replay
          if (whys == null) {
            whys = new ArrayList<>();
            whyLosses = new ArrayList<>();
          }
          whys.add(explainer.whySupplier());
          whyLosses.add(c.cost() + (c.corrupted > 0 ? CORRUPTED : 0));
        }
        if (maxCost > 0) { // a crossing costs one
          crossed(c, s, windowChanged, r == null, next);
        }
      }
      if (next.isEmpty()) {
        if (maxCost == 0) {
          return false;
        }
        if (s.checksumBad() && (end(from).badSent < end(from).sent || end(from).sent == 1)) {
          // Corrupted on the way: no endpoint sent it, and its receiver drops it. Not where every frame
          // this end sent before had a bad checksum too and was explained (offload, loopback): there a
          // bad checksum says nothing, and excusing it would hide every deviation of that end.
          return true;
        }
        List<Expectation> why = new ArrayList<>();
        for (java.util.function.Supplier<Expectation> w : whys == null ? List.<java.util.function.Supplier<Expectation>>of() : whys) {
          why.add(w == null ? Expectation.rfc("nothing", "") : w.get());
        }
        deviate(s, why, whyLosses == null ? List.of() : whyLosses);
        return true;
      }
      if (side == 0) {
        a = next;
      } else {
        b = next;
      }
      recycle(sender);
    }
    end(side).lastWindow = s.window();
    CandidateList receiver = side == 0 ? b : a;
    CandidateList next = successors(receiver.size() * 2);
    long rcvWnd = window(1 - side, end(1 - side).lastWindow, false);
    long slack = slack(1 - side);
    long segWnd = window(side, s.window(), s.syn());
    for (int i = 0; i < receiver.size(); i++) {
      Candidate c = receiver.get(i);
      c.now = now;
      if (maxCost == 0) {
        // Tier 0: the arrival only. Being lost after the capture point is a hidden event, and so is a
        // crossing, so neither the lost variant nor the state before the arrival is made; the
        // candidate itself arrives (the list is dropped after this frame; the sender's step is past).
        Candidate gone = c.state == TcpState.TIME_WAIT && expired(c) ? goneArrival(c, s, rcvWnd, segWnd) : null; // costs nothing: a timeout is no hidden event of the network
        // The window's hidden low bits: as wide as the field allows too (costs nothing, as the field's rounding is no event).
        Candidate wide = atHiddenEdge(c, s, rcvWnd, slack) ? Arrival.arrive(machine, rfc5961, c, s, rcvWnd + slack, segWnd, coverage) : null;
        next.merge(Arrival.arriveAt(machine, rfc5961, c, s, rcvWnd, segWnd, coverage));
        if (wide != null) {
          next.merge(wide);
        }
        if (gone != null) {
          next.merge(gone);
        }
        continue;
      }
      // The state before this arrival, kept for a later crossing (processed after the receiver's next send).
      Candidate before = c.beforeArrival == null ? c : c.copy();
      before.beforeArrival = null;
      before.laterSends = null;
      Candidate arrived = remember(Arrival.arrive(machine, rfc5961, c, s, rcvWnd, segWnd, coverage), before, s, rcvWnd, segWnd);
      Candidate wide = atHiddenEdge(c, s, rcvWnd, slack)
          ? remember(Arrival.arrive(machine, rfc5961, c, s, rcvWnd + slack, segWnd, coverage), before, s, rcvWnd + slack, segWnd) : null;
      Candidate goneArrived = null;
      if (c.state == TcpState.TIME_WAIT && expired(c)) {
        goneArrived = remember(goneArrival(c, s, rcvWnd, segWnd), before, s, rcvWnd, segWnd);
      }
      // Or the segment was lost after the capture point: the candidate itself, since the list it came
      // from is dropped after this frame (a copy per candidate and frame was most of a bulk transfer's
      // cost), unless it is the very snapshot the arrivals keep as their state before.
      Candidate lost = plainLists || before == c ? c.copy() : c;
      lost.losses++;
      next.merge(lost);
      next.merge(arrived);
      if (wide != null) {
        next.merge(wide);
      }
      if (goneArrived != null) {
        next.merge(goneArrived);
      }
    }
    if (next.size() > maxCandidates) {
      next.sort(BY_COST);
      next.truncate(maxCandidates);
      if (prunedAt < 0) {
        prunedAt = s.frame();
      }
    }
    if (side == 0) {
      b = next;
    } else {
      a = next;
    }
    recycle(receiver);
    return true;
  }

  /**
   * Whether {@code c}'s TIME-WAIT may have timed out by now (RFC 9293 3.10.8: 2 MSL after its timer
   * last started): not before the checker's shortest TIME-WAIT ({@link TraceChecker#minTimeWait})
   * of capture time. The timestamps bound this hidden timeout; an endpoint that answers as CLOSED
   * sooner ended its TIME-WAIT early.
   */
  private boolean expired(Candidate c) {
    return c.timeWaitSince == Candidate.NEVER || now - c.timeWaitSince >= explainer.minTimeWait;
  }

  /**
   * Tier 0 with one hypothesis per end, the receiver's not in a TIME-WAIT that may have timed out (then a second
   * successor) and {@code s} not in its window's hidden low bits (a second arrival, {@link #slack}):
   * what {@link #step} does then, without building lists; {@code rcvWnd} is the receiver's window. The sender explains {@code s}
   * without a hidden event or tier 0 stops; the receiver takes it. Each list then holds its one
   * successor, as merging it into an empty list would.
   */
  private boolean stepOne(TraceSegment s, int side, boolean windowChanged, long rcvWnd) {
    Candidate x = (side == 0 ? a : b).get(0);
    x.now = now;
    Candidate r = explainer.explainAt(x, s, windowChanged);
    if (r == null || r.cost() > 0) {
      return false;
    }
    if (r.beforeArrival != null) {
      r.beforeArrival = null; // tier 0 tries no crossing, so it keeps no state before an arrival
      r.laterSends = null;
    }
    end(side).lastWindow = s.window();
    long segWnd = window(side, s.window(), s.syn());
    Candidate y = (side == 0 ? b : a).get(0);
    y.now = now;
    Candidate arrived = Arrival.arriveAt(machine, rfc5961, y, s, rcvWnd, segWnd, coverage);
    (side == 0 ? a : b).only(r);
    (side == 0 ? b : a).only(arrived);
    return true;
  }

  /** Tier 0 keeps the list {@code l} for the next frame's successors: nothing else refers to it (no hypothesis keeps its state before an arrival there). */
  private void recycle(CandidateList l) {
    if (maxCost == 0) {
      l.clear();
      spare = l;
    }
  }

  /** {@code s} arriving at {@code c} in TIME-WAIT after its timeout expired (RFC 9293 3.10.8), a hidden step. */
  private Candidate goneArrival(Candidate c, TraceSegment s, long rcvWnd, long segWnd) {
    TcpStep step = machine.step(TcpState.TIME_WAIT, TcpEvent.TIMEOUT_TIME_WAIT, 0);
    coverage.cell(TcpState.TIME_WAIT, TcpEvent.TIMEOUT_TIME_WAIT, 0, step.rule());
    Candidate gone = Arrival.closed(c);
    gone.lastRule = step.rule();
    return Arrival.arrive(machine, rfc5961, gone, s, rcvWnd, segWnd, coverage);
  }

  /** {@code c} after an active OPEN whose SYN was corrupted on the way: SYN-SENT, its ISS unknown. */
  private Candidate openedUnseen(Candidate c) {
    Candidate o = c.copy();
    o.unknown |= Candidate.U_ISS | Candidate.U_SND;
    TcpStep step = machine.step(TcpState.CLOSED, TcpEvent.OPEN_ACTIVE, 0);
    coverage.cell(TcpState.CLOSED, TcpEvent.OPEN_ACTIVE, 0, step.rule());
    Apply.run(o, step.rule(), false);
    o.state = step.target();
    o.lastRule = step.rule();
    o.losses++;
    o.corrupted++;
    return o;
  }

  /**
   * {@code c}'s sender state had its last arrival reached it only after it sent {@code s} (and the
   * sends since that arrival, {@link Candidate#laterSends}): they crossed on the way, between the
   * capture point and this endpoint (a capture taken anywhere but at the receiver sees an arrival
   * before it happens). Tried where {@code s} does not follow from {@code c} ({@code failed}), or
   * where it is a SYN, FIN or RST whose ACK field is not RCV.NXT. A simultaneous close shows it
   * (RFC 9293 3.6 figure 13: each FIN is sent before the other arrives). One hidden event, however
   * many sends it crossed. Each hypothesis that explains {@code s} so is added to {@code next}.
   */
  private void crossed(Candidate c, TraceSegment s, boolean windowChanged, boolean failed, CandidateList next) {
    Candidate before = c.beforeArrival;
    // A SYN, FIN or RST whose ACK is not RCV.NXT: what it acknowledges says which arrivals came before it.
    // (Text and ACKs with an older ACK are explained as sent earlier and delayed; trying them too would
    // cost a second explanation for most ACKs of a bulk transfer.)
    boolean staleAck = (s.flags() & (io.tcpfsm.wire.Segment.SYN | io.tcpfsm.wire.Segment.FIN | io.tcpfsm.wire.Segment.RST)) != 0
        && s.ackFlag() && c.knows(Candidate.U_RCV) && s.ack() != c.rcvNxt;
    if (before == null || !(failed || staleAck)) {
      return;
    }
    List<Candidate> sent = List.of(before);
    if (c.laterSends != null) {
      // The arrival crossed the sends after it too: they left from the state before it, oldest first;
      // one equal to a recent frame may instead have been the network's copy, as process() allows.
      for (LaterSends l : c.laterSends.inOrder()) {
        List<Candidate> out = new ArrayList<>(sent.size() * 2);
        for (Candidate x : sent) {
          Candidate e = explainer.explain(x, l.segment(), l.windowChanged());
          if (e != null) {
            out.add(e);
          }
          if (l.copy()) {
            Candidate k = x.copy();
            k.copies++;
            out.add(k);
          }
        }
        sent = out;
      }
    }
    for (Candidate x : sent) {
      Candidate e = explainer.explain(x, s, windowChanged);
      if (e != null) {
        Candidate r = Arrival.arrive(machine, rfc5961, e, c.arrival, c.arrivalRcvWnd, c.arrivalSegWnd, coverage);
        r.beforeArrival = null;
        r.laterSends = null;
        r.crossings++;
        next.merge(r);
      }
    }
  }

  /** {@code after} is {@code before} once {@code s} arrived: kept so that {@code s} may yet cross the endpoint's next send. */
  private static Candidate remember(Candidate after, Candidate before, TraceSegment s, long rcvWnd, long segWnd) {
    after.beforeArrival = before;
    after.arrival = s;
    after.arrivalRcvWnd = rcvWnd;
    after.arrivalSegWnd = segWnd;
    after.laterSends = null;
    return after;
  }

  /** Whether both SYNs were seen and offered window scaling (RFC 7323 2.2). */
  private boolean scaled() {
    return endA.synSeen && endB.synSeen && endA.wscale >= 0 && endB.wscale >= 0;
  }

  /** A window in octets: scaled once both SYNs offered scaling (RFC 7323 2.2), never on a SYN; unknown mid-connection. */
  private long window(int side, int raw, boolean syn) {
    if (raw < 0) {
      return Guards.UNKNOWN_WINDOW;
    }
    if (syn || raw == 0) {
      return raw;
    }
    if (midStart) {
      return Guards.UNKNOWN_WINDOW;
    }
    return scaled() ? (long) raw << Math.min(14, end(side).wscale) : raw;
  }

  /**
   * How much more than its window field says an end's receive window may be: a scaled field is the
   * window shifted right by the scale (RFC 7323 2.3), so up to 2^scale - 1 octets are hidden; a
   * receiver whose buffer has them may take text there (RFC 9293's RCV.WND is the window itself,
   * not the field), one that offers no more than the field (Linux) does not.
   */
  private long slack(int side) {
    return !midStart && scaled() && end(side).wscale > 0 ? (1L << Math.min(14, end(side).wscale)) - 1 : 0;
  }

  /** Whether {@code s} starts where only the hidden part of the receiver's window ({@link #slack}) reaches: both answers fit. */
  private static boolean atHiddenEdge(Candidate c, TraceSegment s, long rcvWnd, long slack) {
    if (slack == 0 || s.segLen() == 0 || !c.knows(Candidate.U_RCV) || rcvWnd >= Guards.UNKNOWN_WINDOW) {
      return false;
    }
    long off = Seq.diff(s.seq(), c.rcvNxt) - rcvWnd;
    return off >= 0 && off <= slack;
  }

  /**
   * Whether no recent frame of the sender carried this ACK with this window: a pure ACK that
   * repeats one exactly needs an arrival to answer; one that does not is a window update or news
   * (its order among the sender's segments may have changed on the way).
   */
  private boolean newAckWindow(int side, TraceSegment s) {
    long pair = s.ack() << 20 ^ s.window();
    int base = (2 + side) * RECENT;
    End e = end(side);
    int n = Math.min(e.ackWindowCount, RECENT);
    for (int i = 0; i < n; i++) {
      if (recent[base + i] == pair) {
        return false;
      }
    }
    recent[base + e.ackWindowCount++ % RECENT] = pair;
    return e.ackWindowCount > 1;
  }

  /** An exact copy of one of the sender's last frames: maybe the network duplicated it (nothing new was sent). */
  private boolean duplicate(int side, TraceSegment s) {
    long sig = ((s.seq() * 31 + s.ack()) * 31 + s.flags()) * 31 + ((long) s.window() << 20 | s.dataLen());
    int base = side * RECENT;
    End e = end(side);
    int n = Math.min(e.recentCount, RECENT);
    for (int i = 0; i < n; i++) {
      if (recent[base + i] == sig) {
        return true;
      }
    }
    recent[base + e.recentCount++ % RECENT] = sig;
    return false;
  }

  /** A list for a frame's successors, merging duplicates ({@link CandidateList#merge}); with {@link #plainLists}, by the plain scan the hashed merge is tested against. */
  private CandidateList successors(int capacity) {
    if (spare != null && maxCost == 0) {
      CandidateList l = spare;
      spare = null;
      return l;
    }
    return new CandidateList(capacity, plainLists);
  }

  /** The deviation at {@code s}: the expectations of the hypotheses assuming the fewest losses first. */
  private void deviate(TraceSegment s, List<Expectation> why, List<Integer> losses) {
    if (midStart && frames == 1) {
      // Mid-connection, the sender's state is a guess among the quiet states: one frame cannot refute the model.
      finalA = Likelihood.finalStates(a);
      finalB = Likelihood.finalStates(b);
      kind = Verdict.Kind.INCONCLUSIVE;
      reason = "a single frame from the middle of a connection: nothing to compare it with";
      return;
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < why.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(losses::get));
    Set<String> texts = new LinkedHashSet<>();
    for (int i : order) {
      // Not those of hypotheses alive only because a first bad checksum was taken as corruption, where others exist (see states())
      boolean noise = losses.get(i) >= CORRUPTED && losses.get(order.get(0)) < CORRUPTED;
      if (texts.size() < 3 && !noise) {
        texts.add(why.get(i).text());
      }
    }
    Expectation first = why.isEmpty() ? Expectation.rfc("nothing", "") : why.get(order.get(0));
    deviation = new Verdict.Deviation(s.frame(), String.join(" or ", texts), s.describe() + " from " + (s.fromA() ? nameA : nameB),
        first.rule() == null ? "" : first.rule().specName(), first.citation(), states(a), states(b));
    finalA = Likelihood.finalStates(a);
    finalB = Likelihood.finalStates(b);
    if (unkeptBefore >= 0 && (prunedAt < 0 || unkeptBefore <= prunedAt)) {
      kind = Verdict.Kind.INCONCLUSIVE;
      reason = "no hypothesis explains frame " + s.frame() + ", but those assuming a hidden event (a loss, a crossing, a copy) before frame "
          + unkeptBefore + " were not kept: " + unkeptWhy;
    } else if (prunedAt >= 0) {
      kind = Verdict.Kind.INCONCLUSIVE;
      inconclusiveFromPruning = true;
      reason = "no hypothesis explains frame " + s.frame() + ", but some were dropped at frame " + prunedAt + " when more than "
          + maxCandidates + " fitted: one of those might have";
    } else {
      kind = Verdict.Kind.DEVIATES;
    }
    a = new CandidateList(1);
    b = new CandidateList(1);
  }

  /** Whether the likeliest hypothesis has both ends closed: the connection may be retired. */
  boolean closed() {
    return kind != null || (ended(a) && ended(b));
  }

  private static boolean ended(CandidateList l) {
    TcpState s = l.isEmpty() ? TcpState.CLOSED : likeliest(l).state;
    return s == TcpState.CLOSED || s == TcpState.TIME_WAIT;
  }

  /** Whether a SYN from {@code side} starts a new connection on this 4-tuple (RFC 9293 3.10.7.4 TIME-WAIT; a closed end). */
  boolean reopenedBy(TraceSegment s) {
    if (midStart && frames == 1 && onlyBadChecksums()) {
      return true; // the first frame was a SYN corrupted on the way (its flags too): the connection starts here
    }
    int from = s.fromA() ? 0 : 1;
    if (s.checksumBad() && (end(from).badSent + 1) * 2 <= end(from).sent + 1) {
      return false; // corrupted on the way, as process() will judge it (its SYN bit may be the corruption's): no new connection
    }
    CandidateList l = s.fromA() ? a : b;
    boolean reopened = false;
    for (Candidate c : l) {
      boolean ended = c.state == TcpState.TIME_WAIT || (c.state == TcpState.CLOSED && c.afterClose);
      if (ended && !(c.knows(Candidate.U_ISS) && c.iss == s.seq())) {
        reopened = true;
      }
    }
    if (reopened) {
      // Unless a hypothesis whose connection is still open sends it: in a simultaneous open (RFC 9293
      // 3.5 figure 8) a duplicated SYN may have reset one hypothesis of this end (RFC 793 3.4), not the others.
      for (Candidate c : l) {
        boolean ended = c.state == TcpState.TIME_WAIT || c.state == TcpState.CLOSED;
        if (!ended && explainer.explain(c, s, false) != null) {
          return false;
        }
      }
    }
    return reopened || kind != null;
  }

  /** Each end's candidates, for {@link TieredCheck}'s questions about tier 0's. */
  CandidateList candidatesA() {
    return a;
  }

  CandidateList candidatesB() {
    return b;
  }

  /** Whether a list was pruned to the bound. */
  boolean pruned() {
    return prunedAt >= 0;
  }

  /**
   * Tier 0's part of {@link #reopenedBy}: false where the full checker answers false whatever its
   * other hypotheses (one of tier 0's, its connection open, sends {@code s}), as it does for the
   * checks on the frame alone; null where the answer depends on hypotheses with hidden events.
   */
  Boolean reopenedByKnown(TraceSegment s) {
    if (midStart && frames == 1 && onlyBadChecksums()) {
      return true;
    }
    int from = s.fromA() ? 0 : 1;
    if (s.checksumBad() && (end(from).badSent + 1) * 2 <= end(from).sent + 1) {
      return false;
    }
    for (Candidate c : s.fromA() ? a : b) {
      boolean ended = c.state == TcpState.TIME_WAIT || c.state == TcpState.CLOSED;
      if (!ended && explainer.explain(c, s, false) != null) {
        return false;
      }
    }
    return null;
  }

  Verdict verdict() {
    if (kind == null) {
      finalA = Likelihood.finalStates(a);
      finalB = Likelihood.finalStates(b);
      int losses = Likelihood.lostAtEnd(Likelihood.likeliestAtEnd(a)) + Likelihood.lostAtEnd(Likelihood.likeliestAtEnd(b));
      if (midStart && frames == 1) {
        kind = Verdict.Kind.INCONCLUSIVE;
        reason = "a single frame from the middle of a connection: nothing to compare it with";
      } else {
        kind = Verdict.Kind.CONFORMS;
        reason = losses == 0 ? "" : "assuming " + losses + " segment(s) lost out of sight of the capture";
      }
    }
    return new Verdict(nameA, nameB, firstFrame, frames, kind, deviation, reason, finalA, finalB);
  }

  /** The candidates, one per line, for debugging. */
  String dump() {
    StringBuilder sb = new StringBuilder();
    for (CandidateList l : List.of(a, b)) {
      sb.append(l == a ? "A" : "B").append(":\n");
      for (Candidate c : l) {
        sb.append("  ").append(c).append(' ').append(c.details()).append('\n');
      }
    }
    return sb.toString();
  }

  private static Candidate likeliest(CandidateList l) {
    Candidate best = l.get(0);
    for (int i = 1; i < l.size(); i++) { // indexed: no iterator per frame under C1
      Candidate c = l.get(i);
      if (c.cost() < best.cost()) {
        best = c;
      }
    }
    return best;
  }

  /** The states of {@code l}, those of the hypotheses assuming fewer hidden events first: {@code ESTABLISHED|CLOSE_WAIT}. */
  private static String states(CandidateList l) {
    List<Candidate> sorted = new ArrayList<>(l);
    sorted.sort(BY_COST);
    Set<String> names = new LinkedHashSet<>();
    boolean clean = false;
    for (Candidate c : sorted) {
      clean |= c.corrupted == 0;
    }
    for (Candidate c : sorted) {
      // A hypothesis alive only because one of the end's first bad checksums was taken as corruption
      // (loopback captures have nothing but bad checksums) is noise to a reader where others fit.
      if (c.corrupted == 0 || !clean) {
        names.add(c.state.name());
      }
    }
    return String.join("|", names);
  }
}
