package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpEvent;
import io.tcpfsm.machine.TcpGuard;
import io.tcpfsm.machine.TcpMachine;
import io.tcpfsm.machine.TcpRule;
import io.tcpfsm.machine.TcpState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which rules and cells (state x event x the guards the cell reads) of a profile the checked
 * frames exercised, counting arrivals and the hidden calls and timeouts inferred for sends.
 */
public final class Coverage {
  private static final int EVENTS = TcpEvent.values().length;
  private static final int GUARD_BITS = TcpGuard.values().length;
  private final TcpMachine machine;
  private final BitSet rules = new BitSet();
  private final BitSet cells = new BitSet();

  /**
   * What the capture exercised.
   *
   * @param rulesSeen rules of the profile that some frame used
   * @param rulesTotal rules the profile's cells use
   * @param cellsSeen cells some frame reached
   * @param cellsTotal cells of the profile
   * @param rulesNever the names of the rules no frame used, in the spec's order
   */
  public record Report(int rulesSeen, int rulesTotal, int cellsSeen, int cellsTotal, List<String> rulesNever) {}

  public Coverage(TcpMachine machine) {
    this.machine = machine;
  }

  /** Adds what {@code other} (another checker's, of the same profile) saw. */
  void add(Coverage other) {
    rules.or(other.rules);
    cells.or(other.cells);
  }

  void cell(TcpState s, TcpEvent e, int guards, TcpRule r) {
    rules.set(r.ordinal());
    cells.set(index(s, e, guards));
  }

  private static int index(TcpState s, TcpEvent e, int guards) {
    return ((s.ordinal() * EVENTS + e.ordinal()) << GUARD_BITS) | guards;
  }

  /** Enumerates the profile's cells, as {@code tcpfsm check} counts them, against what was seen. */
  public Report report() {
    BitSet all = new BitSet();
    int cellsTotal = 0;
    int cellsSeen = 0;
    for (TcpState s : TcpState.values()) {
      for (TcpEvent e : TcpEvent.values()) {
        int needed = machine.needed(s, e);
        // every subset of the guards the cell reads: one cell each
        for (int g = needed; ; g = (g - 1) & needed) {
          all.set(machine.step(s, e, g).rule().ordinal());
          cellsTotal++;
          if (cells.get(index(s, e, g))) {
            cellsSeen++;
          }
          if (g == 0) {
            break;
          }
        }
      }
    }
    List<String> never = new ArrayList<>();
    int seen = 0;
    for (TcpRule r : TcpRule.values()) {
      if (all.get(r.ordinal())) {
        if (rules.get(r.ordinal())) {
          seen++;
        } else {
          never.add(r.specName());
        }
      }
    }
    return new Report(seen, all.cardinality(), cellsSeen, cellsTotal, List.copyOf(never));
  }
}
