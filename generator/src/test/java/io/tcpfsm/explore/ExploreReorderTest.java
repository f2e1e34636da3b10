package io.tcpfsm.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.model.Machine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reordering is not vacuous once two segments may be in flight each way: A's FIN overtakes the
 * text A sent before it, which no in-order network allows (the text is ahead of the FIN in
 * the queue, and with retransmission excluded and one SEND per connection it is the only text).
 */
class ExploreReorderTest {
  private static final String OVERTAKE =
      "possible \"B takes A's FIN while A's text is still in flight\": B = CLOSE_WAIT and A->B has DATA without TIMEOUT_RETRANSMIT;";
  /** Two segments in flight each way, one SEND, no loss; cut early: the witness is 8 steps deep. */
  private static final ExploreConfig TWO_EACH_WAY = ExploreConfig.of("rfc9293").withBounds(2, 1, 300_000);
  /** Two segments in the whole network ({@code --in-flight 2}), one direction may hold both. */
  private static final ExploreConfig TWO_IN_THE_NETWORK = ExploreConfig.of("rfc9293").withBounds(1, 1, 300_000).withInFlight(2);

  @Test
  void finOvertakesTextOnlyWithReordering_twoEachWay() throws Exception {
    finOvertakesTextOnlyWithReordering(TWO_EACH_WAY);
  }

  @Test
  void finOvertakesTextOnlyWithReordering_twoInTheNetwork() throws Exception {
    finOvertakesTextOnlyWithReordering(TWO_IN_THE_NETWORK);
  }

  @Test
  void oneSegmentEachWayReordersNothing() throws Exception {
    Machine m = ExploreSpecs.bundled();
    Property p = ExploreSpecs.properties(m, OVERTAKE).get(0);
    ExploreConfig one = ExploreConfig.of("rfc9293").withBounds(1, 1, 300_000).withFaults(false, false, true);
    assertThat(one.canReorder()).isFalse();
    assertThat(new Checker(Explorer.explore(m, one)).check(p).holds()).isFalse();
  }

  private static void finOvertakesTextOnlyWithReordering(ExploreConfig config) throws Exception {
    Machine m = ExploreSpecs.bundled();
    Property p = ExploreSpecs.properties(m, OVERTAKE).get(0);
    Verdict reordered = new Checker(Explorer.explore(m, config.withFaults(false, false, true))).check(p);
    assertThat(reordered.holds()).isTrue();
    // The run itself shows the overtaking: A sent the text, then the FIN, and B took the FIN
    // with the text not yet delivered.
    List<Run.Step> steps = reordered.run().steps();
    int text = -1;
    int fin = -1;
    int finArrives = -1;
    boolean textArrived = false;
    for (int i = 0; i < steps.size(); i++) {
      Run.Step s = steps.get(i);
      for (int seg : s.sent()) {
        if (s.move().end() == 0 && Seg.data(seg) && text < 0) {
          text = i;
        }
        if (s.move().end() == 0 && Seg.has(seg, Seg.FIN) && fin < 0) {
          fin = i;
        }
      }
      if (s.move().end() == 1 && s.move().kind() == Move.Kind.DELIVER) {
        textArrived |= Seg.data(s.move().seg());
        if (Seg.has(s.move().seg(), Seg.FIN)) {
          finArrives = i;
        }
      }
    }
    assertThat(text).isNotNegative();
    assertThat(fin).isGreaterThan(text);
    assertThat(finArrives).isGreaterThan(fin);
    assertThat(textArrived).isFalse();

    Verdict inOrder = new Checker(Explorer.explore(m, config)).check(p);
    assertThat(inOrder.holds()).as("an in-order network keeps the text ahead of the FIN").isFalse();
  }
}
