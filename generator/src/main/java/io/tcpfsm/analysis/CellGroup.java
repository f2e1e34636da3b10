package io.tcpfsm.analysis;

import io.tcpfsm.model.Event;
import io.tcpfsm.model.State;
import java.util.List;
import java.util.Map;

/**
 * The cells of one state × event: one per valuation of {@code guards} (the guards that any
 * applicable transition tests, in declaration order). Cell {@code i} gives guard {@code j} the
 * value of bit {@code j} of {@code i}.
 */
public record CellGroup(State state, Event event, List<String> guards, List<Cell> cells) {
  public CellGroup {
    guards = List.copyOf(guards);
    cells = List.copyOf(cells);
  }

  /** The cell for a full valuation of {@link #guards()}. */
  public Cell cell(Map<String, Boolean> valuation) {
    int index = 0;
    for (int j = 0; j < guards.size(); j++) {
      if (Boolean.TRUE.equals(valuation.get(guards.get(j)))) {
        index |= 1 << j;
      }
    }
    return cells.get(index);
  }
}
