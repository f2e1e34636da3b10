package io.tcpfsm.audit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one clause hands its state's processing to another state's clause, in the RFC's own
 * words: "In addition to the processing for the ESTABLISHED state", "Do the same processing as
 * for the ESTABLISHED state" (that check), "enter FIN-WAIT-2 and continue processing in that
 * state" (that check and the later ones), "continue processing at the sixth step" (SYN-SENT,
 * into ESTABLISHED's sixth to eighth checks). A rule that quotes ESTABLISHED's fifth check while
 * acting in CLOSING then implements CLOSING's fifth check too, as the RFC says.
 */
final class Continuations {
  private static final List<String> STEPS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth");
  private static final Pattern SAME = Pattern.compile("(?:processing for|same processing as for) the ESTABLISHED state");
  private static final Pattern ENTER = Pattern.compile("enter ([A-Z]+(?:-[A-Z0-9]+)*)(?: state)? and continue processing(?! at)");
  private static final Pattern SIXTH = Pattern.compile("continue processing at the sixth step");

  private Continuations() {}

  /** For each clause, the clauses whose processing continues into it. */
  static Map<Clause, List<Clause>> of(List<Clause> clauses) {
    Map<Clause, List<Clause>> into = new IdentityHashMap<>();
    for (Clause from : clauses) {
      if (!from.topic().equals("SEGMENT") || from.step() == null) {
        continue;
      }
      String text = from.normalized();
      int step = STEPS.indexOf(from.step());
      if (SAME.matcher(text).find()) {
        link(clauses, from, "ESTABLISHED", step, step, into);
      }
      Matcher enter = ENTER.matcher(text);
      while (enter.find()) {
        link(clauses, from, enter.group(1), step, STEPS.size() - 1, into);
      }
      if (SIXTH.matcher(text).find()) {
        link(clauses, from, "ESTABLISHED", STEPS.indexOf("sixth"), STEPS.size() - 1, into);
      }
    }
    return into;
  }

  private static void link(List<Clause> clauses, Clause from, String state, int first, int last, Map<Clause, List<Clause>> into) {
    for (Clause to : clauses) {
      int step = to.step() == null ? -1 : STEPS.indexOf(to.step());
      if (to != from && to.rfc() == from.rfc() && to.topic().equals("SEGMENT") && to.states().contains(state)
          && step >= first && step <= last && first >= 0) {
        into.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
      }
    }
  }
}
