package io.tcpfsm.congestion;

import static io.tcpfsm.congestion.CongestionControl.Reaction.NONE;
import static io.tcpfsm.congestion.CongestionControl.Reaction.RETRANSMIT;
import static io.tcpfsm.congestion.CongestionControl.Reaction.RETRANSMIT_AND_RESTART_TIMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.congestion.NewReno.FullAckDeflation;
import org.junit.jupiter.api.Test;

/**
 * RFC 5681 sections 3.1 and 3.2 and RFC 6582 section 3.2, one test per clause. SMSS is 1000
 * bytes and the ISS 0, so data starts at sequence 1; expected windows are worked out by hand.
 */
class NewRenoTest {
  private static final int SMSS = 1000;

  private static NewReno reno() {
    return new NewReno(SMSS, 0);
  }

  /** A sender with cwnd 10000 and ssthresh 10000 (congestion avoidance), 10 segments out. */
  private static NewReno inCongestionAvoidance(FullAckDeflation deflation) {
    NewReno r = new NewReno(SMSS, 0, 10_000, deflation);
    for (int i = 0; i < 6; i++) {
      r.onAck(1 + (i + 1) * SMSS, SMSS, 4000); // slow start: 4000 -> 10000
    }
    assertThat(r.cwnd()).isEqualTo(10_000);
    return r;
  }

  /** Three duplicate ACKs at ack 6001 with 10000 bytes out and SND.NXT 16001. */
  private static NewReno inFastRecovery(FullAckDeflation deflation) {
    NewReno r = inCongestionAvoidance(deflation);
    r.onDuplicateAck(6001, 10_000, 16_001);
    r.onDuplicateAck(6001, 10_000, 16_001);
    assertThat(r.onDuplicateAck(6001, 10_000, 16_001)).isEqualTo(RETRANSMIT);
    return r;
  }

  @Test
  void rfc5681_3_1_initialWindowIsFourSegmentsForSmssUpTo1095() {
    assertThat(NewReno.initialWindow(1095)).isEqualTo(4 * 1095);
    assertThat(NewReno.initialWindow(536)).isEqualTo(4 * 536);
    assertThat(reno().cwnd()).isEqualTo(4000);
  }

  @Test
  void rfc5681_3_1_initialWindowIsThreeSegmentsForSmssAbove1095UpTo2190() {
    assertThat(NewReno.initialWindow(1096)).isEqualTo(3 * 1096);
    assertThat(NewReno.initialWindow(1460)).isEqualTo(4380);
    assertThat(NewReno.initialWindow(2190)).isEqualTo(3 * 2190);
  }

  @Test
  void rfc5681_3_1_initialWindowIsTwoSegmentsForSmssAbove2190() {
    assertThat(NewReno.initialWindow(2191)).isEqualTo(2 * 2191);
    assertThat(NewReno.initialWindow(8960)).isEqualTo(17_920);
  }

  @Test
  void rfc5681_3_1_initialSsthreshIsArbitrarilyHigh() {
    assertThat(reno().ssthresh()).isEqualTo(65_535L * 16_384); // the largest advertised window
  }

  @Test
  void rfc5681_3_1_afterALostSynTheInitialWindowIsOneSegment() {
    NewReno r = reno();
    r.synRetransmitted();
    assertThat(r.cwnd()).isEqualTo(1000);
  }

  @Test
  void rfc5681_3_1_aSmallerSegmentSizeReducesCwndByTheRatio() {
    NewReno r = reno(); // 4000 bytes = 4 segments of 1000
    r.segmentSizeReduced(500);
    assertThat(r.cwnd()).isEqualTo(2000); // 4000 * 500 / 1000: still 4 segments
  }

  @Test
  void rfc5681_3_1_slowStartGrowsCwndByMinOfBytesAckedAndSmss() {
    NewReno r = reno();
    r.onAck(1001, 1000, 3000);
    assertThat(r.cwnd()).isEqualTo(5000); // 4000 + min(1000, 1000)
    r.onAck(1301, 300, 2700); // ACK division: only 300 bytes
    assertThat(r.cwnd()).isEqualTo(5300); // + min(300, 1000)
    r.onAck(4301, 3000, 0); // a stretch ACK
    assertThat(r.cwnd()).isEqualTo(6300); // + min(3000, 1000)
  }

  @Test
  void rfc5681_3_1_slowStartBelowSsthreshCongestionAvoidanceFromSsthreshOn() {
    NewReno r = new NewReno(SMSS, 0, 6000, FullAckDeflation.SSTHRESH);
    r.onAck(1001, 1000, 3000);
    assertThat(r.cwnd()).isEqualTo(5000); // 4000 < 6000: slow start
    r.onAck(2001, 1000, 3000);
    assertThat(r.cwnd()).isEqualTo(6000); // 5000 < 6000: slow start
    r.onAck(3001, 1000, 3000);
    assertThat(r.cwnd()).isEqualTo(6000); // 6000 == ssthresh: congestion avoidance, 1000 of 6000 counted
  }

  @Test
  void rfc5681_3_1_congestionAvoidanceAddsOneSmssPerCwndOfBytesAcknowledged() {
    NewReno r = inCongestionAvoidance(FullAckDeflation.SSTHRESH); // cwnd = ssthresh = 10000
    int ack = 7001;
    for (int i = 0; i < 9; i++) {
      r.onAck(ack += 1000, 1000, 9000);
      assertThat(r.cwnd()).isEqualTo(10_000); // 1000 .. 9000 bytes counted
    }
    r.onAck(ack += 1000, 1000, 9000);
    assertThat(r.cwnd()).isEqualTo(11_000); // 10000 counted: + SMSS, count back to 0
    for (int i = 0; i < 10; i++) {
      r.onAck(ack += 500, 500, 9000); // delayed-ACK sized halves: 5000 counted
    }
    assertThat(r.cwnd()).isEqualTo(11_000);
    for (int i = 0; i < 12; i++) {
      r.onAck(ack += 500, 500, 9000); // 11000 counted
    }
    assertThat(r.cwnd()).isEqualTo(12_000);
  }

  @Test
  void rfc5681_3_1_congestionAvoidanceNeverAddsMoreThanOneSmssForOneAck() {
    NewReno r = inCongestionAvoidance(FullAckDeflation.SSTHRESH);
    r.onAck(40_001, 30_000, 0); // three windows in one stretch ACK
    assertThat(r.cwnd()).isEqualTo(11_000);
  }

  @Test
  void rfc5681_3_1_aTimeoutSetsSsthreshToHalfTheFlightSizeButAtLeastTwoSegments() {
    NewReno r = reno();
    r.onRetransmitTimeout(9000, 9001);
    assertThat(r.ssthresh()).isEqualTo(4500); // max(9000 / 2, 2 * 1000)
    NewReno small = reno();
    small.onRetransmitTimeout(3000, 3001);
    assertThat(small.ssthresh()).isEqualTo(2000); // max(1500, 2000)
  }

  @Test
  void rfc5681_3_1_aTimeoutUsesFlightSizeNotCwnd() {
    NewReno r = inCongestionAvoidance(FullAckDeflation.SSTHRESH); // cwnd 10000
    r.onRetransmitTimeout(6000, 13_001);
    assertThat(r.ssthresh()).isEqualTo(3000); // FlightSize 6000 / 2, not cwnd 10000 / 2
  }

  @Test
  void rfc5681_3_1_aTimeoutSetsCwndToTheLossWindowOfOneSegment() {
    NewReno r = inCongestionAvoidance(FullAckDeflation.SSTHRESH);
    r.onRetransmitTimeout(10_000, 17_001);
    assertThat(r.cwnd()).isEqualTo(1000);
  }

  @Test
  void rfc5681_3_1_aSecondTimeoutOfTheSameSegmentHoldsSsthresh() {
    NewReno r = reno();
    r.onRetransmitTimeout(10_000, 10_001);
    assertThat(r.ssthresh()).isEqualTo(5000);
    r.onRetransmitTimeout(1000, 10_001); // the same segment timed out again
    assertThat(r.ssthresh()).isEqualTo(5000);
    r.onAck(1001, 1000, 9000); // new data acknowledged: the next timeout is a new loss
    r.onRetransmitTimeout(9000, 10_001);
    assertThat(r.ssthresh()).isEqualTo(4500);
  }

  @Test
  void rfc5681_3_1_afterATimeoutSlowStartRunsUpToSsthreshThenCongestionAvoidance() {
    NewReno r = reno();
    r.onRetransmitTimeout(6000, 6001); // ssthresh 3000, cwnd 1000
    r.onAck(1001, 1000, 5000);
    assertThat(r.cwnd()).isEqualTo(2000);
    r.onAck(2001, 1000, 4000);
    assertThat(r.cwnd()).isEqualTo(3000);
    r.onAck(3001, 1000, 3000);
    assertThat(r.cwnd()).isEqualTo(3000); // congestion avoidance: 1000 of 3000 counted
  }

  @Test
  void rfc5681_3_2_1_firstAndSecondDuplicateAcksAllowLimitedTransmitWithoutChangingCwnd() {
    NewReno r = inCongestionAvoidance(FullAckDeflation.SSTHRESH);
    assertThat(r.onDuplicateAck(6001, 10_000, 16_001)).isEqualTo(NONE);
    assertThat(r.cwnd()).isEqualTo(10_000);
    assertThat(r.sendLimit()).isEqualTo(11_000); // cwnd + 1 * SMSS
    r.onDuplicateAck(6001, 10_000, 16_001);
    assertThat(r.cwnd()).isEqualTo(10_000);
    assertThat(r.sendLimit()).isEqualTo(12_000); // cwnd + 2 * SMSS
    r.onAck(7001, 1000, 9000);
    assertThat(r.sendLimit()).isEqualTo(r.cwnd());
  }

  @Test
  void rfc5681_3_2_2_theThirdDuplicateAckSetsSsthreshToHalfTheFlightSize() {
    NewReno r = inFastRecovery(FullAckDeflation.SSTHRESH);
    assertThat(r.ssthresh()).isEqualTo(5000); // max(10000 / 2, 2000)
  }

  @Test
  void rfc5681_3_2_3_theThirdDuplicateAckRetransmitsAndSetsCwndToSsthreshPlusThreeSegments() {
    NewReno r = inFastRecovery(FullAckDeflation.SSTHRESH);
    assertThat(r.fastRetransmit()).isTrue();
    assertThat(r.inFastRecovery()).isTrue();
    assertThat(r.cwnd()).isEqualTo(8000); // 5000 + 3 * 1000
  }

  @Test
  void rfc5681_3_2_4_eachFurtherDuplicateAckInflatesCwndByOneSegment() {
    NewReno r = inFastRecovery(FullAckDeflation.SSTHRESH);
    assertThat(r.onDuplicateAck(6001, 10_000, 16_001)).isEqualTo(NONE);
    assertThat(r.cwnd()).isEqualTo(9000);
    assertThat(r.fastRetransmit()).isFalse();
    r.onDuplicateAck(6001, 10_000, 16_001);
    assertThat(r.cwnd()).isEqualTo(10_000);
  }

  @Test
  void rfc5681_3_2_6_theAckOfAllNewDataDeflatesCwndToSsthresh() {
    NewReno r = inFastRecovery(FullAckDeflation.SSTHRESH);
    r.onDuplicateAck(6001, 10_000, 16_001);
    assertThat(r.onAck(16_001, 10_000, 0)).isEqualTo(NONE);
    assertThat(r.cwnd()).isEqualTo(5000);
    assertThat(r.inFastRecovery()).isFalse();
  }

  @Test
  void rfc6582_3_2_1_recoverStartsAtTheInitialSendSequenceNumber() {
    assertThat(new NewReno(SMSS, 123_456).recover()).isEqualTo(123_456);
  }

  @Test
  void rfc6582_3_2_2_enteringFastRetransmitRaisesRecoverToTheHighestSequenceSent() {
    NewReno r = inFastRecovery(FullAckDeflation.SSTHRESH);
    assertThat(r.recover()).isEqualTo(16_000); // SND.NXT - 1
  }

  @Test
  void rfc6582_3_2_2_duplicateAcksNotCoveringMoreThanRecoverDoNotEnterFastRetransmit() {
    NewReno r = inCongestionAvoidance(FullAckDeflation.SSTHRESH);
    r.onRetransmitTimeout(10_000, 16_001); // recover = 16000, ssthresh 5000, cwnd 1000
    for (int i = 0; i < 3; i++) {
      assertThat(r.onDuplicateAck(6001, 10_000, 16_001)).isEqualTo(NONE); // 6000 > 16000? no
    }
    assertThat(r.inFastRecovery()).isFalse();
    assertThat(r.ssthresh()).isEqualTo(5000); // "does not reset ssthresh"
    assertThat(r.cwnd()).isEqualTo(1000);
  }

  @Test
  void rfc6582_3_2_2_theCheckIsAckMinusOneGreaterThanRecover() {
    NewReno r = new NewReno(SMSS, 1000, 10_000, FullAckDeflation.SSTHRESH); // recover = 1000
    r.onDuplicateAck(1001, 4000, 5001);
    r.onDuplicateAck(1001, 4000, 5001);
    assertThat(r.onDuplicateAck(1001, 4000, 5001)).as("1001 - 1 > 1000 is false").isEqualTo(NONE);
    NewReno s = new NewReno(SMSS, 1000, 10_000, FullAckDeflation.SSTHRESH);
    s.onAck(1002, 1, 4000);
    s.onDuplicateAck(1002, 4000, 5001);
    s.onDuplicateAck(1002, 4000, 5001);
    assertThat(s.onDuplicateAck(1002, 4000, 5001)).as("1002 - 1 > 1000").isEqualTo(RETRANSMIT);
  }

  @Test
  void rfc6582_3_2_3_aFullAckWithOption1SetsCwndToMinOfSsthreshAndFlightPlusSmss() {
    NewReno r = inFastRecovery(FullAckDeflation.MIN_SSTHRESH_FLIGHT_PLUS_SMSS); // ssthresh 5000
    r.onAck(16_001, 10_000, 2000);
    assertThat(r.cwnd()).isEqualTo(3000); // min(5000, max(2000, 1000) + 1000)
    NewReno empty = inFastRecovery(FullAckDeflation.MIN_SSTHRESH_FLIGHT_PLUS_SMSS);
    empty.onAck(16_001, 10_000, 0);
    assertThat(empty.cwnd()).isEqualTo(2000); // min(5000, max(0, 1000) + 1000)
    NewReno full = inFastRecovery(FullAckDeflation.MIN_SSTHRESH_FLIGHT_PLUS_SMSS);
    full.onAck(16_001, 10_000, 7000);
    assertThat(full.cwnd()).isEqualTo(5000); // min(5000, 8000)
    assertThat(full.inFastRecovery()).isFalse();
  }

  @Test
  void rfc6582_3_2_3_aFullAckWithOption2SetsCwndToSsthresh() {
    NewReno r = inFastRecovery(FullAckDeflation.SSTHRESH);
    r.onAck(16_001, 10_000, 2000);
    assertThat(r.cwnd()).isEqualTo(5000);
    assertThat(r.inFastRecovery()).isFalse();
  }

  @Test
  void rfc6582_3_2_3_aPartialAckRetransmitsDeflatesByTheAckedBytesAndAddsBackOneSegment() {
    NewReno r = inFastRecovery(FullAckDeflation.SSTHRESH); // cwnd 8000
    r.onDuplicateAck(6001, 10_000, 16_001); // 9000
    assertThat(r.onAck(8001, 2000, 8000)).isEqualTo(RETRANSMIT_AND_RESTART_TIMER);
    assertThat(r.cwnd()).isEqualTo(8000); // 9000 - 2000 + 1000
    assertThat(r.inFastRecovery()).isTrue();
    assertThat(r.fastRetransmit()).isTrue();
  }

  @Test
  void rfc6582_3_2_3_aPartialAckOfLessThanOneSegmentAddsNothingBack() {
    NewReno r = inFastRecovery(FullAckDeflation.SSTHRESH); // cwnd 8000
    r.onAck(6501, 500, 9500);
    assertThat(r.cwnd()).isEqualTo(7500); // 8000 - 500
  }

  @Test
  void rfc6582_3_2_3_onlyTheFirstPartialAckResetsTheRetransmitTimer() {
    NewReno r = inFastRecovery(FullAckDeflation.SSTHRESH);
    assertThat(r.onAck(7001, 1000, 9000)).isEqualTo(RETRANSMIT_AND_RESTART_TIMER);
    assertThat(r.onAck(8001, 1000, 8000)).isEqualTo(RETRANSMIT);
    assertThat(r.cwnd()).isEqualTo(8000); // 8000 - 1000 + 1000, twice
  }

  @Test
  void rfc6582_3_2_3_duplicateAcksAfterAPartialAckStillInflateCwnd() {
    NewReno r = inFastRecovery(FullAckDeflation.SSTHRESH);
    r.onAck(8001, 2000, 8000); // 8000 - 2000 + 1000 = 7000
    r.onDuplicateAck(8001, 8000, 16_001);
    assertThat(r.cwnd()).isEqualTo(8000);
    assertThat(r.inFastRecovery()).isTrue();
  }

  @Test
  void rfc6582_3_2_4_aTimeoutRecordsRecoverAndExitsFastRecovery() {
    NewReno r = inFastRecovery(FullAckDeflation.SSTHRESH);
    r.onRetransmitTimeout(10_000, 20_001);
    assertThat(r.inFastRecovery()).isFalse();
    assertThat(r.recover()).isEqualTo(20_000);
    assertThat(r.cwnd()).isEqualTo(1000);
  }

  @Test
  void recoverComparisonsHoldAcrossTheSequenceWrap() {
    int iss = -5_000; // 0xFFFFEC78: data wraps past 2^32
    NewReno r = new NewReno(SMSS, iss, 10_000, FullAckDeflation.SSTHRESH);
    int ack = iss + 3001;
    r.onAck(ack, 3000, 4000);
    r.onDuplicateAck(ack, 4000, iss + 7001);
    r.onDuplicateAck(ack, 4000, iss + 7001);
    assertThat(r.onDuplicateAck(ack, 4000, iss + 7001)).isEqualTo(RETRANSMIT);
    assertThat(r.onAck(iss + 5001, 2000, 2000)).isEqualTo(RETRANSMIT_AND_RESTART_TIMER); // 0 + 1 not yet past recover
    assertThat(r.onAck(iss + 7001, 2000, 0)).isEqualTo(NONE);
    assertThat(r.inFastRecovery()).isFalse();
  }
}
