package io.tcpfsm.model;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** A guard condition: named guards combined with and, or, not. */
public sealed interface GuardExpr {
  /** Evaluates the condition; {@code value} gives each named guard's truth. */
  boolean test(Predicate<String> value);

  /** Adds every guard name this condition mentions to {@code into}. */
  void collect(Set<Named> into);

  /** The condition as the spec would write it, fully parenthesised where it matters. */
  String render();

  default Set<String> names() {
    Set<Named> refs = new java.util.LinkedHashSet<>();
    collect(refs);
    Set<String> out = new TreeSet<>();
    refs.forEach(n -> out.add(n.name()));
    return out;
  }

  /** A reference to a declared guard. */
  record Ref(Named guard) implements GuardExpr {
    @Override
    public boolean test(Predicate<String> value) {
      return value.test(guard.name());
    }

    @Override
    public void collect(Set<Named> into) {
      into.add(guard);
    }

    @Override
    public String render() {
      return guard.name();
    }
  }

  /** Negation. */
  record Not(GuardExpr operand) implements GuardExpr {
    @Override
    public boolean test(Predicate<String> value) {
      return !operand.test(value);
    }

    @Override
    public void collect(Set<Named> into) {
      operand.collect(into);
    }

    @Override
    public String render() {
      return operand instanceof Ref ? "not " + operand.render() : "not (" + operand.render() + ")";
    }
  }

  /** Conjunction. */
  record And(GuardExpr left, GuardExpr right) implements GuardExpr {
    @Override
    public boolean test(Predicate<String> value) {
      return left.test(value) && right.test(value);
    }

    @Override
    public void collect(Set<Named> into) {
      left.collect(into);
      right.collect(into);
    }

    @Override
    public String render() {
      return wrap(left) + " and " + wrap(right);
    }

    private static String wrap(GuardExpr e) {
      return e instanceof Or ? "(" + e.render() + ")" : e.render();
    }
  }

  /** Disjunction. */
  record Or(GuardExpr left, GuardExpr right) implements GuardExpr {
    @Override
    public boolean test(Predicate<String> value) {
      return left.test(value) || right.test(value);
    }

    @Override
    public void collect(Set<Named> into) {
      left.collect(into);
      right.collect(into);
    }

    @Override
    public String render() {
      return left.render() + " or " + right.render();
    }
  }
}
