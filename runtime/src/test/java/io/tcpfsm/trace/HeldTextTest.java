package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link HeldText}'s ranges, worked by hand: RCV.NXT 100 unless a test says otherwise. */
class HeldTextTest {
  @Test
  void reassemblyStopsAtTheFirstGap() {
    HeldText h = HeldText.NONE.plus(200, 300, 100).plus(300, 350, 100);
    assertThat(h.reach(100, 350)).as("100..199 never arrived").isEqualTo(100);
    assertThat(h.reach(200, 350)).as("the gap filled: 200..349 in order").isEqualTo(350);
  }

  @Test
  void rangesMergeWhereTheyOverlapOrTouchWhateverTheirOrder() {
    HeldText one = HeldText.NONE.plus(400, 500, 100).plus(200, 300, 100).plus(250, 400, 100);
    HeldText other = HeldText.NONE.plus(200, 500, 100);
    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one).hasToString("[200,500)");
  }

  @Test
  void rangesPassedByRcvNxtAreDropped() {
    HeldText h = HeldText.NONE.plus(200, 300, 100).plus(400, 500, 100);
    assertThat(h.from(300, 500)).hasToString("[400,500)");
    assertThat(h.from(250, 500)).as("a range RCV.NXT is inside stays").hasToString("[200,300) [400,500)");
    assertThat(h.from(500, 500)).isSameAs(HeldText.NONE);
    assertThat(h.from(250, 500).reach(250, 500)).isEqualTo(300);
  }

  @Test
  void sequenceOrderWrapsAroundZero() {
    long near = 0xFFFF_FF00L;
    HeldText h = HeldText.NONE.plus(0x10, 0x20, near).plus(0xFFFF_FFF0L, 0x10, near);
    assertThat(h).hasToString("[4294967280,32)");
    assertThat(h.reach(0xFFFF_FFF0L, 0x20)).isEqualTo(0x20);
  }

  @Test
  void pastTheBoundOnlyTheHighestEndIsKnown() {
    HeldText h = HeldText.NONE;
    for (int i = 0; i <= HeldText.MAX; i++) {
      h = h.plus(200 + 20L * i, 210 + 20L * i, 100);
    }
    assertThat(h.reach(100, 530)).as("coarse: any ACK up to RCV.HIGH, the old rule").isEqualTo(530);
    assertThat(h.from(300, 530)).as("still past RCV.NXT: still coarse").isSameAs(h);
    assertThat(h.from(530, 530)).as("RCV.NXT reached the highest end: nothing is held").isSameAs(HeldText.NONE);
    assertThat(HeldText.NONE.plus(600, 610, 530).reach(530, 610)).as("ranges again after").isEqualTo(530);
  }
}
