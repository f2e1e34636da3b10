package io.tcpfsm.explore;

import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two endpoints of the model joined by two channels. A joint state is four longs: endpoint A,
 * endpoint B, the segments in flight from A to B, and from B to A. Every step is one
 * nondeterministic choice: an application call at either end (OPEN, SEND, RECEIVE, CLOSE,
 * ABORT; STATUS changes nothing and is left out), a call the model queued becoming due, the
 * expiry of a running timer, the arrival of a segment in flight, or, as configured, its loss,
 * or its arrival while a duplicate stays in flight. An endpoint's part of a step is a pure
 * function of its packed state and the input ({@link Reaction}), computed once and kept in
 * {@link ReactionMemo}; the channels are this class's.
 */
final class Composition {
  private static final List<String> CALLS = List.of("OPEN_ACTIVE", "OPEN_PASSIVE", "SEND", "RECEIVE", "CLOSE", "ABORT");
  private static final String RETRANSMIT = "TIMEOUT_RETRANSMIT";
  private static final String TIME_WAIT = "TIMEOUT_TIME_WAIT";
  /** Move ids ride in the memo's values above the 46 bits of a packed endpoint. */
  private static final int MOVE_SHIFT = 46;
  private static final long END_MASK = (1L << MOVE_SHIFT) - 1;

  /** Receives one successor: the move's id and the new joint state. */
  interface Sink {
    void accept(int move, long a, long b, long ab, long ba, Effects detail);
  }

  final ExploreConfig config;
  final Table[] tables;
  private final List<Move> moves = new ArrayList<>();
  private final Map<Long, Integer> moveIds = new HashMap<>();
  private final ReactionMemo memo = new ReactionMemo();
  private final IntList eventOfMove = new IntList();
  /** Per end, the model event of a segment's flags, and the move losing each segment (-1: not seen yet): no lookup by name per edge. */
  private final int[][] segEvent = new int[2][16];
  private final int[][] loseMove = new int[2][];
  private final List<String> eventNames = new ArrayList<>(java.util.Collections.singletonList(null));
  /** Segments sent into a full channel or a full network (lost there): the bounds at work. */
  long overflows;
  /** OPENs not offered because every slot of sequence space was in use: the bound at work. */
  long slotsFull;
  /** Whether {@link #expand} counts the bounds at work: off once the search is done and the checker expands states again. */
  boolean counting = true;
  /** The calls driven: those of {@link #CALLS} that can change something (see {@link #inert}). */
  final List<String> calls = new ArrayList<>();
  private final boolean[] callIsOpen;
  private final boolean[] callIsSend;
  /** Per end, the LISTEN state's index (-1 if none), and per call whether it leads from there to SYN-SENT. */
  private final int[] listenState = new int[2];
  private final boolean[][] activates = new boolean[2][];
  /** Per end, the model event of each driven call, of the queued SEND and CLOSE, of each timer's timeout. */
  private final int[][] callEvent = new int[2][];
  private final int[][] queuedEvent = new int[2][];
  private final int[][] timerEvent = new int[2][];
  private final boolean[][] timerIsTimeWait = new boolean[2][];
  private final boolean[][] timerIsRetransmit = new boolean[2][];

  Composition(Machine machine, ExploreConfig config) {
    this.config = config;
    Table a = new Table(machine, config.profileA());
    this.tables = new Table[] {a, config.profileB().equals(config.profileA()) ? a : new Table(machine, config.profileB())};
    for (Table t : tables) {
      for (String c : CALLS) {
        if (t.event(c) < 0) {
          throw new ExploreException(machine.file() + ": the explorer drives the calls " + String.join(", ", CALLS) + "; this machine has no " + c);
        }
      }
      if (t.machine.timers().size() > 4) {
        throw new ExploreException(machine.file() + ": the explorer packs at most 4 timers");
      }
    }
    for (String c : CALLS) {
      if (!inert(tables[0], c) || !inert(tables[1], c)) {
        calls.add(c);
      }
    }
    callIsOpen = new boolean[calls.size()];
    callIsSend = new boolean[calls.size()];
    for (int i = 0; i < calls.size(); i++) {
      callIsOpen[i] = calls.get(i).startsWith("OPEN");
      callIsSend[i] = calls.get(i).equals("SEND");
    }
    for (int x = 0; x < 2; x++) {
      Table t = tables[x];
      listenState[x] = t.state("LISTEN");
      activates[x] = new boolean[calls.size()];
      for (int i = 0; i < calls.size() && listenState[x] >= 0; i++) {
        int ev = t.event(calls.get(i));
        for (int v = 0; v < 1 << t.guards(listenState[x], ev).length; v++) {
          activates[x][i] |= t.target(listenState[x], ev, v) == t.state("SYN_SENT");
        }
      }
      callEvent[x] = calls.stream().mapToInt(t::event).toArray();
      queuedEvent[x] = new int[] {t.event("SEND"), t.event("CLOSE")};
      List<Timer> timers = t.machine.timers();
      timerEvent[x] = new int[timers.size()];
      timerIsTimeWait[x] = new boolean[timers.size()];
      timerIsRetransmit[x] = new boolean[timers.size()];
      for (int i = 0; i < timers.size(); i++) {
        String ev = timers.get(i).timeoutEvent();
        timerEvent[x][i] = t.event(ev);
        timerIsTimeWait[x][i] = ev.equals(TIME_WAIT);
        timerIsRetransmit[x][i] = ev.equals(RETRANSMIT);
      }
      for (int f = 0; f < 16; f++) {
        segEvent[x][f] = t.event(Seg.eventName(f));
      }
      loseMove[x] = new int[config.loss() ? 1 << 19 : 0];
      java.util.Arrays.fill(loseMove[x], -1);
    }
  }

  /**
   * Whether every cell of the call keeps the state and only signals, queues, delivers or drops:
   * then it changes nothing another step can see (RECEIVE in the bundled spec: its text pending
   * bit is read only by RECEIVE itself), and leaving it out loses no behaviour of the rest.
   */
  private static boolean inert(Table t, String call) {
    int ev = t.event(call);
    for (int s = 0; s < t.states.size(); s++) {
      int cells = 1 << t.guards(s, ev).length;
      for (int v = 0; v < cells; v++) {
        if (t.target(s, ev, v) != s) {
          return false;
        }
        for (io.tcpfsm.model.Action a : t.rule(s, ev, v).actions()) {
          if (!(a instanceof io.tcpfsm.model.Action.Signal || a instanceof io.tcpfsm.model.Action.Deliver
              || a instanceof io.tcpfsm.model.Action.Drop || (a instanceof io.tcpfsm.model.Action.Queue && !call.equals("SEND") && !call.equals("CLOSE")))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  Move move(int id) {
    return moves.get(id);
  }

  int moveCount() {
    return moves.size();
  }

  /**
   * The model event of move {@code m} as an index into {@link #eventNames} (0: none), one byte: all a
   * property's {@code without} asks of an edge. Indices go to the events in order of their first move.
   */
  byte eventOf(int m) {
    while (eventOfMove.size() <= m) {
      String ev = moves.get(eventOfMove.size()).modelEvent();
      int i = eventNames.indexOf(ev);
      if (i < 0) {
        i = eventNames.size();
        if (i > 255) {
          throw new ExploreException("more distinct model events than an edge's byte holds: " + i);
        }
        eventNames.add(ev);
      }
      eventOfMove.add(i);
    }
    return (byte) eventOfMove.get(m);
  }

  /** The model events {@link #eventOf} indexes; index 0 is null (a move with none). */
  List<String> eventNames() {
    return eventNames;
  }

  private int moveId(int end, Move.Kind kind, String event, int seg) {
    // A move is known by its end, kind, event and segment; the event of a segment move is its flags.
    long key = (long) end << 60 | (long) kind.ordinal() << 52 | (long) tables[end].event(event) << 20 | seg;
    Integer id = moveIds.get(key);
    if (id == null) {
      id = moves.size();
      if (id >= 1 << (64 - MOVE_SHIFT - 1)) {
        throw new ExploreException("more distinct moves than the explorer packs: " + id);
      }
      moves.add(new Move(end, kind, event, seg));
      moveIds.put(key, id);
    }
    return id;
  }

  /** Every successor of the joint state, each to {@code sink}; with {@code trace}, each with its detail. */
  void expand(long a, long b, long ab, long ba, Sink sink, boolean trace) {
    for (int x = 0; x < 2; x++) {
      long e = x == 0 ? a : b;
      long in = x == 0 ? ba : ab; // the channel into x
      long out = x == 0 ? ab : ba; // the channel away from x
      long peer = x == 0 ? b : a;
      Table t = tables[x];
      boolean closed = End.state(e) == t.closed;
      boolean listen = End.state(e) == listenState[x];
      for (int i = 0; i < callIsOpen.length; i++) {
        int slot = 0;
        // A new ISS: an OPEN from CLOSED, and a call that turns LISTEN active (OPEN, SEND: "select
        // an ISS", RFC 9293 3.10.1, 3.10.2); not keeping the passive open's ISS, which the clock has passed.
        if (callIsOpen[i] && closed || listen && activates[x][i]) {
          slot = freeSlot(peer, out, in);
          if (slot == 0) {
            if (!trace && counting) {
              slotsFull++;
            }
            continue; // every slot still has numbers in the network: the bound on sequence space
          }
        }
        if (callIsSend[i] && End.sent(e) + (End.sendPending(e) ? 1 : 0) >= config.maxSends()) {
          continue; // the bound on text
        }
        step(x, e, peer, in, out, Move.Kind.CALL, callEvent[x][i], -1, slot, false, sink, trace);
      }
      if (End.sendPending(e)) {
        step(x, e, peer, in, out, Move.Kind.QUEUED, queuedEvent[x][0], -1, 0, false, sink, trace);
      } else if (End.closePending(e)) {
        step(x, e, peer, in, out, Move.Kind.QUEUED, queuedEvent[x][1], -1, 0, false, sink, trace);
      }
      int timers = End.timers(e);
      for (int i = 0; i < timerEvent[x].length; i++) {
        if ((timers & 1 << i) != 0) {
          if (timerIsTimeWait[x][i] && (ab != 0 || ba != 0)) {
            continue; // 2 MSL: it expires once every segment of the connection has left the network (RFC 9293 3.4.1)
          }
          step(x, e, peer, in, out, Move.Kind.TIMEOUT, timerEvent[x][i], -1, 0, timerIsRetransmit[x][i], sink, trace);
        }
      }
      int n = Channel.size(in);
      int last = -1;
      for (int i = 0; i < n; i++) {
        int s = Channel.get(in, i);
        if (s == last) {
          continue; // the same segment twice in flight: one choice
        }
        last = s;
        long rest = Channel.remove(in, i);
        if (i == 0 || config.reorder()) {
          int ev = segEvent[x][Seg.flags(s)];
          step(x, e, peer, rest, out, Move.Kind.DELIVER, ev, s, 0, false, sink, trace);
          if (config.dup()) {
            step(x, e, peer, in, out, Move.Kind.DELIVER_COPY, ev, s, 0, false, sink, trace);
          }
        }
        if (config.loss()) {
          int m = loseMove[x][s];
          if (m < 0) {
            m = loseMove[x][s] = moveId(x, Move.Kind.LOSE, Seg.eventName(s), s);
          }
          emit(x, e, peer, rest, out, m, 0, sink, null);
        }
      }
    }
  }

  /**
   * End {@code x} (packed {@code e}) takes one input; the segments it sends join {@code out}.
   * {@code in} is the channel into x as the step leaves it (less the segment delivered).
   */
  private void step(int x, long e, long peer, long in, long out, Move.Kind kind, int ev, int seg, int slot, boolean retransmit,
      Sink sink, boolean trace) {
    if (trace) {
      String name = seg >= 0 ? Seg.eventName(seg) : tables[x].events.get(ev).name();
      int m = moveId(x, kind, name, Math.max(seg, 0));
      Effects fx = Reaction.of(this, x, e, moves.get(m), ev, seg, slot, true);
      if (fx != null) {
        long sent = ReactionMemo.pack(fx);
        if (!(retransmit && inFlight(out, sent))) {
          emit(x, fx.e.pack(), peer, in, out, m, sent, sink, fx);
        }
      }
      return;
    }
    // The input: the move's kind, end and slot, and its segment or (for a call or a timeout) its event; never 0.
    long input = 1 + (slot | (long) x << 3 | (long) kind.ordinal() << 4 | (long) (seg >= 0 ? seg : ev) << 8);
    int at = memo.find(e, input);
    long value;
    long sent;
    if (at >= 0) {
      value = memo.newEnd(at);
      sent = memo.sent(at);
    } else {
      String name = seg >= 0 ? Seg.eventName(seg) : tables[x].events.get(ev).name();
      int m = moveId(x, kind, name, Math.max(seg, 0));
      Effects fx = Reaction.of(this, x, e, moves.get(m), ev, seg, slot, false);
      value = fx == null ? ReactionMemo.NONE : fx.e.pack() | (long) m << MOVE_SHIFT;
      sent = fx == null ? 0 : ReactionMemo.pack(fx);
      if (sent == -2) {
        throw new ExploreException("a step sent more than " + ReactionMemo.MAX_SENT + " segments: " + moves.get(m).describe());
      }
      memo.put(at, e, input, value, sent);
    }
    if (value == ReactionMemo.NONE || (retransmit && inFlight(out, sent))) {
      return; // a queued call not due yet; or the timer outlasts a round trip: it expires once what it resends is no longer in flight
    }
    emit(x, value & END_MASK, peer, in, out, (int) (value >>> MOVE_SHIFT), sent, sink, null);
  }

  /** The successor in which x is {@code e}, and the segments {@code sent} have joined {@code out}. */
  private void emit(int x, long e, long peer, long in, long out, int move, long sent, Sink sink, Effects fx) {
    int network = Channel.size(in) + Channel.size(out);
    for (int i = 0, k = ReactionMemo.count(sent); i < k; i++) {
      // The same rule at a full channel and at a full network (--in-flight): the segment is lost there.
      long added = config.fits(Channel.size(out), network) ? Channel.add(out, ReactionMemo.seg(sent, i), config.capacity(), config.reorder()) : -1;
      if (added < 0) {
        if (fx != null) {
          fx.overflowed++;
        } else if (counting) {
          overflows++;
        }
      } else {
        out = added;
        network++;
      }
    }
    if (x == 0) {
      sink.accept(move, e, peer, out, in, fx);
    } else {
      sink.accept(move, peer, e, in, out, fx);
    }
  }

  /**
   * The lowest slot of an endpoint's sequence space in which no number lies that is still in
   * the peer's TCB (its RCV.NXT) or in flight (SEG.SEQ from it, SEG.ACK to it); 0 if none.
   */
  private static int freeSlot(long peer, long fromX, long toX) {
    int used = 1 << End.slotOf(End.rcv(peer));
    for (int i = 0, n = Channel.size(fromX); i < n; i++) {
      int s = Channel.get(fromX, i);
      used |= 1 << End.slotOf(Seg.seq(s));
      used |= 1 << End.slotOf(Seg.seq(s) + Seg.len(s));
    }
    for (int i = 0, n = Channel.size(toX); i < n; i++) {
      int s = Channel.get(toX, i);
      if (Seg.has(s, Seg.ACK)) {
        used |= 1 << End.slotOf(Seg.ack(s));
      }
    }
    for (int k = 1; k <= End.SLOTS; k++) {
      if ((used & 1 << k) == 0) {
        return k;
      }
    }
    return 0;
  }

  /** Whether every segment of {@code sent} is in flight already (true when there are none). */
  private static boolean inFlight(long channel, long sent) {
    for (int i = 0, k = ReactionMemo.count(sent); i < k; i++) {
      int seg = ReactionMemo.seg(sent, i);
      boolean found = false;
      for (int j = 0, n = Channel.size(channel); j < n; j++) {
        found |= Channel.get(channel, j) == seg;
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }
}
