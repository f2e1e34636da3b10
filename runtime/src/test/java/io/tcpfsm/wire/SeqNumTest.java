package io.tcpfsm.wire;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Modulo-2^32 comparisons (RFC 9293 §3.4), concentrated on the wrap boundary. */
class SeqNumTest {
  /** Numbers near 0 and 2^32-1, where unsigned and modular order disagree, plus anything. */
  @Provide
  Arbitrary<Integer> seqs() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-1000, 1000),
        Arbitraries.integers().between(Integer.MAX_VALUE - 1000, Integer.MAX_VALUE),
        Arbitraries.integers());
  }

  @Provide
  Arbitrary<Integer> distances() {
    return Arbitraries.integers().between(1, Integer.MAX_VALUE);
  }

  @Property(seed = "9293")
  void addingAPositiveDistanceBelowHalfTheSpaceMakesALargerNumber(@ForAll("seqs") int a, @ForAll("distances") int d) {
    int b = SeqNum.add(a, d);
    assertThat(SeqNum.lt(a, b)).isTrue();
    assertThat(SeqNum.leq(a, b)).isTrue();
    assertThat(SeqNum.gt(b, a)).isTrue();
    assertThat(SeqNum.geq(b, a)).isTrue();
    assertThat(SeqNum.lt(b, a)).isFalse();
    assertThat(SeqNum.diff(b, a)).isEqualTo(d);
  }

  @Property(seed = "9293")
  void betweenMatchesUnwrappedArithmetic(@ForAll("seqs") int low, @ForAll("offsetsInWindow") int dx, @ForAll("offsetsInWindow") int dh) {
    int x = low + dx;
    int high = low + dh;
    // Unwrapped: low < x <= high with both offsets measured from low.
    boolean expected = dx > 0 && dx <= dh;
    assertThat(SeqNum.between(low, x, high)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Integer> offsetsInWindow() {
    return Arbitraries.integers().between(0, 1 << 20);
  }

  @Property(seed = "9293")
  void inWindowMatchesUnwrappedArithmetic(@ForAll("seqs") int start, @ForAll("offsetsInWindow") int dx, @ForAll("offsetsInWindow") int size) {
    assertThat(SeqNum.inWindow(start + dx, start, size)).isEqualTo(dx < size);
  }

  @Test
  void wrapBoundary() {
    int max = 0xFFFFFFFF; // 2^32 - 1
    assertThat(SeqNum.lt(max, 0)).isTrue();
    assertThat(SeqNum.lt(0, max)).isFalse();
    assertThat(SeqNum.between(max - 1, 0, 1)).isTrue();
    assertThat(SeqNum.between(max - 1, max - 1, 1)).isFalse();
    assertThat(SeqNum.inWindow(2, max, 4)).isTrue();
    assertThat(SeqNum.inWindow(3, max, 4)).isFalse();
    assertThat(SeqNum.inWindow(max, max, 0)).isFalse();
    assertThat(SeqNum.add(max, 1)).isZero();
    assertThat(SeqNum.unsigned(max)).isEqualTo(4294967295L);
  }
}
