package io.tcpfsm.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One rule of the machine: in these states, on these events, when this guard holds, go to this
 * state doing these actions, because the cited RFC clause says so.
 *
 * <p>{@code rule} is the rule's stable name: written after {@code rule} in its head, or made
 * from the head when the spec gives none ({@link #ruleNamed} says which). {@code guard},
 * {@code target} and {@code note} are null when the spec leaves them out; a null target means
 * the rule names no state change, and the machine's {@code target stay} default then keeps the
 * state (RFC 793 p.53). {@code origin} says where the rule lives: the base machine, a profile's
 * delta, or the defaults.
 */
public record Transition(
    Named rule,
    boolean ruleNamed,
    Origin origin,
    StateSet states,
    List<EventPattern> events,
    GuardExpr guard,
    Named target,
    List<Action> actions,
    List<Citation> citations,
    List<String> tags,
    String note,
    SourcePos pos) {

  public Transition {
    events = List.copyOf(events);
    actions = List.copyOf(actions);
    citations = List.copyOf(citations);
    tags = List.copyOf(tags);
  }

  /** Where a transition is written. {@code profile} is null for the base and the defaults. */
  public record Origin(Kind kind, String profile) {
    public static final Origin BASE = new Origin(Kind.BASE, null);
    public static final Origin DEFAULT = new Origin(Kind.DEFAULT, null);

    public static Origin profile(String name) {
      return new Origin(Kind.PROFILE, name);
    }

    /** The three places. */
    public enum Kind {
      BASE,
      PROFILE,
      DEFAULT
    }
  }

  public boolean hasGuard() {
    return guard != null;
  }

  /** The guard in words, or "always". */
  public String guardText() {
    return guard == null ? "always" : guard.render();
  }

  /** The head of the rule as written: {@code in SYN_SENT on SYN+ACK when ack_acceptable}. */
  public String head() {
    String in = origin.kind() == Origin.Kind.DEFAULT ? "" : "in " + states.render() + " ";
    String on = "on " + events.stream().map(EventPattern::render).collect(Collectors.joining(", "));
    String when = guard == null ? "" : " when " + guard.render();
    String to = target == null ? "" : " -> " + target.name();
    return in + on + when + to;
  }

  /** The rule's name. */
  public String name() {
    return rule.name();
  }
}
