package io.tcpfsm.validate;

import io.tcpfsm.analysis.Matcher;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.diag.Diagnostics;
import io.tcpfsm.model.Machine;
import io.tcpfsm.parser.SpecParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a machine and reports every problem in one run: names, totality, determinism,
 * reachability, citations. Each rule is its own class; this list is the whole registry.
 */
public final class Validator {
  private static final List<Rule> RULES =
      List.of(
          new MissingSection(),
          new DuplicateName(),
          new UnknownName(),
          new InitialState(),
          new TooManyFlags(),
          new TooManyGuards(),
          new TooLargeMachine(),
          new EmptyPattern(),
          new MissingTargetDefault(),
          new OverlappingTransitions(),
          new IncompleteCell(),
          new UnreachableState(),
          new DeadEndState(),
          new MissingCitation(),
          new BadCitation(),
          new JavaNames(),
          new UnusedGuard(),
          new UnusedTimer());

  private Validator() {}

  /** The validated machine: its tables (one per profile) and every diagnostic. */
  public record Result(Machine machine, Map<String, ProfileTable> tables, Diagnostics diagnostics) {
    public boolean ok() {
      return !diagnostics.hasErrors();
    }
  }

  /**
   * Parses and validates the spec text {@code text}; {@code file} is the name diagnostics print.
   * The result's machine is null when the text has syntax errors.
   */
  public static Result check(String file, String text) {
    SpecParser.Result parsed = SpecParser.parse(file, text);
    if (parsed.machine() == null) {
      return new Result(null, Map.of(), parsed.diagnostics());
    }
    return validate(parsed.machine(), parsed.diagnostics());
  }

  /** Validates {@code machine}, adding to {@code diagnostics} (which may already hold some). */
  public static Result validate(Machine machine, Diagnostics diagnostics) {
    Map<String, ProfileTable> tables = new LinkedHashMap<>();
    for (String p : machine.profileNames()) {
      tables.put(p, ProfileTable.of(machine, p));
    }
    Context ctx = new Context(machine, tables, new Matcher(machine), diagnostics);
    for (Rule rule : RULES) {
      rule.check(ctx);
    }
    return new Result(machine, tables, diagnostics);
  }
}
