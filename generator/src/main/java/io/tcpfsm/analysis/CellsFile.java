package io.tcpfsm.analysis;

import io.tcpfsm.model.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A profile's cells as text, one line per cell: state, event, guard valuation, target, actions and
 * rule, separated by tabs. {@code explain --all} prints it; committed beside a spec
 * ({@code tcp.rfc9293.cells}) it is the reviewed answer key the generated cell tests assert, so a
 * behavioural change to the spec shows as a diff of this file.
 */
public final class CellsFile {
  /** The file name of a profile's answer key beside its spec: {@code tcp.fsm} -> {@code tcp.rfc9293.cells}. */
  public static String fileName(String specFileName, String profile) {
    String base = specFileName.endsWith(".fsm") ? specFileName.substring(0, specFileName.length() - 4) : specFileName;
    return base + "." + profile + ".cells";
  }

  private CellsFile() {}

  /** One cell. {@code guards} keeps the file's order; {@code actions} is as the spec renders them, joined by "; ". */
  public record Row(int line, String state, String event, Map<String, Boolean> guards, String target, String actions, String rule) {}

  /** Every cell of {@code table}, states in declaration order, events in alphabet order. */
  public static String write(ProfileTable table) {
    StringBuilder sb = new StringBuilder();
    sb.append("# profile ").append(table.profile()).append(" of machine ").append(table.machine().name())
        .append(": state, event, guards (! = false), target, actions, rule; one line per cell\n");
    for (CellGroup g : table.groups()) {
      for (Cell c : g.cells()) {
        sb.append(c.state().name()).append('\t').append(c.event().name()).append('\t')
            .append(guards(c.guards())).append('\t')
            .append(c.covered() ? c.target().name() : "?").append('\t')
            .append(c.covered() ? actions(c.transition().actions()) : "?").append('\t')
            .append(c.covered() ? c.transition().name() : "?").append('\n');
      }
    }
    return sb.toString();
  }

  /** {@code seq_acceptable !passive_open}, or {@code -} for no guards. */
  static String guards(Map<String, Boolean> valuation) {
    if (valuation.isEmpty()) {
      return "-";
    }
    return valuation.entrySet().stream().map(e -> (e.getValue() ? "" : "!") + e.getKey()).collect(Collectors.joining(" "));
  }

  /** The actions as the spec writes them, joined by "; ", or {@code -} for none. */
  public static String actions(List<Action> actions) {
    return actions.isEmpty() ? "-" : actions.stream().map(Action::render).collect(Collectors.joining("; "));
  }

  /**
   * Reads a cells file.
   *
   * @throws IllegalArgumentException naming {@code source} and the line, for a line that is not a cell
   */
  public static List<Row> parse(String source, String text) {
    List<Row> rows = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 6) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": a cell has 6 tab-separated fields (state, event, guards, target, actions, rule); this line has " + f.length);
      }
      Map<String, Boolean> guards = new LinkedHashMap<>();
      if (!f[2].equals("-")) {
        for (String g : f[2].split(" ")) {
          boolean holds = !g.startsWith("!");
          guards.put(holds ? g : g.substring(1), holds);
        }
      }
      rows.add(new Row(i + 1, f[0], f[1], guards, f[3], f[4], f[5]));
    }
    return rows;
  }
}
