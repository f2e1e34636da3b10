package io.tcpfsm.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimerWheelTest {
  private static final long MS = 1_000_000L;

  private final VirtualClock clock = new VirtualClock(5 * MS); // a non-zero origin on purpose
  private final TimerWheel wheel = new TimerWheel(MS, 64, clock.nanos());
  private final List<String> fired = new ArrayList<>();

  private TimerWheel.Timer named(String name) {
    return wheel.timer(now -> fired.add(name + "@" + (now - 5 * MS) / MS));
  }

  private void advanceTo(long msAfterOrigin) {
    clock.set(5 * MS + msAfterOrigin * MS);
    wheel.advance(clock.nanos());
  }

  private void assertWheelEmpty() {
    assertThat(wheel.size()).isZero();
    assertThat(wheel.nextDeadline()).isEqualTo(TimerWheel.NO_DEADLINE);
    for (int b = 0; b < wheel.buckets(); b++) {
      assertThat(wheel.bucketLength(b)).as("bucket %s", b).isZero();
    }
  }

  @Test
  void reschedulingTheEarliestTimerLaterMovesTheNextDeadline() {
    TimerWheel.Timer a = named("a");
    TimerWheel.Timer b = named("b");
    a.schedule(clock.nanos() + 10 * MS);
    b.schedule(clock.nanos() + 30 * MS);
    assertThat(wheel.nextDeadline()).isEqualTo(clock.nanos() + 10 * MS);
    a.schedule(clock.nanos() + 50 * MS); // a poll loop sleeping to a stale deadline spins forever
    assertThat(wheel.nextDeadline()).isEqualTo(clock.nanos() + 30 * MS);
  }

  @Test
  void aTimerRunsAtItsDeadlineAndNotBefore() {
    TimerWheel.Timer t = named("t");
    t.schedule(clock.nanos() + 10 * MS + 1); // mid-tick: exact deadline, not the tick's start
    advanceTo(10);
    assertThat(fired).isEmpty();
    clock.advance(1);
    wheel.advance(clock.nanos());
    assertThat(fired).containsExactly("t@10");
    assertThat(t.isScheduled()).isFalse();
    assertWheelEmpty();
  }

  @Test
  void oneAdvanceRunsDueTimersInDeadlineOrderAcrossBuckets() {
    long o = clock.nanos();
    named("c").schedule(o + 30 * MS);
    named("a").schedule(o + 3 * MS + 500);
    named("d").schedule(o + 63 * MS);
    named("b").schedule(o + 3 * MS + 100); // same tick as a, earlier deadline
    named("late").schedule(o + 64 * MS);
    advanceTo(63);
    assertThat(fired).containsExactly("b@63", "a@63", "c@63", "d@63");
    assertThat(wheel.size()).isEqualTo(1);
  }

  @Test
  void equalDeadlinesRunInTheOrderTheyWereScheduled() {
    long d = clock.nanos() + 7 * MS;
    for (String n : List.of("x", "y", "z", "w")) {
      named(n).schedule(d);
    }
    advanceTo(7);
    assertThat(fired).containsExactly("x@7", "y@7", "z@7", "w@7");
  }

  @Test
  void aTimerBeyondOneRevolutionWaitsOutItsRemainingRounds() {
    TimerWheel.Timer far = named("far");
    far.schedule(clock.nanos() + (2 * 64 + 5) * MS); // same bucket as tick 5, two rounds later
    TimerWheel.Timer near = named("near");
    near.schedule(clock.nanos() + 5 * MS);
    assertThat(far.remainingRounds()).isEqualTo(2);
    assertThat(near.remainingRounds()).isZero();
    advanceTo(5);
    assertThat(fired).containsExactly("near@5");
    advanceTo(64 + 5);
    assertThat(far.remainingRounds()).isEqualTo(1);
    assertThat(fired).containsExactly("near@5");
    advanceTo(2 * 64 + 4);
    assertThat(fired).containsExactly("near@5");
    advanceTo(2 * 64 + 5);
    assertThat(fired).containsExactly("near@5", "far@133");
  }

  @Test
  void oneLargeJumpRunsEveryDueTimerOnceInDeadlineOrder() {
    SplittableRandom random = new SplittableRandom(42);
    List<Long> deadlines = new ArrayList<>();
    List<Long> order = new ArrayList<>();
    long o = clock.nanos();
    for (int i = 0; i < 5_000; i++) {
      long d = o + random.nextLong(0, 1_000 * MS); // about 15 revolutions of 64 ticks
      deadlines.add(d);
      wheel.timer(now -> order.add(d)).schedule(d);
    }
    long now = o + 600 * MS;
    wheel.advance(now);
    List<Long> expected = deadlines.stream().filter(d -> d <= now).sorted(Comparator.naturalOrder()).toList();
    assertThat(order).isEqualTo(expected);
    assertThat(wheel.size()).isEqualTo(5_000 - expected.size());
    wheel.advance(o + 1_000 * MS);
    assertThat(order).hasSize(5_000).isSorted();
    assertWheelEmpty();
  }

  @Test
  void aCancelledTimerNeverRunsAndCancellingTwiceReportsFalse() {
    TimerWheel.Timer t = named("t");
    t.schedule(clock.nanos() + 3 * MS);
    assertThat(t.cancel()).isTrue();
    assertThat(t.cancel()).isFalse();
    advanceTo(10);
    assertThat(fired).isEmpty();
    assertWheelEmpty();
  }

  @Test
  void reschedulingMovesTheTimerAndItRunsOnce() {
    TimerWheel.Timer t = named("t");
    t.schedule(clock.nanos() + 3 * MS);
    t.schedule(clock.nanos() + 40 * MS);
    t.schedule(clock.nanos() + 20 * MS);
    assertThat(wheel.size()).isEqualTo(1);
    advanceTo(19);
    assertThat(fired).isEmpty();
    advanceTo(50);
    assertThat(fired).containsExactly("t@50");
    assertWheelEmpty();
  }

  @Test
  void aMillionStartCancelCyclesOnOneHandleLeaveTheWheelEmpty() {
    TimerWheel.Timer t = named("t");
    long o = clock.nanos();
    for (int i = 0; i < 1_000_000; i++) {
      t.schedule(o + (i % 5_000) * MS);
      assertThat(t.cancel()).isTrue();
    }
    assertWheelEmpty();
    advanceTo(10_000);
    assertThat(fired).isEmpty();
  }

  @Test
  void aMillionFreshTimersStartedAndCancelledLeaveTheWheelEmpty() {
    long o = clock.nanos();
    TimerWheel.Timer[] window = new TimerWheel.Timer[1_000]; // up to 1000 pending at once
    for (int i = 0; i < 1_000_000; i++) {
      int slot = i % window.length;
      if (window[slot] != null) {
        assertThat(window[slot].cancel()).isTrue();
      }
      window[slot] = named("t" + slot);
      window[slot].schedule(o + (1 + (i * 7919L) % 100_000) * MS);
    }
    assertThat(wheel.size()).isEqualTo(1_000);
    for (TimerWheel.Timer t : window) {
      t.cancel();
    }
    assertWheelEmpty();
  }

  @Test
  void nextDeadlineIsTheEarliestAfterAddsCancelsAndRuns() {
    long o = clock.nanos();
    assertThat(wheel.nextDeadline()).isEqualTo(TimerWheel.NO_DEADLINE);
    TimerWheel.Timer a = named("a");
    TimerWheel.Timer b = named("b");
    TimerWheel.Timer c = named("c");
    a.schedule(o + 500 * MS + 3); // beyond one revolution
    assertThat(wheel.nextDeadline()).isEqualTo(o + 500 * MS + 3);
    b.schedule(o + 20 * MS + 7);
    c.schedule(o + 9 * MS);
    assertThat(wheel.nextDeadline()).isEqualTo(o + 9 * MS);
    c.cancel();
    assertThat(wheel.nextDeadline()).isEqualTo(o + 20 * MS + 7);
    advanceTo(30);
    assertThat(wheel.nextDeadline()).isEqualTo(o + 500 * MS + 3);
  }

  @Test
  void aTaskMayRescheduleItselfForAPeriodicTimer() {
    long o = clock.nanos();
    List<Long> runs = new ArrayList<>();
    TimerWheel.Timer[] self = new TimerWheel.Timer[1];
    self[0] = wheel.timer(now -> {
      runs.add((now - o) / MS);
      if (runs.size() < 4) {
        self[0].schedule(now + 25 * MS);
      }
    });
    self[0].schedule(o + 25 * MS);
    for (int ms = 1; ms <= 200; ms++) {
      advanceTo(ms);
    }
    assertThat(runs).containsExactly(25L, 50L, 75L, 100L);
    assertWheelEmpty();
  }

  @Test
  void aTaskThatCancelsATimerDueInTheSameAdvanceStopsIt() {
    long o = clock.nanos();
    TimerWheel.Timer second = named("second");
    wheel.timer(now -> {
      fired.add("first");
      second.cancel();
    }).schedule(o + 2 * MS);
    second.schedule(o + 3 * MS);
    advanceTo(5);
    assertThat(fired).containsExactly("first");
    assertWheelEmpty();
  }

  @Test
  void aTimerScheduledInThePastRunsAtTheNextAdvance() {
    advanceTo(100);
    TimerWheel.Timer t = named("t");
    t.schedule(clock.nanos() - 50 * MS);
    assertThat(wheel.nextDeadline()).isEqualTo(clock.nanos() - 50 * MS);
    wheel.advance(clock.nanos());
    assertThat(fired).containsExactly("t@100");
  }

  @Test
  void whenATaskThrowsTheTimersNotYetRunStayScheduled() {
    long o = clock.nanos();
    wheel.timer(now -> {
      throw new IllegalStateException("boom");
    }).schedule(o + 1 * MS);
    named("after").schedule(o + 2 * MS);
    clock.set(o + 5 * MS);
    assertThatThrownBy(() -> wheel.advance(clock.nanos())).hasMessage("boom");
    assertThat(wheel.size()).isEqualTo(1);
    wheel.advance(clock.nanos());
    assertThat(fired).containsExactly("after@5");
  }

  @Test
  void advanceFromInsideATaskIsRefused() {
    wheel.timer(now -> wheel.advance(now)).schedule(clock.nanos());
    assertThatThrownBy(() -> wheel.advance(clock.nanos())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void bucketsMustBeAPowerOfTwoAndTheTickPositive() {
    assertThatThrownBy(() -> new TimerWheel(MS, 100, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TimerWheel(0, 64, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deadlinesNearTheEndsOfTheLongRangeDoNotOverflow() {
    TimerWheel w = new TimerWheel(MS, 8, Long.MIN_VALUE / 2);
    List<String> r = new ArrayList<>();
    w.timer(now -> r.add("max")).schedule(Long.MAX_VALUE - 1);
    w.timer(now -> r.add("now")).schedule(0);
    w.advance(0);
    assertThat(r).containsExactly("now");
    assertThat(w.nextDeadline()).isEqualTo(Long.MAX_VALUE - 1);
  }
}
