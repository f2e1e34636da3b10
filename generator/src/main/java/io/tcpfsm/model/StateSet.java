package io.tcpfsm.model;

import java.util.List;

/** The states a transition is written for: a list, or every state except some. */
public record StateSet(boolean all, List<Named> names) {
  public StateSet {
    names = List.copyOf(names);
  }

  public static StateSet of(List<Named> names) {
    return new StateSet(false, names);
  }

  public static StateSet allExcept(List<Named> except) {
    return new StateSet(true, except);
  }

  /** Whether {@code state} (its canonical name) is in the set; aliases are resolved beforehand. */
  public boolean contains(String state, java.util.function.Function<String, String> canonical) {
    boolean named = names.stream().anyMatch(n -> state.equals(canonical.apply(n.name())));
    return all != named;
  }

  public String render() {
    if (all) {
      return names.isEmpty()
          ? "*"
          : "* except " + String.join(", ", names.stream().map(Named::name).toList());
    }
    return String.join(", ", names.stream().map(Named::name).toList());
  }
}
