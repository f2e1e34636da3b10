package io.tcpfsm.rto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 6298 section 5, rules 5.1 to 5.7, with the RFC's default 1 s initial RTO. */
class RetransmitTimerTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final RetransmitTimer timer = new RetransmitTimer(new RtoEstimator());

  @Test
  void rfc6298_5_aSegmentIsNeverRetransmittedLessThanOneRtoAfterItWasSent() {
    timer.sent(0, false);
    assertThat(timer.expired(999 * MS)).isFalse();
    assertThat(timer.deadline()).isEqualTo(1 * S);
    assertThat(timer.expired(1 * S)).isTrue();
    assertThat(new RetransmitTimer(new RtoEstimator()).expired(5 * S)).as("not running").isFalse();
  }

  @Test
  void rfc6298_5_1_sendingDataStartsTheTimerOnlyIfItIsNotRunning() {
    assertThat(timer.isRunning()).isFalse();
    timer.sent(100 * MS, false);
    assertThat(timer.deadline()).isEqualTo(1100 * MS); // 100 ms + RTO 1 s
    timer.sent(600 * MS, false);
    assertThat(timer.deadline()).isEqualTo(1100 * MS);
  }

  @Test
  void rfc6298_5_2_whenAllOutstandingDataIsAcknowledgedTheTimerStops() {
    timer.sent(0, false);
    timer.acknowledged(300 * MS, true, true);
    assertThat(timer.isRunning()).isFalse();
    assertThat(timer.deadline()).isEqualTo(RetransmitTimer.NOT_RUNNING);
  }

  @Test
  void rfc6298_5_3_anAckOfNewDataRestartsTheTimerWithTheCurrentRto() {
    timer.sent(0, false);
    timer.acknowledged(700 * MS, true, false);
    assertThat(timer.deadline()).isEqualTo(1700 * MS);
    timer.acknowledged(800 * MS, false, false); // a duplicate: nothing new, no restart
    assertThat(timer.deadline()).isEqualTo(1700 * MS);
  }

  @Test
  void rfc6298_5_4_onExpiryTheEarliestUnacknowledgedSegmentIsToBeRetransmitted() {
    timer.sent(0, false);
    assertThat(timer.expired(1 * S)).isTrue(); // true: retransmit the earliest segment now
  }

  @Test
  void rfc6298_5_5_onExpiryTheRtoDoubles() {
    timer.sent(0, false);
    timer.expired(1 * S);
    assertThat(timer.estimator().rto()).isEqualTo(2 * S);
    timer.expired(3 * S);
    assertThat(timer.estimator().rto()).isEqualTo(4 * S);
  }

  @Test
  void rfc6298_5_6_theTimerRestartsWithTheDoubledRto() {
    timer.sent(0, false);
    timer.expired(1 * S);
    assertThat(timer.deadline()).isEqualTo(1 * S + 2 * S);
    timer.sent(1 * S, false); // the retransmission itself: the timer is running, 5.1 leaves it
    assertThat(timer.deadline()).isEqualTo(3 * S);
    timer.expired(3 * S);
    assertThat(timer.deadline()).isEqualTo(3 * S + 4 * S);
  }

  @Test
  void rfc6298_5_7_afterASynTimeoutDataTransmissionBeginsWithThreeSeconds() {
    timer.sent(0, true); // SYN
    assertThat(timer.expired(1 * S)).isTrue(); // RTO 2 s
    timer.acknowledged(1500 * MS, true, true); // SYN,ACK acknowledges the SYN
    timer.handshakeCompleted();
    assertThat(timer.estimator().rto()).isEqualTo(3 * S);
    timer.sent(2 * S, false);
    assertThat(timer.deadline()).isEqualTo(5 * S);
  }

  @Test
  void rfc6298_5_7_aHandshakeWithoutSynTimeoutKeepsTheRto() {
    timer.sent(0, true);
    timer.acknowledged(200 * MS, true, true);
    timer.handshakeCompleted();
    assertThat(timer.estimator().rto()).isEqualTo(1 * S);
  }

  @Test
  void rfc6298_5_7_aDataTimeoutIsNotASynTimeout() {
    timer.sent(0, true);
    timer.acknowledged(100 * MS, true, true);
    timer.sent(200 * MS, false);
    timer.expired(1200 * MS); // a data segment's timer: RTO 2 s
    timer.handshakeCompleted(); // (a late call must not apply 5.7)
    assertThat(timer.estimator().rto()).isEqualTo(2 * S);
  }
}
