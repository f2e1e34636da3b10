package io.tcpfsm.diagram;

import io.tcpfsm.model.Machine;
import io.tcpfsm.model.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the textbook puts each TCP state, row by row, left to right: RFC 793 Figure 6 (p.23),
 * Stevens' TCP/IP Illustrated Figure 18.12 and TLPI Figure 61-4 agree on CLOSED at the top,
 * LISTEN below it, SYN-RECEIVED left and SYN-SENT right, ESTABLISHED in the centre, the active
 * close (FIN-WAIT-1, FIN-WAIT-2, CLOSING, TIME-WAIT) bottom left and the passive close
 * (CLOSE-WAIT, LAST-ACK) bottom right. A machine whose states are not exactly these eleven
 * gets no rows: Graphviz places its states itself.
 */
final class TextbookLayout {
  /**
   * The rows, each state in its column (0 left, 1 centre, 2 right); null is an empty cell. A
   * state is found by its name or any alias (FIN_WAIT1 or FIN-WAIT-1).
   */
  private static final String[][] GRID = {
    {null, "CLOSED", null},
    {null, "LISTEN", null},
    {"SYN_RECV", null, "SYN_SENT"},
    {null, "ESTABLISHED", null},
    {"FIN_WAIT1", "CLOSING", "CLOSE_WAIT"},
    {"FIN_WAIT2", "TIME_WAIT", "LAST_ACK"},
  };

  /** The number of columns of {@link #GRID}. */
  static final int COLUMNS = 3;

  /** The centre column, where CLOSED is. */
  static final int CENTRE = 1;

  /** The first row of the close: arrows from here to CLOSED end in a second CLOSED box below. */
  static final int CLOSE_ROW = 4;

  private TextbookLayout() {}

  /**
   * The machine's states in the textbook's grid (rows of {@link #COLUMNS} cells, null where
   * the textbook has no state), or empty if they are not TCP's eleven.
   */
  static Optional<List<List<State>>> rows(Machine machine) {
    List<List<State>> rows = new ArrayList<>();
    int placed = 0;
    for (String[] row : GRID) {
      List<State> states = new ArrayList<>();
      for (String name : row) {
        if (name == null) {
          states.add(null);
          continue;
        }
        Optional<State> s = find(machine, name);
        if (s.isEmpty()) {
          return Optional.empty();
        }
        states.add(s.get());
        placed++;
      }
      rows.add(java.util.Collections.unmodifiableList(states));
    }
    long distinct = machine.states().stream().map(State::name).distinct().count();
    return placed == distinct ? Optional.of(rows) : Optional.empty();
  }

  /** By name, else by an alias with '-' read as '_' or dropped (FIN-WAIT-1 is FIN_WAIT1). */
  private static Optional<State> find(Machine machine, String name) {
    for (State s : machine.states()) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    for (State s : machine.states()) {
      for (var alias : s.aliases()) {
        String a = alias.name();
        if (a.replace('-', '_').equals(name) || a.replace("-", "").equals(name.replace("_", ""))) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }
}
