package io.tcpfsm.explore;

import io.tcpfsm.model.Action;
import io.tcpfsm.model.Transition;

/**
 * One endpoint's reaction to one input (a call, a queued call, a timeout, a segment): a pure
 * function of the endpoint's packed state and the input, so the composition computes it once
 * per distinct pair and keeps it ({@link ReactionMemo}). What the network does with the
 * segments it sends is the composition's business, not the endpoint's.
 */
final class Reaction {
  private Reaction() {}

  /**
   * What end {@code x}, in packed state {@code end}, does on move {@code m} (its model event
   * {@code ev}, its segment {@code seg} or -1); {@code slot} is the new incarnation's slot for an
   * OPEN from CLOSED, else 0. Null when a queued call cannot be served yet.
   */
  static Effects of(Composition c, int x, long end, Move m, int ev, int seg, int slot, boolean trace) {
    Table t = c.tables[x];
    End e = End.unpack(end);
    int from = e.state;
    if (m.kind() == Move.Kind.QUEUED) {
      int v = valuation(c, t, e, ev, -1);
      if (t.rule(from, ev, v).actions().stream().anyMatch(act -> act instanceof Action.Queue)) {
        return null; // not yet: the model would queue it again
      }
      if (m.event().equals("SEND")) {
        e.sendPending = false;
      } else {
        e.closePending = false;
      }
    }
    if (slot != 0) {
      e.inc = slot; // a new incarnation, its ISS in a slot no number in the network falls in (End)
    }
    int v = valuation(c, t, e, ev, seg);
    Transition rule = t.rule(from, ev, v);
    int to = t.target(from, ev, v);
    Effects fx = new Effects(t.machine, e, seg, t.isCall(ev), trace);
    fx.trackText = c.calls.contains("RECEIVE");
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
      } else if (t.passiveReadOnlyInSynRecv && !t.stateName(to).equals("SYN_RECV")) {
        e.passive = false; // dead outside SYN-RECEIVED (Table#passiveReadOnlyInSynRecv)
      }
    }
    fx.rule = rule.rule().name();
    fx.from = from;
    fx.to = to;
    return fx;
  }

  private static int valuation(Composition c, Table t, End e, int ev, int seg) {
    int[] ids = t.guards(e.state, ev);
    String name = t.stateName(e.state);
    int v = 0;
    for (int j = 0; j < ids.length; j++) {
      if (Guards.holds(ids[j], e, name, seg, c.config.rcvWnd(), t.rfc5961)) {
        v |= 1 << j;
      }
    }
    return v;
  }
}
