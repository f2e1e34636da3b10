package io.tcpfsm.probe;

import io.tcpfsm.machine.TcpAction;
import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.machine.TcpGuard;
import io.tcpfsm.machine.TcpProfile;
import io.tcpfsm.machine.TcpRule;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.machine.TcpStep;
import io.tcpfsm.tcp.ObservedTcb;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a profile's machine says a probe should see: the segments the cell sends (their control
 * bits) and the state it goes to, with the rule and its citations. The guards come from the
 * runtime's classifier on the TCB the probe met, so "in the window" means what it means to a
 * connection. Works for any generated profile, {@code linux} included once it exists.
 */
public record Expected(TcpState state, List<String> sends, TcpRule rule) {

  public static Expected of(TcpProfile profile, Observation o) {
    Probe p = o.probe();
    int flags = p.segment().flags() & 0x17; // PSH is no part of the event
    long segLen = p.segment().segLen();
    int dataLength = p.segment().dataLength();
    ObservedTcb t = o.tcb();
    boolean held = t.heldForLater(p.state(), o.seq(), segLen, (flags & 0x02) != 0, (flags & 0x04) != 0);
    if (held) {
      // as a connection plays the model: the ACK field now, the text and FIN when the gap fills
      flags &= ~0x01;
      segLen = 0;
      dataLength = 0;
    }
    TcpEvent event = TcpEvent.fromHeader(flags);
    int needed = profile.needed(p.state(), event);
    int guards = t.guards(p.state(), needed, o.seq(), o.ack(), segLen, dataLength,
        ProbeRunner.PEER_WINDOW, ObservedTcb.rfc5961(profile));
    TcpStep step = profile.step(p.state(), event, guards);
    List<String> sends = new ArrayList<>();
    collectSends(p.state(), step.actions(), sends);
    if (held && sends.isEmpty() && step.target() != TcpState.CLOSED) {
      // RFC 5681 4.2: "an immediate duplicate ACK when an out-of-order segment arrives"; one, not
      // a second after the model's own answer (as SegmentArrival does)
      sends.add(TcpEvent.ACK.label());
    }
    if (p.segment() == SegmentClass.DATA_CLOSE) {
      // then the application's CLOSE, with the text it did not read still pending
      int closeGuards = TcpGuard.mask(TcpGuard.TEXT_PENDING) & profile.needed(step.target(), TcpEvent.CLOSE);
      TcpState before = step.target();
      step = profile.step(before, TcpEvent.CLOSE, closeGuards);
      collectSends(before, step.actions(), sends);
    }
    return new Expected(step.target(), List.copyOf(sends), step.rule());
  }

  /**
   * Sends, in order; one inside an {@code if} counts as sent (the bundled spec puts none there). A
   * {@code retransmit} sends the front of the retransmission queue again, which in a probe (no text
   * sent) is the segment that opened or closed the connection.
   */
  private static void collectSends(TcpState state, List<TcpAction> actions, List<String> into) {
    for (TcpAction a : actions) {
      if (a instanceof TcpAction.Send s) {
        into.add(TcpEvent.fromHeader(s.flags()).label());
      } else if (a instanceof TcpAction.If i) {
        collectSends(state, i.then(), into);
      } else if (a == TcpAction.Simple.RETRANSMIT) {
        into.add(retransmitted(state).label());
      }
    }
  }

  /** What a probe's connection has at the front of its retransmission queue in {@code state}. */
  static TcpEvent retransmitted(TcpState state) {
    return switch (state) {
      case SYN_SENT -> TcpEvent.SYN;
      case SYN_RECV -> TcpEvent.SYN_ACK;
      case FIN_WAIT1, CLOSING, LAST_ACK -> TcpEvent.FIN_ACK;
      default -> TcpEvent.ACK; // text, whose PSH is no part of the event
    };
  }

  public boolean agrees(Observation o) {
    return o.ran() && state == o.state() && sends.equals(o.sends());
  }

  /** {@code [RST] -> CLOSED}. */
  public String text() {
    return sends + " -> " + state;
  }

  /** The rule's name and citations: {@code closed_segment (RFC 9293 3.10.7.1; RFC 793 3.9 p.65)}. */
  public String citation() {
    return rule.specName() + " (" + rule.citations().stream().map(TcpRule.Citation::render).collect(Collectors.joining("; ")) + ")";
  }
}
