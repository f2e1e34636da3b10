package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpRule;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.wire.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A candidate changes its owed list in place only while no other candidate shares it: a copy and
 * its original each see only what they owed and answered themselves. The list's hash is {@link
 * List#hashCode}'s over its elements (the answer key: {@code List.of}'s), however it was changed.
 */
class OwedListTest {
  private static final TcpRule RULE = TcpRule.values()[0];
  private static final Owed O1 = new Owed(Segment.ACK, 1, 100, RULE);
  private static final Owed O2 = new Owed(Segment.ACK, 1, 200, RULE);
  private static final Owed O3 = new Owed(Segment.ACK, 1, 300, RULE);

  @Test
  void aCopyAndItsOriginalChangeApart() {
    Candidate c = new Candidate(TcpState.ESTABLISHED, 0);
    c.addOwed(O1);
    c.addOwed(O2);
    Candidate d = c.copy();
    c.addOwed(O3);
    assertThat(d.owed).containsExactly(O1, O2);
    assertThat(c.owed).containsExactly(O1, O2, O3);
    d.removeOwedAt(0);
    assertThat(d.owed).containsExactly(O2);
    assertThat(c.owed).containsExactly(O1, O2, O3);
    c.removeOwed(O2);
    c.addOwed(O1);
    assertThat(c.owed).containsExactly(O1, O3, O1);
    assertThat(d.owed).containsExactly(O2);
  }

  @Test
  void theHashIsTheListsWhateverTheChanges() {
    Candidate c = new Candidate(TcpState.ESTABLISHED, 0);
    for (Owed o : List.of(O1, O2, O3, O1, O2)) {
      c.addOwed(o);
    }
    c.removeOwedAt(1);
    c.removeOwed(O3);
    assertThat(c.owed.hashCode()).isEqualTo(List.of(O1, O1, O2).hashCode());
    Candidate fresh = new Candidate(TcpState.ESTABLISHED, 0);
    fresh.addOwed(O1);
    fresh.addOwed(O1);
    fresh.addOwed(O2);
    assertThat(c.owed.same(fresh.owed)).isTrue();
    c.removeOwedAt(0);
    c.removeOwedAt(0);
    c.removeOwedAt(0);
    assertThat(c.owed).isSameAs(OwedList.EMPTY);
    assertThat(OwedList.EMPTY.hashCode()).isEqualTo(List.of().hashCode());
  }

  /**
   * The count of segments other than a plain ACK, which the explainer reads instead of scanning, is
   * the count over the list (the answer key: a plain list changed the same way), through random
   * adds past the list's bound (the oldest dropped), removals, and copies that share the list.
   */
  @Test
  void theControlCountIsTheListsWhateverTheChanges() {
    Owed syn = new Owed(Segment.SYN | Segment.ACK, -1, 7, RULE);
    Owed rst = new Owed(Segment.RST, 5, -1, RULE);
    Owed fin = new Owed(Segment.FIN | Segment.ACK, 9, 7, RULE);
    List<Owed> kinds = List.of(O1, O2, O3, syn, rst, fin);
    Random rnd = new Random(1);
    Candidate c = new Candidate(TcpState.ESTABLISHED, 0);
    List<Owed> expected = new ArrayList<>();
    for (int step = 0; step < 5000; step++) {
      int r = rnd.nextInt(10);
      if (r < 6) {
        Owed o = kinds.get(rnd.nextInt(kinds.size()));
        c.addOwed(o);
        expected.add(o);
      } else if (r < 9 && !expected.isEmpty()) {
        int i = rnd.nextInt(expected.size());
        c.removeOwedAt(i);
        expected.remove(i);
      } else {
        c = c.copy(); // the list is shared now: the next change makes a new one
      }
      expected.subList(0, Math.max(0, expected.size() - c.owed.size())).clear(); // the oldest dropped at the bound
      assertThat(c.owed).containsExactlyElementsOf(expected);
      assertThat(c.owed.controls()).as("step %d", step).isEqualTo((int) expected.stream().filter(o -> o.flags() != Segment.ACK).count());
    }
  }
}
