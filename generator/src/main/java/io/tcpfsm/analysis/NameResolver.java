package io.tcpfsm.analysis;

import io.tcpfsm.model.Event;
import io.tcpfsm.model.EventKind;
import io.tcpfsm.model.Guard;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Named;
import io.tcpfsm.model.State;
import io.tcpfsm.validate.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The state, event or guard a person means by a name typed on a command line. Exact names and
 * aliases first; then, where exactly one thing matches, the same name in any case with '-', '_'
 * or '+' as separators ({@code syn-received}, {@code fin_wait_1}, {@code syn-ack}, {@code ack+syn},
 * {@code seq-acceptable}). Otherwise the answer is a sentence: "did you mean ...?", or the list of
 * names there are.
 */
final class NameResolver {
  /** TCP header flags a model usually leaves out; naming one gets a sentence, not a far-off guess. */
  private static final Set<String> OTHER_TCP_FLAGS = Set.of("PSH", "URG", "ECE", "CWR", "NS", "AE");

  /** One thing found, or why not. */
  record Found<T>(T value, String problem) {
    static <T> Found<T> of(T value) {
      return new Found<>(value, null);
    }

    static <T> Found<T> not(String problem) {
      return new Found<>(null, problem);
    }

    boolean ok() {
      return value != null;
    }
  }

  private final Machine m;

  NameResolver(Machine m) {
    this.m = m;
  }

  Found<State> state(String name) {
    var exact = m.state(name).or(() -> m.state(name.toUpperCase(Locale.ROOT)));
    if (exact.isPresent()) {
      return Found.of(exact.get());
    }
    Set<State> loose = new LinkedHashSet<>();
    for (State s : m.states()) {
      if (key(s.name()).equals(key(name)) || s.aliases().stream().anyMatch(a -> key(a.name()).equals(key(name)))) {
        loose.add(s);
      }
    }
    List<String> spellings = new ArrayList<>();
    for (State s : m.states()) {
      spellings.add(s.name());
      s.aliases().forEach(a -> spellings.add(a.name()));
    }
    return pick("state", name, loose, State::name, spellings, m.states().stream().map(State::name).toList());
  }

  Found<Event> event(String name) {
    var exact = m.event(name).or(() -> m.event(name.toUpperCase(Locale.ROOT)));
    if (exact.isPresent()) {
      return Found.of(exact.get());
    }
    Set<Event> loose = new LinkedHashSet<>();
    // A segment by its flags, in any order, joined by '+', '-', '_', ',' or spaces: syn-ack, ACK+SYN.
    String[] parts = name.trim().toUpperCase(Locale.ROOT).split("[+\\-_,\\s]+");
    int mask = 0;
    List<String> otherFlags = new ArrayList<>();
    for (String part : parts) {
      int bit = m.flagBit(part);
      if (bit >= 0) {
        mask |= bit;
      } else if (OTHER_TCP_FLAGS.contains(part)) {
        otherFlags.add(part);
      } else {
        mask = -1;
        break;
      }
    }
    if (mask >= 0 && otherFlags.isEmpty()) {
      m.event(m.segmentName(mask)).ifPresent(loose::add);
    }
    // A call or timeout with other separators or case: open-active, timeout-time-wait.
    for (Event e : m.events()) {
      if (e.kind() != EventKind.SEGMENT && key(e.name()).equals(key(name))) {
        loose.add(e);
      }
    }
    if (loose.isEmpty() && mask >= 0 && !otherFlags.isEmpty()) {
      String flags = String.join(", ", m.flags().stream().map(Named::name).toList());
      return Found.not("unknown event '" + name + "': the model does not distinguish " + String.join(", ", otherFlags)
          + "; name a segment by its " + flags + " flags only; did you mean " + m.segmentName(mask) + "?");
    }
    return pick("event", name, loose, Event::name, m.events().stream().map(Event::name).toList(), m.events().stream().map(Event::name).toList());
  }

  Found<Guard> guard(String name) {
    var exact = m.guard(name);
    if (exact.isPresent()) {
      return Found.of(exact.get());
    }
    Set<Guard> loose = new LinkedHashSet<>();
    for (Guard g : m.guards()) {
      if (key(g.name()).equals(key(name))) {
        loose.add(g);
      }
    }
    List<String> names = m.guards().stream().map(Guard::name).toList();
    return pick("guard", name, loose, Guard::name, names, names);
  }

  private static <T> Found<T> pick(String what, String name, Set<T> loose, Function<T, String> nameOf, List<String> spellings, List<String> names) {
    if (loose.size() == 1) {
      return Found.of(loose.iterator().next());
    }
    if (loose.size() > 1) {
      return Found.not(what + " '" + name + "' is ambiguous: it could be " + String.join(" or ", loose.stream().map(nameOf).toList()) + "; give its exact name");
    }
    String hint = Suggest.hint(name, spellings);
    return Found.not("unknown " + what + " '" + name + "'" + (hint.isEmpty() ? "; " + what + "s are " + String.join(", ", names) : hint));
  }

  /** A name without case or separators: FIN-WAIT-1, fin_wait1 and FIN_WAIT1 are all FINWAIT1. */
  private static String key(String name) {
    return name.toUpperCase(Locale.ROOT).replaceAll("[\\s_+\\-]", "");
  }
}
