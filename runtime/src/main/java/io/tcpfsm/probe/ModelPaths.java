package io.tcpfsm.probe;

import io.tcpfsm.machine.TcpMachine;
import io.tcpfsm.machine.TcpState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shortest sequence of {@link SetupStep}s that brings a connection from CLOSED to each state,
 * found by breadth-first search over the generated machine (not written by hand): each step is
 * the machine's {@code step} with the guards of a well-formed segment. Ties go to the step listed
 * first in {@link SetupStep}, so SYN-RECEIVED is reached from LISTEN.
 */
public final class ModelPaths {
  private final Map<TcpState, List<SetupStep>> paths = new EnumMap<>(TcpState.class);

  /**
   * A state, whether it came from a passive open, and whether the application holds a socket it
   * can CLOSE: from connect() at once, from listen() only once accept() can return it (a
   * synchronized state). Either is shut down only once synchronized.
   */
  private record Node(TcpState state, boolean passive, boolean socket) {}

  private static boolean synchronizedState(TcpState s) {
    return s != TcpState.CLOSED && s != TcpState.LISTEN && s != TcpState.SYN_SENT && s != TcpState.SYN_RECV;
  }

  public ModelPaths(TcpMachine machine) {
    Map<Node, Node> parent = new java.util.HashMap<>();
    Map<Node, SetupStep> via = new java.util.HashMap<>();
    Node start = new Node(TcpState.CLOSED, false, false);
    ArrayDeque<Node> queue = new ArrayDeque<>(List.of(start));
    parent.put(start, start);
    paths.put(TcpState.CLOSED, List.of());
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      for (SetupStep step : SetupStep.values()) {
        if (step == SetupStep.CLOSE && !(n.socket() && synchronizedState(n.state()))) {
          // shutdown() of a socket whose connect() has not completed fails (ENOTCONN)
          continue;
        }
        boolean passive = n.passive() || step == SetupStep.OPEN_PASSIVE;
        TcpState to = machine.step(n.state(), step.event(), step.guards(passive)).target();
        boolean socket = to != TcpState.CLOSED && (n.socket() || step == SetupStep.OPEN_ACTIVE || (passive && synchronizedState(to)));
        Node next = new Node(to, passive && to != TcpState.CLOSED, socket);
        if (!parent.containsKey(next)) {
          parent.put(next, n);
          via.put(next, step);
          queue.add(next);
          if (!paths.containsKey(to)) {
            List<SetupStep> path = new ArrayList<>();
            for (Node m = next; m != start; m = parent.get(m)) {
              path.add(via.get(m));
            }
            Collections.reverse(path);
            paths.put(to, List.copyOf(path));
          }
        }
      }
    }
  }

  /** The steps to {@code state}, or empty if the model cannot reach it with these steps. */
  public Optional<List<SetupStep>> to(TcpState state) {
    return Optional.ofNullable(paths.get(state));
  }
}
