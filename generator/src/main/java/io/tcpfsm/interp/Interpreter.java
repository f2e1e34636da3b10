package io.tcpfsm.interp;

import io.tcpfsm.analysis.Matcher;
import io.tcpfsm.model.Action;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Profile;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs the model directly, with no generated code and no precomputed table: for each event it
 * looks through the transitions as the spec writes them (the profile's delta, then the base,
 * then the defaults for pairs no other transition names) and takes the one whose guard holds.
 * It is the oracle the generated machine is tested against.
 */
public final class Interpreter {
  private final Machine machine;
  private final Matcher matcher;
  private final List<Transition> delta;

  public Interpreter(Machine machine, String profile) {
    this.machine = machine;
    this.matcher = new Matcher(machine);
    this.delta = machine.profile(profile).map(Profile::delta).orElse(List.of());
    if (!machine.profileNames().contains(profile)) {
      throw new IllegalArgumentException("no profile " + profile + " in " + machine.file());
    }
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
    List<Transition> named = new ArrayList<>();
    for (List<Transition> layer : List.of(delta, machine.transitions())) {
      for (Transition t : layer) {
        if (matcher.appliesTo(t, state) && matcher.appliesTo(t, event)) {
          named.add(t);
          if (t.guard() == null || t.guard().test(holds)) {
            return new Outcome(t, matcher.target(t, state));
          }
        }
      }
    }
    if (named.isEmpty()) {
      for (Transition t : machine.defaults()) {
        if (matcher.appliesTo(t, event) && (t.guard() == null || t.guard().test(holds))) {
          return new Outcome(t, matcher.target(t, state));
        }
      }
    }
    throw new IllegalStateException("no transition for " + state.name() + " on " + event.name());
  }

  public Machine machine() {
    return machine;
  }
}
