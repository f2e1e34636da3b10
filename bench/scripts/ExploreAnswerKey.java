// The answer key of ExploreRunsTest.countsAreThoseOfTheUnreducedExplorerMappedThroughTheReductions:
// the explorer of commit 91e942b (no memo, no reductions) explores, and its joint states are
// mapped through the reductions the explorer makes now (passive-open flag cleared outside
// SYN-RECEIVED; a state and its mirror image one). Not part of the build. To rerun, from the
// repository's root:
//   git worktree add /tmp/old 91e942b && (cd /tmp/old && mvn -B -q -o -Dmaven.test.skip=true -pl cli -am package)
//   mkdir -p /tmp/old-classes && (cd /tmp/old-classes && unzip -q -o /tmp/old/cli/target/tcpfsm.jar)
//   javac -d /tmp/old-out -cp /tmp/old-classes bench/scripts/ExploreAnswerKey.java
//   java -Xmx4g -cp /tmp/old-out:/tmp/old-classes io.tcpfsm.explore.Project rfc9293 1 0 -   # then: rfc9293 1 0 ld, rfc793 1 0 ld
// Printed on 2026-12-01: 109,689 -> 84,113 -> 42,114; 182,229 -> 131,137 -> 65,657; 188,737 -> 137,369 -> 68,773.
package io.tcpfsm.explore;

import io.tcpfsm.validate.Validator;
import java.nio.file.*;
import java.util.*;

/** The old explorer's reachable set, projected: passive cleared outside SYN_RECV, a state and its mirror image one. */
public class Project {
  public static void main(String[] args) throws Exception {
    Validator.Result r = Validator.check("spec/tcp.fsm", Files.readString(Path.of("spec/tcp.fsm")));
    String prof = args[0];
    int cap = Integer.parseInt(args[1]);
    int sends = Integer.parseInt(args[2]);
    ExploreConfig c = new ExploreConfig(prof, prof, args[3].contains("l"), args[3].contains("d"), args[3].contains("r"), cap, sends, 4, 5_000_000);
    StateGraph g = Explorer.explore(r.machine(), c);
    Table t = g.composition.tables[0];
    int synRecv = t.state("SYN_RECV");
    Set<List<Long>> seen = new HashSet<>();
    Set<List<Long>> unreduced = new HashSet<>();
    for (int id = 0; id < g.stateCount(); id++) {
      long a = clear(g.states.get(id, 0), synRecv), b = clear(g.states.get(id, 1), synRecv);
      long ab = g.states.get(id, 2), ba = g.states.get(id, 3);
      unreduced.add(List.of(a, b, ab, ba));
      boolean swap = b != a ? Long.compareUnsigned(b, a) < 0 : Long.compareUnsigned(ba, ab) < 0;
      seen.add(swap ? List.of(b, a, ba, ab) : List.of(a, b, ab, ba));
    }
    System.out.printf("%s cap %d sends %d %s: old %,d states; passive cleared %,d; and mirror images one %,d%n", prof, cap, sends, args[3], g.stateCount(), unreduced.size(), seen.size());
  }

  static long clear(long v, int synRecv) {
    return End.state(v) == synRecv ? v : v & ~(1L << 32);
  }
}
