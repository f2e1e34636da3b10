package io.tcpfsm.explore;

import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Timer;
import io.tcpfsm.model.Transition;
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
 * or its arrival while a duplicate stays in flight.
 */
final class Composition {
  private static final List<String> CALLS = List.of("OPEN_ACTIVE", "OPEN_PASSIVE", "SEND", "RECEIVE", "CLOSE", "ABORT");
  private static final String RETRANSMIT = "TIMEOUT_RETRANSMIT";
  private static final String TIME_WAIT = "TIMEOUT_TIME_WAIT";

  /** Receives one successor: the move's id and the new joint state. */
  interface Sink {
    void accept(int move, long a, long b, long ab, long ba, Effects detail);
  }

  final ExploreConfig config;
  final Table[] tables;
  private final List<Move> moves = new ArrayList<>();
  private final Map<Long, Integer> moveIds = new HashMap<>();
  /** Segments sent into a full channel (lost there): the channel bound at work. */
  long overflows;
  /** OPENs not offered because every slot of sequence space was in use: the bound at work. */
  long slotsFull;
  /** The calls driven: those of {@link #CALLS} that can change something (see {@link #inert}). */
  final List<String> calls = new ArrayList<>();

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

  private int moveId(int end, Move.Kind kind, String event, int seg) {
    // A move is known by its end, kind, event and segment; the event of a segment move is its flags.
    long key = (long) end << 60 | (long) kind.ordinal() << 52 | (long) tables[end].event(event) << 20 | seg;
    Integer id = moveIds.get(key);
    if (id == null) {
      id = moves.size();
      moves.add(new Move(end, kind, event, seg));
      moveIds.put(key, id);
    }
    return id;
  }

  /** Every successor of the joint state, each to {@code sink}; with {@code trace}, each with its detail. */
  void expand(long a, long b, long ab, long ba, Sink sink, boolean trace) {
    long[] ends = {a, b};
    long[] toward = {ba, ab}; // toward[x]: the channel into endpoint x
    for (int x = 0; x < 2; x++) {
      Table t = tables[x];
      End e = End.unpack(ends[x]);
      for (String call : calls) {
        boolean open = call.startsWith("OPEN");
        int slot = 0;
        if (open && e.state == t.closed) {
          slot = freeSlot(x, ends[1 - x], x == 0 ? ab : ba, x == 0 ? ba : ab);
          if (slot == 0) {
            if (!trace) {
              slotsFull++;
            }
            continue; // every slot still has numbers in the network: the bound on sequence space
          }
        }
        if (call.equals("SEND") && e.sent + (e.sendPending ? 1 : 0) >= config.maxSends()) {
          continue; // the bound on text
        }
        step(x, ends, toward, moveId(x, Move.Kind.CALL, call, 0), t.event(call), -1, slot, sink, trace);
      }
      if (e.sendPending) {
        queued(x, ends, toward, "SEND", sink, trace);
      } else if (e.closePending) {
        queued(x, ends, toward, "CLOSE", sink, trace);
      }
      List<Timer> timers = t.machine.timers();
      for (int i = 0; i < timers.size(); i++) {
        if ((e.timers & 1 << i) != 0) {
          String ev = timers.get(i).timeoutEvent();
          if (ev.equals(TIME_WAIT) && (ab != 0 || ba != 0)) {
            continue; // 2 MSL: it expires once every segment of the connection has left the network (RFC 9293 3.4.1)
          }
          step(x, ends, toward, moveId(x, Move.Kind.TIMEOUT, ev, 0), t.event(ev), -1, 0, sink, trace);
        }
      }
      long in = toward[x];
      int n = Channel.size(in);
      int last = -1;
      for (int i = 0; i < n; i++) {
        int s = Channel.get(in, i);
        if (s == last) {
          continue; // the same segment twice in flight: one choice
        }
        last = s;
        if (i == 0 || config.reorder()) {
          int ev = t.event(Seg.eventName(s));
          long rest = Channel.remove(in, i);
          step(x, ends, withChannel(toward, x, rest), moveId(x, Move.Kind.DELIVER, Seg.eventName(s), s), ev, s, 0, sink, trace);
          if (config.dup()) {
            step(x, ends, toward, moveId(x, Move.Kind.DELIVER_COPY, Seg.eventName(s), s), ev, s, 0, sink, trace);
          }
        }
        if (config.loss()) {
          long[] lost = withChannel(toward, x, Channel.remove(in, i));
          sink.accept(moveId(x, Move.Kind.LOSE, Seg.eventName(s), s), ends[0], ends[1], lost[1], lost[0], null);
        }
      }
    }
  }

  /** A call the model queued (a SEND or CLOSE in SYN-SENT or SYN-RECEIVED), issued again once it can be served. */
  private void queued(int x, long[] ends, long[] toward, String call, Sink sink, boolean trace) {
    Table t = tables[x];
    End e = End.unpack(ends[x]);
    int ev = t.event(call);
    int v = valuation(t, e, ev, -1);
    if (t.rule(e.state, ev, v).actions().stream().anyMatch(act -> act instanceof io.tcpfsm.model.Action.Queue)) {
      return; // not yet: the model would queue it again
    }
    step(x, ends, toward, moveId(x, Move.Kind.QUEUED, call, 0), ev, -1, 0, sink, trace);
  }

  /**
   * The lowest slot of endpoint {@code x}'s sequence space in which no number lies that is still
   * in the peer's TCB (its RCV.NXT) or in flight (SEG.SEQ from x, SEG.ACK to x); 0 if none.
   */
  private static int freeSlot(int x, long peer, long fromX, long toX) {
    boolean[] used = new boolean[End.SLOTS + 1];
    End p = End.unpack(peer);
    used[End.slotOf(p.rcv)] = true;
    for (int i = 0, n = Channel.size(fromX); i < n; i++) {
      int s = Channel.get(fromX, i);
      used[End.slotOf(Seg.seq(s))] = true;
      used[End.slotOf(Seg.seq(s) + Seg.len(s))] = true;
    }
    for (int i = 0, n = Channel.size(toX); i < n; i++) {
      int s = Channel.get(toX, i);
      if (Seg.has(s, Seg.ACK)) {
        used[End.slotOf(Seg.ack(s))] = true;
      }
    }
    for (int k = 1; k <= End.SLOTS; k++) {
      if (!used[k]) {
        return k;
      }
    }
    return 0;
  }

  /** Whether every segment the step sent is in flight already (true when it sent none). */
  private static boolean inFlight(long channel, Effects fx) {
    for (int i = 0; i < fx.sentCount; i++) {
      boolean found = false;
      for (int k = 0, n = Channel.size(channel); k < n; k++) {
        found |= Channel.get(channel, k) == fx.sent[i];
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static long[] withChannel(long[] toward, int x, long ch) {
    long[] out = toward.clone();
    out[x] = ch;
    return out;
  }

  private int valuation(Table t, End e, int ev, int seg) {
    int[] ids = t.guards(e.state, ev);
    String name = t.stateName(e.state);
    int v = 0;
    for (int j = 0; j < ids.length; j++) {
      if (Guards.holds(ids[j], e, name, seg, config.rcvWnd(), t.rfc5961)) {
        v |= 1 << j;
      }
    }
    return v;
  }

  private void step(int x, long[] ends, long[] toward, int moveId, int ev, int seg, int slot, Sink sink, boolean trace) {
    Table t = tables[x];
    Move m = moves.get(moveId);
    End e = End.unpack(ends[x]);
    int from = e.state;
    if (slot != 0) {
      e.inc = slot; // a new incarnation, its ISS in a slot no number in the network falls in (End)
    }
    if (m.kind() == Move.Kind.QUEUED) {
      if (m.event().equals("SEND")) {
        e.sendPending = false;
      } else {
        e.closePending = false;
      }
    }
    int v = valuation(t, e, ev, seg);
    Transition rule = t.rule(from, ev, v);
    int to = t.target(from, ev, v);
    Effects fx = new Effects(t.machine, e, seg, t.isCall(ev), trace);
    fx.trackText = calls.contains("RECEIVE");
    fx.run(rule.actions(), m.event());
    if (m.kind() == Move.Kind.CALL && m.event().equals("CLOSE") && from != t.closed) {
      e.closeCalled = true;
    }
    if (to == t.closed) {
      e.deleteTcb(t.closed); // CLOSED has no TCB (RFC 9293 3.10.7.1)
    } else {
      e.state = to;
      if (t.stateName(to).equals("SYN_RECV") && from != to) {
        e.passive = t.stateName(from).equals("LISTEN");
      }
    }
    long out = x == 0 ? toward[1] : toward[0]; // the channel away from x
    if (m.kind() == Move.Kind.TIMEOUT && m.event().equals(RETRANSMIT) && inFlight(out, fx)) {
      return; // the timer outlasts a round trip: it expires once what it resends is no longer in flight
    }
    for (int i = 0; i < fx.sentCount; i++) {
      long added = Channel.add(out, fx.sent[i], config.capacity(), config.reorder());
      if (added < 0) {
        fx.overflowed++;
        if (!trace) {
          overflows++;
        }
      } else {
        out = added;
      }
    }
    long[] newEnds = ends.clone();
    newEnds[x] = e.pack();
    long ab = x == 0 ? out : toward[1];
    long ba = x == 0 ? toward[0] : out;
    if (trace) {
      fx.rule = rule.rule().name();
      fx.from = from;
      fx.to = to;
    }
    sink.accept(moveId, newEnds[0], newEnds[1], ab, ba, trace ? fx : null);
  }
}
