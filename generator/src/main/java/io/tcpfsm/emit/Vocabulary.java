package io.tcpfsm.emit;

import io.tcpfsm.model.Action;
import io.tcpfsm.model.Condition;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.SeqExpr;
import io.tcpfsm.model.Transition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a spec's actions use: the kinds of action, the values and conditions they compute and the
 * variables they read or set. The emitters generate a type or a constant only for what is used,
 * so a machine that is not TCP gets no TCP words.
 */
record Vocabulary(
    Set<String> kinds,
    TreeMap<String, SeqExpr> values,
    TreeMap<String, Condition> conditions,
    TreeMap<String, String> variables) {

  /** Action kinds in the order the generated types list them. */
  static final List<String> KIND_ORDER =
      List.of("send", "timer", "signal", "set", "if", "drop", "delete_tcb", "retransmit", "deliver", "queue");

  /** The kinds without data: one constant each in the generated {@code Simple} enum. */
  static final List<String> SIMPLE = List.of("drop", "delete_tcb", "retransmit", "deliver", "queue");

  static Vocabulary of(Machine m) {
    Vocabulary v = new Vocabulary(new LinkedHashSet<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    for (Transition t : m.allTransitions()) {
      v.addAll(t.actions());
    }
    Set<String> ordered = new LinkedHashSet<>();
    KIND_ORDER.stream().filter(v.kinds::contains).forEach(ordered::add);
    return new Vocabulary(ordered, v.values, v.conditions, v.variables);
  }

  boolean uses(String kind) {
    return kinds.contains(kind);
  }

  boolean usesSimple() {
    return SIMPLE.stream().anyMatch(kinds::contains);
  }

  private void addAll(List<Action> actions) {
    for (Action a : actions) {
      kinds.add(a.kind());
      if (a instanceof Action.Send s) {
        value(s.seq());
        value(s.ack());
      } else if (a instanceof Action.Set s) {
        variables.put(Names.constant(s.variable()), s.variable());
        value(s.value());
      } else if (a instanceof Action.If i) {
        conditions.put(Names.conditionConstant(i.condition()), i.condition());
        i.condition().values(this::value);
        addAll(i.then());
      }
    }
  }

  private void value(SeqExpr e) {
    if (e == null) {
      return;
    }
    values.put(Names.valueConstant(e), e);
    for (String term : e.terms()) {
      if (!Character.isDigit(term.charAt(0))) {
        variables.put(Names.constant(term), term);
      }
    }
  }
}
