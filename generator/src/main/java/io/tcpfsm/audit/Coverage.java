package io.tcpfsm.audit;

import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.EventKind;
import io.tcpfsm.model.EventPattern;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules implement which clause: each citation of RFC 793 section 3.9 or RFC 9293 section
 * 3.10 is placed on the clauses it points at. A quoted citation lands on the clause that holds
 * its words (among several, those about the rule's states); an unquoted one on the clauses of
 * its section (and page) about the rule's states, event and segment check. A citation that
 * lands on no clause about the rule's own states and events is reported as weak.
 */
public final class Coverage {
  /** One rule implementing one clause, through one of its citations. */
  public record Link(String rule, Transition transition, Citation citation, Clause clause, How how) {}

  /** How a citation reached a clause. */
  public enum How {
    /** The clause holds the citation's quoted words. */
    QUOTE,
    /** The citation has no quote (or one that spans clauses): its section or page, states, event and check. */
    PAGE,
    /** The rule's state continues into the clause it cites ("Do the same processing as for the ESTABLISHED state"). */
    CONTINUES
  }

  /** A citation that does not point at the rule's behaviour, and why. */
  public record Weak(String rule, Transition transition, Citation citation, String why) {}

  private final List<Clause> clauses;
  private final Map<Clause, List<Link>> byClause = new IdentityHashMap<>();
  private final List<Weak> weak = new ArrayList<>();
  private final Map<Transition, RuleUse> use;
  private final Map<Clause, List<Clause>> continuing;

  private Coverage(List<Clause> clauses, Map<Transition, RuleUse> use) {
    this.clauses = List.copyOf(clauses);
    this.use = use;
    this.continuing = Continuations.of(clauses);
    clauses.forEach(c -> byClause.put(c, new ArrayList<>()));
  }

  /** Places every citation of {@code machine}'s rules (and its {@code target stay}) on {@code clauses}. */
  public static Coverage of(Machine machine, Map<String, ProfileTable> tables, List<Clause> clauses) {
    Coverage cov = new Coverage(clauses, RuleUse.of(tables));
    if (machine.targetStayCitations() != null) {
      for (Citation c : machine.targetStayCitations()) {
        cov.place("defaults: target stay", null, c, machine);
      }
    }
    for (Transition t : machine.allTransitions()) {
      for (Citation c : t.citations()) {
        cov.place(t.name(), t, c, machine);
      }
    }
    return cov;
  }

  private void place(String rule, Transition t, Citation c, Machine machine) {
    if (c.rfc().isEmpty() || c.section() == null) {
      return;
    }
    int rfc = c.rfc().getAsInt();
    List<Clause> candidates = new ArrayList<>();
    for (Clause cl : clauses) {
      if (cl.rfc() == rfc && within(c.section(), cl.section()) && (c.page() == null || (c.page() >= cl.firstPage() && c.page() <= cl.lastPage()))) {
        candidates.add(cl);
      }
    }
    if (candidates.isEmpty()) {
      return; // a citation outside event processing (RFC 1122, RFC 9293 3.8): not a clause of this audit
    }
    RuleUse u = t == null ? null : use.getOrDefault(t, RuleUse.none());
    List<Clause> hits = new ArrayList<>();
    How how = How.QUOTE;
    if (c.quote() != null) {
      String q = Quotes.normalize(c.quote());
      for (Clause cl : candidates) {
        if (cl.normalized().contains(q)) {
          hits.add(cl);
        }
      }
      List<Clause> about = hits.stream().filter(cl -> u == null || statesMatch(u, cl)).toList();
      if (about.size() > 1 && u != null) {
        // The same words under several checks (a reset's wording): the check this rule is about.
        List<Clause> check = about.stream().filter(cl -> relevant(u, t, cl, machine)).toList();
        about = check.isEmpty() ? about : check;
      }
      if (!about.isEmpty()) {
        hits = new ArrayList<>(about);
      } else if (!hits.isEmpty()) {
        weak.add(new Weak(rule, t, c, "its quote is in " + hits.get(0).title() + " (" + hits.get(0).where()
            + "), which is not about the states the rule acts in (" + String.join(", ", u.states()) + ")"));
      }
    }
    if (hits.isEmpty() && u != null) {
      how = How.PAGE;
      for (Clause cl : candidates) {
        if (relevant(u, t, cl, machine)) {
          hits.add(cl);
        }
      }
      if (hits.isEmpty()) {
        weak.add(new Weak(rule, t, c, u.states().isEmpty()
            ? "the rule decides no cell of any profile"
            : c.quote() != null
                ? "its quote spans clauses, and " + c.render() + " has no clause about " + String.join(", ", u.states()) + " and the rule's events"
                : c.render() + " has no clause about " + String.join(", ", u.states()) + " and the rule's events"));
      }
    }
    for (Clause cl : List.copyOf(hits)) {
      for (Clause from : continuing.getOrDefault(cl, List.of())) {
        if (u != null && from.states().stream().anyMatch(u.states()::contains)) {
          add(rule, t, c, from, How.CONTINUES);
        }
      }
    }
    for (Clause cl : hits) {
      add(rule, t, c, cl, how);
    }
  }

  private void add(String rule, Transition t, Citation c, Clause cl, How how) {
    List<Link> links = byClause.get(cl);
    links.removeIf(l -> l.rule().equals(rule) && l.how().ordinal() > how.ordinal());
    if (links.stream().noneMatch(l -> l.rule().equals(rule))) {
      links.add(new Link(rule, t, c, cl, how));
    }
  }

  /** RFC 793 is cited as 3.9; an RFC 9293 citation of 3.10.7 covers 3.10.7.4. */
  private static boolean within(String cited, String clauseSection) {
    return clauseSection.equals(cited) || clauseSection.startsWith(cited + ".");
  }

  /** Whether the clause speaks of a state the rule acts in, itself or through a clause continuing into it. */
  private boolean statesMatch(RuleUse u, Clause cl) {
    if (cl.states().isEmpty() || cl.states().stream().anyMatch(u.states()::contains)) {
      return true;
    }
    return continuing.getOrDefault(cl, List.of()).stream().anyMatch(from -> from.states().stream().anyMatch(u.states()::contains));
  }

  /** Whether an unquoted citation's clause is about this rule: its call, states and check. */
  private boolean relevant(RuleUse u, Transition t, Clause cl, Machine m) {
    if (!statesMatch(u, cl)) {
      return false;
    }
    boolean topic = false;
    for (Event e : u.events()) {
      topic |= cl.topic().equals(topicOf(e));
    }
    if (!topic) {
      return false;
    }
    if (!cl.topic().equals("SEGMENT")) {
      return true;
    }
    int rst = m.flagBit("RST");
    int syn = m.flagBit("SYN");
    int ack = m.flagBit("ACK");
    int fin = m.flagBit("FIN");
    String guard = t.guard() == null ? "" : " " + t.guard().render() + " ";
    // A check decides the segments that reach it: one with RST is decided at the RST check and
    // never reaches the SYN or ACK check, one with SYN (no RST) at the SYN check.
    boolean allRst = all(u, rst);
    boolean allSyn = !allRst && all(u, syn);
    return switch (cl.stepKind()) {
      case NONE -> true;
      case SEQUENCE -> guard.contains("not seq_acceptable");
      case RST -> allRst;
      case SYN -> allSyn;
      case ACK -> !allRst && !allSyn && (all(u, ack) || forbids(t, "ACK"));
      case FIN -> !allRst && !allSyn && all(u, fin);
      case TEXT -> !allRst && !allSyn && guard.contains("has_data");
      case OTHER -> u.events().stream().allMatch(e -> (e.flags() & (syn | rst)) == 0);
      case SECURITY, URG -> false; // the model has neither (docs/spec-review.md, finding 21)
    };
  }

  private static boolean all(RuleUse u, int bit) {
    return bit > 0 && !u.events().isEmpty() && u.events().stream().allMatch(e -> (e.flags() & bit) != 0);
  }

  private static boolean forbids(Transition t, String flag) {
    return t.events().stream().anyMatch(p -> p instanceof EventPattern.Segments s && s.without().stream().anyMatch(n -> n.name().equals(flag)));
  }

  /**
   * The clause topic an event belongs to: its call ({@code OPEN_PASSIVE} is an OPEN call),
   * {@code SEGMENT}, or the timeout RFC 793 p.77 names for the timer.
   */
  static String topicOf(Event e) {
    if (e.kind() == EventKind.SEGMENT) {
      return "SEGMENT";
    }
    if (e.kind() == EventKind.CALL) {
      int u = e.name().indexOf('_');
      return u < 0 ? e.name() : e.name().substring(0, u);
    }
    String timer = e.name().replaceFirst("^TIMEOUT_", "");
    return switch (timer) {
      case "RETRANSMIT" -> "RETRANSMISSION TIMEOUT";
      default -> timer.replace('_', '-') + " TIMEOUT";
    };
  }

  public List<Clause> clauses() {
    return clauses;
  }

  /** The rules that implement {@code clause}, in spec order. */
  public List<Link> links(Clause clause) {
    return Collections.unmodifiableList(byClause.getOrDefault(clause, List.of()));
  }

  public boolean covered(Clause clause) {
    return !links(clause).isEmpty();
  }

  public List<Weak> weak() {
    return Collections.unmodifiableList(weak);
  }

  /** Where each rule acts: states, events, profiles. */
  public RuleUse use(Transition t) {
    return use.getOrDefault(t, RuleUse.none());
  }

  /** Clauses by id. */
  public Map<String, Clause> index() {
    Map<String, Clause> out = new LinkedHashMap<>();
    clauses.forEach(c -> out.put(c.id(), c));
    return out;
  }
}
