package io.tcpfsm.interp;

import io.tcpfsm.model.Action;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.EventPattern;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Named;
import io.tcpfsm.model.Profile;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs the model directly, with no generated code and no precomputed table: for each event it
 * looks through the transitions as the spec writes them (the profile's delta, then the base,
 * then the defaults for pairs no other transition names) and takes the first whose guard holds.
 * It is the oracle the generated machine is tested against, so it shares no matching code with
 * the emitter or the analysis ({@code io.tcpfsm.analysis.Matcher}, the machine's flag bits): it
 * reads a segment event's flags from its name ({@code SYN+ACK}) and resolves state names and
 * aliases itself.
 */
public final class Interpreter {
  /** The name of the segment event with no control flag. */
  private static final String NO_FLAGS = "NONE";

  private final Machine machine;
  private final List<Transition> delta;

  public Interpreter(Machine machine, String profile) {
    if (!machine.profileNames().contains(profile)) {
      throw new IllegalArgumentException("no profile " + profile + " in " + machine.file());
    }
    this.machine = machine;
    this.delta = machine.profiles().stream().filter(p -> p.name().equals(profile)).findFirst().map(Profile::delta).orElse(List.of());
  }

  /** What happens: the transition that applies and the state it leads to. */
  public record Outcome(Transition transition, State target) {
    public List<Action> actions() {
      return transition.actions();
    }
  }

  /**
   * The outcome of {@code event} in {@code state} when the guards {@code holds} accepts are
   * true.
   *
   * @throws IllegalStateException if no transition applies (the spec is not total)
   */
  public Outcome step(State state, Event event, Predicate<String> holds) {
    boolean named = false;
    for (List<Transition> layer : List.of(delta, machine.transitions())) {
      for (Transition t : layer) {
        if (writtenFor(t, state) && writtenFor(t, event)) {
          named = true;
          if (t.guard() == null || t.guard().test(holds)) {
            return new Outcome(t, target(t, state));
          }
        }
      }
    }
    if (!named) {
      for (Transition t : machine.defaults()) {
        if (writtenFor(t, event) && (t.guard() == null || t.guard().test(holds))) {
          return new Outcome(t, target(t, state));
        }
      }
    }
    throw new IllegalStateException("no transition for " + state.name() + " on " + event.name());
  }

  public Machine machine() {
    return machine;
  }

  /** Whether the transition's states ({@code in A, B} or {@code in * except C}) include {@code state}. */
  private boolean writtenFor(Transition t, State state) {
    boolean listed = false;
    for (Named n : t.states().names()) {
      if (resolve(n.name()).filter(s -> s.name().equals(state.name())).isPresent()) {
        listed = true;
      }
    }
    return t.states().all() ? !listed : listed;
  }

  private boolean writtenFor(Transition t, Event event) {
    for (EventPattern p : t.events()) {
      if (p instanceof EventPattern.Exact exact && exact.event().name().equals(event.name())) {
        return true;
      }
      if (p instanceof EventPattern.Segments pattern && event.isSegment() && matches(pattern, flagsNamed(event))) {
        return true;
      }
    }
    return false;
  }

  /** {@code segment[SYN, !RST]}: every flag it requires is set, and none it excludes. */
  private static boolean matches(EventPattern.Segments pattern, Set<String> flags) {
    return pattern.with().stream().allMatch(f -> flags.contains(f.name()))
        && pattern.without().stream().noneMatch(f -> flags.contains(f.name()));
  }

  /** The flags a segment event's name lists: {@code SYN+ACK} has SYN and ACK, {@code NONE} none. */
  private static Set<String> flagsNamed(Event event) {
    return event.name().equals(NO_FLAGS) ? Set.of() : Set.of(event.name().split("\\+"));
  }

  /** Where {@code t} leads from {@code from}: its target, or {@code from} when it names none (target stay). */
  private State target(Transition t, State from) {
    if (t.target() == null) {
      return from;
    }
    return resolve(t.target().name()).orElseThrow(() -> new IllegalStateException("unknown state " + t.target().name()));
  }

  /** The state a name means: the first state so named, else the first with that alias. */
  private Optional<State> resolve(String name) {
    for (State s : machine.states()) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    for (State s : machine.states()) {
      for (Named alias : s.aliases()) {
        if (alias.name().equals(name)) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }
}
