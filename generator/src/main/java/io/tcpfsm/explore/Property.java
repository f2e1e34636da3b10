package io.tcpfsm.explore;

import java.util.List;
import java.util.Set;

/**
 * One property of the two composed endpoints, as written in a properties file.
 *
 * <ul>
 *   <li>{@code never}: no reachable joint state satisfies {@code target} (an invariant).
 *   <li>{@code always}: from every reachable joint state satisfying {@code from} (every state
 *       when absent), some continuation that uses none of the {@code without} events reaches
 *       one satisfying {@code target}. With a network that may lose every segment, "some
 *       continuation" is the usual reading of "eventually" under fairness: the network and
 *       the applications can still bring it about.
 *   <li>{@code possible}: some run passes through states satisfying each of {@code stages} in
 *       turn (a witness, such as a figure of the RFC), with none of the {@code without} events.
 * </ul>
 */
public record Property(Kind kind, String name, String where, Pred from, List<Pred> stages, Set<String> without) {
  public enum Kind {
    NEVER,
    ALWAYS,
    POSSIBLE
  }

  public Property {
    stages = List.copyOf(stages);
    without = Set.copyOf(without);
  }

  boolean roles() {
    return (from != null && from.roles()) || stages.stream().anyMatch(Pred::roles);
  }
}
