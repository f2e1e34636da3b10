package io.tcpfsm.emit;

import io.tcpfsm.model.Event;
import io.tcpfsm.model.Guard;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Named;
import io.tcpfsm.model.Profile;
import io.tcpfsm.model.SourcePos;
import io.tcpfsm.model.State;
import io.tcpfsm.model.Timer;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The names the emitter would write for a machine, checked before anything is emitted: each
 * must be a Java identifier (not a keyword, not {@code _}), distinct from the others of its kind
 * after {@link Names} maps it (case, {@code -}, {@code +}), and distinct from the members the
 * emitter itself puts beside it. The validator reports what this finds, so what {@code check}
 * accepts, {@code generate} emits faithfully.
 */
public final class NameCheck {
  private NameCheck() {}

  /** One name that cannot be emitted: where the spec writes it and why. */
  public record Problem(SourcePos pos, String message) {}

  /** Members of the generated event enum and the nested type its constants sit beside. */
  private static final Set<String> EVENT_MEMBERS = Set.of("kind", "flags", "label", "BY_HEADER", "Kind", "fromHeader", "values", "valueOf");
  /** Fields of a profile's machine class: guards are imported statically into it. */
  private static final Set<String> MACHINE_FIELDS = Set.of("EVENTS", "GUARD_BITS", "STEPS", "TABLE", "NEEDED");
  /** Fields of the flags class. */
  private static final Set<String> FLAG_MEMBERS = Set.of("NAMES", "BITS");
  /** Types the machine class refers to by simple name, which a state's nested class would hide. */
  private static final Set<String> JAVA_TYPES = Set.of("String", "Integer", "Object", "Override", "IllegalArgumentException", "Optional", "List", "Math", "System");

  public static List<Problem> check(Machine m) {
    List<Problem> out = new ArrayList<>();
    String prefix = Names.prefix(m);
    if (!identifier(prefix)) {
      out.add(new Problem(new SourcePos(1, 1), "machine name " + m.name() + " gives no Java type prefix ('" + prefix + "')"));
      return out;
    }
    Set<String> topLevel = new java.util.HashSet<>();
    for (String suffix : List.of("State", "Event", "Flags", "Timer", "Guard", "Variable", "Value", "Condition", "Action", "Rule", "Step", "Machine", "Profile")) {
      topLevel.add(prefix + suffix);
    }

    Kind states = new Kind("state", out);
    Kind stateClasses = new Kind("state", out);
    for (State s : unique(m)) {
      states.add(Names.constant(s.name()), s.name(), s.pos(), Set.of());
      Set<String> reserved = new java.util.HashSet<>(topLevel);
      reserved.addAll(JAVA_TYPES);
      for (String p : m.profileNames()) {
        reserved.add(Names.machineClass(m, p));
      }
      stateClasses.add(Names.upperCamel(s.name()), s.name(), s.pos(), reserved);
    }
    Kind events = new Kind("event", out);
    for (Event e : m.events()) {
      events.add(Names.eventConstant(e.name()), e.name(), e.pos(), EVENT_MEMBERS);
    }
    Kind guards = new Kind("guard", out);
    for (Guard g : m.guards()) {
      guards.add(Names.constant(g.name()), g.name(), g.pos(), MACHINE_FIELDS);
    }
    Kind timers = new Kind("timer", out);
    for (Timer t : m.timers()) {
      timers.add(Names.constant(t.name()), t.name(), t.pos(), Set.of());
    }
    Kind flags = new Kind("flag", out);
    for (Named f : m.flags().subList(0, Math.min(m.flags().size(), Machine.MAX_FLAGS))) {
      flags.add(Names.constant(f.name()), f.name(), f.pos(), FLAG_MEMBERS);
    }
    Kind profiles = new Kind("profile", out);
    Kind machines = new Kind("profile", out);
    for (Profile p : m.profiles()) {
      profiles.add(Names.constant(p.name()), p.name(), p.pos(), Set.of());
      machines.add(Names.machineClass(m, p.name()), p.name(), p.pos(), topLevel);
    }
    Kind rules = new Kind("rule", out);
    for (Transition t : m.allTransitions()) {
      if (t.name() != null) {
        rules.add(Names.ruleConstant(t), t.name(), t.rule().pos(), Set.of());
      }
    }
    return out;
  }

  private static List<State> unique(Machine m) {
    List<State> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (State s : m.states()) {
      if (seen.add(s.name())) {
        out.add(s);
      }
    }
    return out;
  }

  static boolean identifier(String s) {
    return !s.isEmpty() && SourceVersion.isName(s, SourceVersion.RELEASE_17) && !s.equals("_");
  }

  /** The Java names of one kind of spec name, checked as they are added. */
  private static final class Kind {
    private final String what;
    private final List<Problem> out;
    private final Map<String, String> seen = new HashMap<>();

    Kind(String what, List<Problem> out) {
      this.what = what;
      this.out = out;
    }

    void add(String java, String spec, SourcePos pos, Set<String> reserved) {
      if (!identifier(java)) {
        out.add(new Problem(pos, what + " " + spec + " would be '" + java + "' in the generated Java, which is a keyword or not a Java name"));
        return;
      }
      if (reserved.contains(java)) {
        out.add(new Problem(pos, what + " " + spec + " would be '" + java + "' in the generated Java, a name the generated code already uses"));
        return;
      }
      // Case-insensitively too: generated types become files, and file systems may fold case.
      String key = java.toLowerCase(Locale.ROOT);
      String before = seen.putIfAbsent(key, spec);
      if (before != null && !before.equals(spec)) {
        out.add(new Problem(pos, what + " " + spec + " would be '" + java + "' in the generated Java, like " + what + " " + before));
      }
    }
  }
}
