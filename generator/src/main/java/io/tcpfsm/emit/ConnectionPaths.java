package io.tcpfsm.emit;

import io.tcpfsm.analysis.CellsFile;
import io.tcpfsm.model.Event;
import io.tcpfsm.model.EventKind;
import io.tcpfsm.model.Machine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a real TCP connection (the runtime's {@code Host} and {@code Connection}) is brought into
 * each cell of a profile: a shortest path from CLOSED, found by breadth-first search over the
 * answer key's own cells, or the reason no real connection gets there.
 *
 * <p>A search node is the cell's state together with what the path made true of the connection
 * that the key's guards read or the runtime's timers follow: whether it came from a passive open,
 * whether text waits for RECEIVE, whether a SEND is queued, whether anything is unacknowledged
 * (the runtime's RFC 6298 retransmission timer runs exactly then), which of the model's other
 * timers run, and whether there is a connection object to call. Each step's effect on these is
 * read from the key's actions for that step ({@code set SND.NXT = ...}, {@code deliver},
 * {@code timer start ...}, {@code delete tcb}). Timeouts end a path, never lie on one: the path
 * takes no virtual time, so only the timer the cell names is due.
 *
 * <p>This is TCP-specific on purpose (guard and variable names of {@code spec/tcp.fsm}, the
 * runtime's API): it is used only when a build names a connection driver.
 */
final class ConnectionPaths {
  /** What the path made true. */
  record Node(String state, boolean passive, boolean conn, boolean flight, boolean textPending,
      boolean sendPending, boolean user, boolean timeWait) {}

  /** A cell's way in: the key's rows from CLOSED to the cell's state, or why there is none. */
  record Way(List<CellsFile.Row> path, String disabled) {
    static Way of(List<CellsFile.Row> path) {
      return new Way(List.copyOf(path), null);
    }

    static Way not(String reason) {
      return new Way(List.of(), reason);
    }
  }

  private static final Node FRESH = new Node("CLOSED", false, false, false, false, false, false, false);

  private final Machine m;
  private final String profile;
  private final List<CellsFile.Row> rows;
  /** Every node the search reached, in the order reached (so the first that fits is nearest). */
  private final List<Node> order = new ArrayList<>();
  private final Map<Node, Node> parent = new HashMap<>();
  private final Map<Node, CellsFile.Row> via = new HashMap<>();

  ConnectionPaths(Machine m, String profile, List<CellsFile.Row> rows) {
    this.m = m;
    this.profile = profile;
    this.rows = rows;
    search();
  }

  private void search() {
    Map<String, List<CellsFile.Row>> byState = new LinkedHashMap<>();
    for (CellsFile.Row r : rows) {
      byState.computeIfAbsent(r.state(), k -> new ArrayList<>()).add(r);
    }
    Deque<Node> queue = new ArrayDeque<>();
    queue.add(FRESH);
    parent.put(FRESH, null);
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      order.add(n);
      if (n.sendPending()) {
        continue; // a queued SEND is flushed by the next step into ESTABLISHED: it ends a path
      }
      for (CellsFile.Row r : byState.getOrDefault(n.state(), List.of())) {
        if (kind(r) == EventKind.TIMEOUT || UndrivableCells.reason(profile, r) != null || fits(n, r) != null) {
          continue;
        }
        Node next = after(n, r);
        if (!parent.containsKey(next)) {
          parent.put(next, n);
          via.put(next, r);
          queue.add(next);
        }
      }
    }
  }

  /** The shortest way into {@code cell}, or the reason there is none. */
  Way way(CellsFile.Row cell) {
    String fixed = UndrivableCells.reason(profile, cell);
    if (fixed != null) {
      return Way.not(fixed);
    }
    List<Node> inState = order.stream().filter(n -> n.state().equals(cell.state())).toList();
    if (inState.isEmpty()) {
      String declared = m.profile(profile).flatMap(p -> p.unreachable().stream()
          .filter(u -> u.state().name().equals(cell.state())).findFirst()).map(u -> " (the profile declares it unreachable: " + u.reason() + ")").orElse("");
      return Way.not("no path from CLOSED reaches " + cell.state() + " in profile " + profile + declared);
    }
    String why = null;
    for (Node n : inState) {
      String misfit = fits(n, cell);
      if (misfit == null) {
        return Way.of(pathTo(n));
      }
      if (why == null || rank(misfit) > rank(why)) {
        why = misfit;
      }
    }
    String timer = cell.rule().equals("timer_not_running") ? "; a timer that is not running does not expire (rule timer_not_running)" : "";
    return Way.not("no path from CLOSED reaches " + cell.state() + " with " + why + " in profile " + profile + timer);
  }

  /** Which of the ways a cell is missed says most: the one that got furthest. */
  private static int rank(String misfit) {
    return misfit.startsWith("unacknowledged data") ? 1 : 0;
  }

  private List<CellsFile.Row> pathTo(Node n) {
    List<CellsFile.Row> path = new ArrayList<>();
    for (Node at = n; parent.get(at) != null; at = parent.get(at)) {
      path.add(0, via.get(at));
    }
    return path;
  }

  /** Null if the runtime can take {@code r} from {@code n}, else what is missing (for the reason). */
  private String fits(Node n, CellsFile.Row r) {
    Map<String, Boolean> g = r.guards();
    if (g.containsKey("passive_open") && g.get("passive_open") != n.passive()) {
      return "passive_open " + g.get("passive_open");
    }
    if (g.containsKey("text_pending") && g.get("text_pending") != n.textPending()) {
      return "text_pending " + g.get("text_pending");
    }
    if (g.containsKey("send_pending") && g.get("send_pending") != n.sendPending()) {
      return "send_pending " + g.get("send_pending");
    }
    boolean fresh = !n.conn() && n.state().equals("CLOSED") && !n.passive();
    switch (kind(r)) {
      case CALL -> {
        if (r.event().startsWith("OPEN_") && n.state().equals("CLOSED")) {
          return fresh ? null : "no connection yet (the runtime's OPEN makes one)";
        }
        if (r.event().equals("OPEN_PASSIVE") && n.state().equals("LISTEN")) {
          return n.conn() ? "the listening port itself (a second Host.listen), not a connection" : null;
        }
        return n.conn() ? null : "a connection to call";
      }
      case SEGMENT -> {
        return n.state().equals("CLOSED") && n.passive() ? "its port not listening" : null;
      }
      default -> {
        return switch (r.event()) {
          case "TIMEOUT_RETRANSMIT" -> n.flight() ? null : "its RETRANSMIT timer running (something unacknowledged: RFC 6298 5.1, 5.2)";
          case "TIMEOUT_TIME_WAIT" -> n.timeWait() ? null : "its TIME_WAIT timer running";
          case "TIMEOUT_USER" -> !n.user() ? "its USER timer running"
              : !synchronizedState(n.state()) || n.flight() ? null
              : "unacknowledged data while the USER timer runs (the runtime's user timeout bounds how long data stays unacknowledged, RFC 9293 3.8.3 R2, RFC 5482; with nothing outstanding it waits again)";
          default -> "a timer the driver knows how to run";
        };
      }
    }
  }

  /** The node after {@code r}, its effects read from the key's actions. */
  private Node after(Node n, CellsFile.Row r) {
    String a = r.actions();
    boolean passive = n.passive() || r.event().equals("OPEN_PASSIVE");
    boolean conn = n.conn() || r.event().equals("OPEN_ACTIVE") || (n.state().equals("LISTEN") && !r.target().equals("LISTEN"));
    if (r.target().equals("LISTEN")) {
      conn = false; // a passive connection back in LISTEN is the listening port again
    }
    boolean fin = r.guards().getOrDefault("fin_acked", true);
    boolean flight = n.flight() && !(a.contains("set SND.UNA = SEG.ACK") && fin);
    if (a.contains("set SND.NXT = ISS+1") || a.contains("set SND.NXT = SND.NXT+1") || a.contains("set SND.NXT = SND.NXT+SEG.LEN")) {
      flight = true;
    }
    boolean text = n.textPending();
    if (kind(r) == EventKind.SEGMENT && a.contains("deliver") && r.guards().getOrDefault("has_data", false)) {
      text = true;
    }
    if (r.event().equals("RECEIVE") && a.contains("deliver")) {
      text = false;
    }
    boolean send = n.sendPending() || (r.event().equals("SEND") && a.contains("queue"));
    boolean user = timer(a, "USER", n.user());
    boolean timeWait = timer(a, "TIME_WAIT", n.timeWait());
    if (a.contains("delete tcb") || r.target().equals("LISTEN")) {
      // No TCB, or a passive connection back in LISTEN: the listening port again, whose next
      // child starts afresh.
      flight = user = timeWait = text = send = false;
    }
    return new Node(r.target(), passive, conn, flight, text, send, user, timeWait);
  }

  /** Whether {@code timer} runs after the actions {@code a}: the last start, restart or cancel decides. */
  private static boolean timer(String a, String timer, boolean before) {
    int start = Math.max(a.lastIndexOf("timer start " + timer + ";"), a.lastIndexOf("timer restart " + timer + ";"));
    start = Math.max(start, Math.max(endsAt(a, "timer start " + timer), endsAt(a, "timer restart " + timer)));
    int cancel = Math.max(a.lastIndexOf("timer cancel " + timer + ";"), endsAt(a, "timer cancel " + timer));
    if (start < 0 && cancel < 0) {
      return before;
    }
    return start > cancel;
  }

  private static int endsAt(String a, String s) {
    return a.endsWith(s) ? a.length() - s.length() : -1;
  }

  private static boolean synchronizedState(String s) {
    return !List.of("CLOSED", "LISTEN", "SYN_SENT", "SYN_RECV").contains(s);
  }

  private EventKind kind(CellsFile.Row r) {
    Optional<Event> e = m.event(r.event());
    return e.map(Event::kind).orElse(EventKind.SEGMENT);
  }
}
