package io.tcpfsm.explore;

import io.tcpfsm.model.Machine;
import java.util.List;

/** One exploration and its verdicts: what {@code tcpfsm explore} prints. */
public record Exploration(StateGraph graph, List<Verdict> verdicts) {
  /** Explores the composition of {@code machine}'s profiles and decides every property. */
  public static Exploration run(Machine machine, ExploreConfig config, List<Property> properties) {
    StateGraph g = Explorer.explore(machine, config);
    return new Exploration(g, new Checker(g).check(properties));
  }

  public boolean allHold() {
    return verdicts.stream().noneMatch(Verdict::failed);
  }

  /** OPEN calls refused because both slots of sequence space held numbers still in use. */
  public long opensRefused() {
    return graph.composition.slotsFull;
  }

  /** The calls the applications make (calls that change nothing are left out). */
  public List<String> calls() {
    return List.copyOf(graph.composition.calls);
  }

  public static int slots() {
    return End.SLOTS;
  }

}
