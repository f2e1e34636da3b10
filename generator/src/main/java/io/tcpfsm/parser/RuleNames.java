package io.tcpfsm.parser;

import io.tcpfsm.model.EventPattern;
import io.tcpfsm.model.GuardExpr;
import io.tcpfsm.model.StateSet;
import io.tcpfsm.model.Transition.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The name of a rule whose head names none: its head in words, lower case, e.g.
 * {@code syn_recv_on_segment_rst_when_seq_acceptable}. A profile's rule starts with the profile's
 * name and a default rule with {@code default}, so equal heads in two layers get two names.
 */
final class RuleNames {
  private RuleNames() {}

  static String derive(Origin origin, StateSet states, List<EventPattern> events, GuardExpr guard) {
    List<String> words = new ArrayList<>();
    if (origin.kind() == Origin.Kind.PROFILE) {
      words.add(origin.profile());
    } else if (origin.kind() == Origin.Kind.DEFAULT) {
      words.add("default");
    }
    if (origin.kind() != Origin.Kind.DEFAULT) {
      if (states.all()) {
        words.add("any");
        states.names().forEach(n -> words.add("but_" + n.name()));
      } else {
        states.names().forEach(n -> words.add(n.name()));
      }
    }
    words.add("on");
    for (EventPattern p : events) {
      if (p instanceof EventPattern.Exact e) {
        words.add(e.event().name().replace('+', '_'));
      } else if (p instanceof EventPattern.Segments s) {
        words.add("segment");
        s.with().forEach(f -> words.add(f.name()));
        s.without().forEach(f -> words.add("no_" + f.name()));
      }
    }
    if (guard != null) {
      words.add("when");
      words.add(guardWords(guard));
    }
    return String.join("_", words).replace('-', '_').toLowerCase(Locale.ROOT);
  }

  private static String guardWords(GuardExpr g) {
    if (g instanceof GuardExpr.Ref r) {
      return r.guard().name();
    } else if (g instanceof GuardExpr.Not n) {
      return "not_" + guardWords(n.operand());
    } else if (g instanceof GuardExpr.And a) {
      return guardWords(a.left()) + "_and_" + guardWords(a.right());
    } else if (g instanceof GuardExpr.Or o) {
      return guardWords(o.left()) + "_or_" + guardWords(o.right());
    }
    throw new IllegalStateException("unknown guard expression " + g);
  }
}
