package io.tcpfsm.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole model as written in one spec file: declarations, base transitions, defaults and
 * profiles. Immutable; built once by the parser, read by the validator and every emitter.
 *
 * <p>Names are kept as written, so the validator can report unknown or duplicate ones with their
 * positions; lookups resolve a name or an alias to the first declaration.
 */
public final class Machine {
  /** More flags than this would make the segment alphabet unreasonably large (2^n events). */
  public static final int MAX_FLAGS = 8;

  /**
   * At most this many guards may be declared: the generated step table holds states × events ×
   * 2^guards outcomes, and a guard is one bit of an {@code int}.
   */
  public static final int MAX_GUARDS = 16;

  /**
   * At most this many guards may matter in one state × event: the validator and the generated
   * tests enumerate every valuation of them (2^12 = 4096 cells).
   */
  public static final int MAX_CELL_GUARDS = 12;

  /**
   * At most this many states: the generated state enum and the machine's switches over states
   * are initialised in one method each, which javac caps at 64 KiB of code (a state costs about
   * 25 bytes; javac fails near 2,500). spec/tcp.fsm has 11.
   */
  public static final int MAX_STATES = 1000;

  /**
   * At most this many events (calls, segment flag combinations and timeouts together): the
   * event enum's initialiser failed with "code too large" between 2,000 and 3,000 events.
   * spec/tcp.fsm has 26.
   */
  public static final int MAX_EVENTS = 1000;

  /**
   * At most this many state × event pairs: each is a row of the validator's and the machine's
   * tables and a case label of a state's switch, so the validator, the emitter and javac all
   * cost about this (a million pairs took 13 s to check, 34 s to emit and 55 s to compile).
   * spec/tcp.fsm has 11 × 26 = 286.
   */
  public static final int MAX_PAIRS = 1 << 16;

  /**
   * At most this many rule parts, where a rule (base, default or profile delta) counts
   * {@value #RULE_PART_WEIGHT} and each of its actions (those inside an {@code if} too) and
   * citations counts 1: the generated rule enum builds every rule, its actions and citations in
   * one static initialiser, capped by javac at 64 KiB of code. A rule costs at most about 45
   * bytes there, an action or citation at most about 26; 2,000 parts stay under 52,000 bytes
   * (javac failed at 1,500 rules of three parts). spec/tcp.fsm has 106 rules, 313 actions and
   * 231 citations: 756 parts.
   */
  public static final int MAX_RULE_PARTS = 2000;

  /** What a rule itself counts towards {@link #MAX_RULE_PARTS}. */
  public static final int RULE_PART_WEIGHT = 2;

  /**
   * At most this many entries in the generated step table (states × events × 2^guards): 2^24,
   * 64 MiB of references, all filled when the machine class loads. spec/tcp.fsm's is 11 × 26 ×
   * 2^9 = 146,432.
   */
  public static final long MAX_TABLE = 1L << 24;

  /** Name of the single profile of a spec that declares none. */
  public static final String IMPLICIT_PROFILE = "default";

  private final String file;
  private final String name;
  private final String description;
  private final List<State> states;
  private final List<Named> flags;
  private final List<Event> calls;
  private final List<Timer> timers;
  private final List<Guard> guards;
  private final List<Transition> transitions;
  private final List<Transition> defaults;
  private final List<Citation> targetStayCitations;
  private final SourcePos targetStayPos;
  private final List<Profile> profiles;
  private final List<Event> events;
  private final List<Document> documents;
  private final boolean declaresDocuments;
  private final Map<String, State> stateIndex = new LinkedHashMap<>();
  private final Map<String, Event> eventIndex = new LinkedHashMap<>();
  private final Map<String, Guard> guardIndex = new LinkedHashMap<>();
  private final Map<String, Timer> timerIndex = new LinkedHashMap<>();

  private Machine(Builder b) {
    this.file = b.file;
    this.name = b.name;
    this.description = b.description;
    this.states = List.copyOf(b.states);
    this.flags = List.copyOf(b.flags);
    this.calls = List.copyOf(b.calls);
    this.timers = List.copyOf(b.timers);
    this.guards = List.copyOf(b.guards);
    this.transitions = List.copyOf(b.transitions);
    this.defaults = List.copyOf(b.defaults);
    this.targetStayCitations = b.targetStayCitations == null ? null : List.copyOf(b.targetStayCitations);
    this.targetStayPos = b.targetStayPos;
    this.profiles = List.copyOf(b.profiles);
    this.events = deriveEvents();
    this.documents = List.copyOf(b.documents);
    this.declaresDocuments = b.declaresDocuments;
    for (State s : states) {
      stateIndex.putIfAbsent(s.name(), s);
    }
    for (State s : states) {
      s.aliases().forEach(a -> stateIndex.putIfAbsent(a.name(), s));
    }
    events.forEach(e -> eventIndex.putIfAbsent(e.name(), e));
    guards.forEach(g -> guardIndex.putIfAbsent(g.name(), g));
    timers.forEach(t -> timerIndex.putIfAbsent(t.name(), t));
  }

  private List<Event> deriveEvents() {
    List<Event> out = new ArrayList<>(calls);
    int n = Math.min(flags.size(), MAX_FLAGS);
    if (n == 0) {
      // No flags declared: the machine has no segment events at all (not even NONE).
      return deriveRest(out);
    }
    SourcePos flagsPos = flags.isEmpty() ? SourcePos.NONE : flags.get(0).pos();
    for (int mask = 0; mask < (1 << n); mask++) {
      out.add(new Event(segmentName(mask), EventKind.SEGMENT, mask, "segment " + segmentName(mask), flagsPos));
    }
    return deriveRest(out);
  }

  private List<Event> deriveRest(List<Event> out) {
    for (Timer t : timers) {
      out.add(new Event(t.timeoutEvent(), EventKind.TIMEOUT, 0, "expiry of " + t.name(), t.pos()));
    }
    return List.copyOf(out);
  }

  /** The name of the segment event with these flags: {@code SYN+ACK}; {@code NONE} for none. */
  public String segmentName(int mask) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < flags.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        parts.add(flags.get(i).name());
      }
    }
    return parts.isEmpty() ? "NONE" : String.join("+", parts);
  }

  /** The bit of a flag in segment masks, or -1 if it is not declared. */
  public int flagBit(String flag) {
    for (int i = 0; i < flags.size(); i++) {
      if (flags.get(i).name().equals(flag)) {
        return 1 << i;
      }
    }
    return -1;
  }

  /**
   * The TCP header bits (RFC 9293 3.1) of the flags TCP names; the generated API speaks in
   * these bits, as the wire does. A flag TCP does not name takes the lowest bit left free.
   */
  private static final List<String> TCP_HEADER_FLAGS = List.of("FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR");

  /** The bit of a declared flag in a segment's header flags byte, or -1 if it is not declared. */
  public int headerBit(String flag) {
    int used = 0;
    for (Named f : flags) {
      int tcp = TCP_HEADER_FLAGS.indexOf(f.name());
      if (tcp >= 0) {
        used |= 1 << tcp;
      }
    }
    for (Named f : flags) {
      int tcp = TCP_HEADER_FLAGS.indexOf(f.name());
      int bit;
      if (tcp >= 0) {
        bit = 1 << tcp;
      } else {
        bit = Integer.lowestOneBit(~used);
        used |= bit;
      }
      if (f.name().equals(flag)) {
        return bit;
      }
    }
    return -1;
  }

  /** The header bits of a segment event's flags ({@link Event#flags()} is in declaration order). */
  public int headerBits(Event event) {
    int bits = 0;
    for (int i = 0; i < flags.size(); i++) {
      if ((event.flags() & (1 << i)) != 0) {
        bits |= headerBit(flags.get(i).name());
      }
    }
    return bits;
  }

  /** The documents the spec declares it cites, in order. */
  public List<Document> documents() {
    return documents;
  }

  /** Whether the spec has a {@code documents} block (then every rule must cite one of them). */
  public boolean declaresDocuments() {
    return declaresDocuments;
  }

  public Optional<Document> document(String name) {
    return documents.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public static Builder builder(String file) {
    return new Builder(file);
  }

  public String file() {
    return file;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public List<State> states() {
    return states;
  }

  public List<Named> flags() {
    return flags;
  }

  public List<Event> calls() {
    return calls;
  }

  public List<Timer> timers() {
    return timers;
  }

  public List<Guard> guards() {
    return guards;
  }

  /** The base transitions, in file order. */
  public List<Transition> transitions() {
    return transitions;
  }

  /** Transitions that apply to a state × event that no other transition names. */
  public List<Transition> defaults() {
    return defaults;
  }

  /** Citations of the spec's "target stay" default; null when the spec has none. */
  public List<Citation> targetStayCitations() {
    return targetStayCitations;
  }

  public SourcePos targetStayPos() {
    return targetStayPos;
  }

  public List<Profile> profiles() {
    return profiles;
  }

  /** The profile names to analyse: the declared ones, or the implicit one. */
  public List<String> profileNames() {
    return profiles.isEmpty() ? List.of(IMPLICIT_PROFILE) : profiles.stream().map(Profile::name).toList();
  }

  public Optional<Profile> profile(String name) {
    return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Every event: calls, then segments by flag mask, then timeouts. */
  public List<Event> events() {
    return events;
  }

  /** A state by its name or one of its aliases. */
  public Optional<State> state(String nameOrAlias) {
    return Optional.ofNullable(stateIndex.get(nameOrAlias));
  }

  public Optional<Event> event(String name) {
    return Optional.ofNullable(eventIndex.get(name));
  }

  public Optional<Guard> guard(String name) {
    return Optional.ofNullable(guardIndex.get(name));
  }

  public Optional<Timer> timer(String name) {
    return Optional.ofNullable(timerIndex.get(name));
  }

  /** Every transition written anywhere in the spec, in file order. */
  public List<Transition> allTransitions() {
    List<Transition> all = new ArrayList<>(transitions);
    all.addAll(defaults);
    profiles.forEach(p -> all.addAll(p.delta()));
    all.sort((a, b) -> a.pos().compareTo(b.pos()));
    return all;
  }

  /** Builds a {@link Machine} section by section, as the parser reads it. */
  public static final class Builder {
    private final String file;
    private String name = "machine";
    private String description = "";
    private final List<State> states = new ArrayList<>();
    private final List<Named> flags = new ArrayList<>();
    private final List<Event> calls = new ArrayList<>();
    private final List<Timer> timers = new ArrayList<>();
    private final List<Guard> guards = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<Transition> defaults = new ArrayList<>();
    private List<Citation> targetStayCitations;
    private SourcePos targetStayPos = SourcePos.NONE;
    private final List<Profile> profiles = new ArrayList<>();
    private final List<Document> documents = new ArrayList<>();
    private boolean declaresDocuments;

    private Builder(String file) {
      this.file = java.util.Objects.requireNonNull(file, "file == null");
    }

    public Builder name(String name, String description) {
      this.name = name;
      this.description = description == null ? "" : description;
      return this;
    }

    public Builder addState(State s) {
      states.add(s);
      return this;
    }

    public Builder addFlag(Named flag) {
      flags.add(flag);
      return this;
    }

    public Builder addCall(Event call) {
      calls.add(call);
      return this;
    }

    public Builder addTimer(Timer t) {
      timers.add(t);
      return this;
    }

    public Builder addGuard(Guard g) {
      guards.add(g);
      return this;
    }

    public Builder addTransition(Transition t) {
      transitions.add(t);
      return this;
    }

    public Builder addDefault(Transition t) {
      defaults.add(t);
      return this;
    }

    public Builder targetStay(List<Citation> citations, SourcePos pos) {
      this.targetStayCitations = citations;
      this.targetStayPos = pos;
      return this;
    }

    public Builder addDocument(Document d) {
      documents.add(d);
      return this;
    }

    /** The spec has a documents block (possibly empty: it then cites nothing). */
    public Builder declaresDocuments() {
      this.declaresDocuments = true;
      return this;
    }

    public Builder addProfile(Profile p) {
      profiles.add(p);
      return this;
    }

    public Machine build() {
      return new Machine(this);
    }
  }
}
