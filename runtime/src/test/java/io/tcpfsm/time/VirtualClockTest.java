package io.tcpfsm.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VirtualClockTest {
  @Test
  void movesOnlyWhenAdvancedOrSet() {
    VirtualClock c = new VirtualClock(10);
    assertThat(c.nanos()).isEqualTo(10);
    assertThat(c.advance(5)).isEqualTo(15);
    c.set(15);
    c.set(40);
    assertThat(c.nanos()).isEqualTo(40);
  }

  @Test
  void refusesToGoBackwards() {
    VirtualClock c = new VirtualClock(10);
    assertThatThrownBy(() -> c.advance(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.set(9)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void systemClockNeverDecreases() {
    long a = SystemClock.INSTANCE.nanos();
    long b = SystemClock.INSTANCE.nanos();
    assertThat(b).isGreaterThanOrEqualTo(a);
  }
}
