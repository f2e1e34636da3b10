package io.tcpfsm.explore;

/**
 * A property's outcome. {@code holds} is whether the property is true of what was explored;
 * {@code run} is the shortest counterexample when it is false (for {@code possible}, the
 * shortest witness when it is true), else null. {@code bounded} says the search was cut by
 * --max-states, so a "holds" covers only the states explored. {@code note} says what the run
 * shows.
 */
public record Verdict(Property property, boolean holds, boolean bounded, Run run, String note) {
  public String word() {
    if (property.kind() == Property.Kind.POSSIBLE) {
      return holds ? "possible" : (bounded ? "not found within the bound" : "impossible");
    }
    return holds ? (bounded ? "holds within the bound" : "holds") : "fails";
  }

  /** Whether this verdict makes the command exit 1: a property that fails, or a run the spec should allow and does not. */
  public boolean failed() {
    return !holds;
  }
}
