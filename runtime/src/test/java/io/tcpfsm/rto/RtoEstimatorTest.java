package io.tcpfsm.rto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * RFC 6298 sections 2 to 4 and the notes of section 5, one test per clause. Expected values are
 * worked out by hand from the RFC's formulas (alpha = 1/8, beta = 1/4, K = 4), written as
 * arithmetic on literals; nothing expected is computed by the code under test.
 */
class RtoEstimatorTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  /** No floor and a fine G, so the raw formulas show; each test says when it uses another. */
  private static final RtoConfig RAW = RtoConfig.RFC6298.withMin(0).withGranularity(1);

  @Test
  void rfc6298_2_1_beforeAnyMeasurementRtoIsOneSecond() {
    RtoEstimator e = new RtoEstimator();
    assertThat(e.rto()).isEqualTo(1 * S);
    assertThat(e.hasMeasurement()).isFalse();
  }

  @Test
  void rfc6298_2_1_backingOffStillAppliesBeforeTheFirstMeasurement() {
    RtoEstimator e = new RtoEstimator();
    assertThat(e.backoff()).isEqualTo(2 * S);
    assertThat(e.backoff()).isEqualTo(4 * S);
  }

  @Test
  void rfc6298_2_1_anInitialRtoAboveOneSecondSuchAsThreeMayBeChosen() {
    assertThat(new RtoEstimator(RtoConfig.RFC6298.withInitial(3 * S)).rto()).isEqualTo(3 * S);
  }

  @Test
  void rfc6298_2_2_firstMeasurementSetsSrttToRAndRttvarToHalfR() {
    RtoEstimator e = new RtoEstimator(RAW);
    e.sample(100 * MS, false);
    assertThat(e.srtt()).isEqualTo(100e6); // SRTT <- R = 100 ms
    assertThat(e.rttvar()).isEqualTo(50e6); // RTTVAR <- R/2 = 50 ms
  }

  @Test
  void rfc6298_2_2_firstRtoIsSrttPlusKTimesRttvar() {
    RtoEstimator e = new RtoEstimator(RAW);
    e.sample(100 * MS, false);
    assertThat(e.rto()).isEqualTo(300 * MS); // 100 + max(G, 4 * 50) = 300 ms
    RtoEstimator rfc = new RtoEstimator(); // RFC 6298 defaults, above the 1 s floor
    rfc.sample(400 * MS, false);
    assertThat(rfc.rto()).isEqualTo(1200 * MS); // 400 + 4 * 200 = 1200 ms
  }

  @Test
  void rfc6298_2_2_granularityGWinsWhenItExceedsKTimesRttvar() {
    RtoEstimator e = new RtoEstimator(RAW.withGranularity(100 * MS));
    e.sample(20 * MS, false); // RTTVAR = 10 ms, K*RTTVAR = 40 ms < G = 100 ms
    assertThat(e.rto()).isEqualTo(120 * MS); // 20 + max(100, 40) = 120 ms
  }

  @Test
  void rfc6298_2_3_subsequentMeasurementUpdatesRttvarWithBetaAndSrttWithAlpha() {
    RtoEstimator e = new RtoEstimator(RAW);
    e.sample(100 * MS, false); // SRTT 100, RTTVAR 50
    e.sample(200 * MS, false);
    // RTTVAR = (1 - 1/4) * 50 + 1/4 * |100 - 200| = 37.5 + 25 = 62.5 ms
    assertThat(e.rttvar()).isEqualTo(62.5e6);
    // SRTT = (1 - 1/8) * 100 + 1/8 * 200 = 87.5 + 25 = 112.5 ms
    assertThat(e.srtt()).isEqualTo(112.5e6);
  }

  @Test
  void rfc6298_2_3_rttvarIsUpdatedWithSrttFromBeforeItsOwnUpdate() {
    RtoEstimator e = new RtoEstimator(RAW);
    e.sample(100 * MS, false);
    e.sample(200 * MS, false);
    // In the RFC's order: 0.75 * 50 + 0.25 * |100 - 200| = 62.5 ms. Updating SRTT first would
    // give 0.75 * 50 + 0.25 * |112.5 - 200| = 59.375 ms.
    assertThat(e.rttvar()).isEqualTo(62.5e6).isNotEqualTo(59.375e6);
  }

  @Test
  void rfc6298_2_3_rtoIsRecomputedAfterEverySubsequentMeasurement() {
    RtoEstimator e = new RtoEstimator(RAW);
    e.sample(100 * MS, false);
    e.sample(200 * MS, false);
    assertThat(e.rto()).isEqualTo(362_500_000L); // 112.5 + 4 * 62.5 = 362.5 ms
    e.sample(100 * MS, false);
    // RTTVAR = 0.75 * 62.5 + 0.25 * |112.5 - 100| = 46.875 + 3.125 = 50 ms
    // SRTT = 0.875 * 112.5 + 0.125 * 100 = 98.4375 + 12.5 = 110.9375 ms
    // RTO = 110.9375 + 4 * 50 = 310.9375 ms
    assertThat(e.rttvar()).isEqualTo(50e6);
    assertThat(e.srtt()).isEqualTo(110.9375e6);
    assertThat(e.rto()).isEqualTo(310_937_500L);
  }

  @Test
  void rfc6298_2_3_alphaAndBetaAreOneEighthAndOneQuarterNotZero() {
    // With alpha and beta computed by integer division (1/8 == 0) SRTT and RTTVAR would stay at
    // the first sample forever and RTO would be stuck. From a 3 s first sample, twenty samples
    // of 100 ms must bring RTO down; worked out with the RFC's formulas:
    double srtt = 3000;
    double rttvar = 1500;
    for (int i = 0; i < 20; i++) {
      rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - 100);
      srtt = 0.875 * srtt + 0.125 * 100;
    }
    long expected = (long) Math.ceil((srtt + 4 * rttvar) * 1e6);
    RtoEstimator e = new RtoEstimator(); // the RFC defaults: 1 s floor
    e.sample(3 * S, false);
    assertThat(e.rto()).isEqualTo(3 * S + 4 * 1500 * MS); // 3 + 4 * 1.5 = 9 s
    for (int i = 0; i < 20; i++) {
      e.sample(100 * MS, false);
    }
    assertThat(e.srtt()).isCloseTo(srtt * 1e6, within(1.0));
    assertThat(e.rttvar()).isCloseTo(rttvar * 1e6, within(1.0));
    assertThat(expected).isBetween(1 * S, 2 * S); // about 1.24 s: well below 9 s
    assertThat(e.rto()).isBetween(expected - 1, expected + 1);
  }

  @Test
  void rfc6298_2_4_anRtoBelowOneSecondIsRoundedUpToOneSecond() {
    RtoEstimator e = new RtoEstimator();
    e.sample(100 * MS, false); // 100 + 4 * 50 = 300 ms < 1 s
    assertThat(e.rto()).isEqualTo(1 * S);
  }

  @Test
  void rfc6298_2_4_theMinimumIsConfigurable() {
    RtoEstimator e = new RtoEstimator(RtoConfig.RFC6298.withMin(200 * MS));
    e.sample(10 * MS, false); // 10 + 4 * 5 = 30 ms < 200 ms
    assertThat(e.rto()).isEqualTo(200 * MS);
  }

  @Test
  void rfc6298_2_5_aMaximumOfAtLeastSixtySecondsBoundsTheRto() {
    RtoEstimator e = new RtoEstimator();
    e.sample(30 * S, false); // 30 + 4 * 15 = 90 s > 60 s
    assertThat(e.rto()).isEqualTo(60 * S);
    RtoEstimator higher = new RtoEstimator(RtoConfig.RFC6298.withMax(120 * S));
    higher.sample(30 * S, false);
    assertThat(higher.rto()).isEqualTo(90 * S);
  }

  @Test
  void rfc6298_2_5_aMaximumBelowSixtySecondsIsRefused() {
    assertThatThrownBy(() -> RtoConfig.RFC6298.withMax(59 * S))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2.5");
  }

  @Test
  void rfc6298_3_karnNoSampleIsTakenFromARetransmittedSegment() {
    RtoEstimator e = new RtoEstimator(RAW);
    assertThat(e.sample(100 * MS, true)).isFalse();
    assertThat(e.hasMeasurement()).isFalse();
    assertThat(e.rto()).isEqualTo(1 * S);
    assertThat(e.sample(100 * MS, false)).isTrue();
    assertThat(e.sample(900 * MS, true)).isFalse();
    assertThat(e.srtt()).isEqualTo(100e6);
    assertThat(e.rto()).isEqualTo(300 * MS);
  }

  @Test
  void rfc6298_3_timestampSamplesAreTakenEvenForRetransmittedSegments() {
    RtoEstimator e = new RtoEstimator(RAW);
    e.timestampSample(100 * MS);
    assertThat(e.srtt()).isEqualTo(100e6);
    assertThat(e.rto()).isEqualTo(300 * MS);
  }

  @Test
  void rfc6298_4_aZeroVarianceTermIsRoundedToG() {
    RtoEstimator e = new RtoEstimator(RAW.withGranularity(1 * MS));
    e.sample(0, false); // SRTT 0, RTTVAR 0: K*RTTVAR = 0
    assertThat(e.rto()).isEqualTo(1 * MS); // 0 + max(G = 1 ms, 0)
    RtoEstimator steady = new RtoEstimator(RAW.withGranularity(10 * MS));
    steady.sample(40 * MS, false);
    for (int i = 0; i < 40; i++) {
      steady.sample(40 * MS, false); // RTTVAR = 20 * 0.75^40 ms, K*RTTVAR far below G
    }
    assertThat(steady.rto()).isEqualTo(50 * MS); // 40 + G
  }

  @Test
  void rfc6298_5_aNewSampleAfterBackoffCollapsesTheRto() {
    RtoEstimator e = new RtoEstimator(RAW);
    e.sample(100 * MS, false); // RTO 300 ms
    e.backoff();
    e.backoff();
    assertThat(e.backoff()).isEqualTo(2400 * MS); // 300 * 2^3
    e.sample(100 * MS, false);
    // RTTVAR = 0.75 * 50 + 0.25 * |100 - 100| = 37.5; SRTT = 100; RTO = 100 + 150 = 250 ms
    assertThat(e.rto()).isEqualTo(250 * MS);
    assertThat(e.backoffs()).isZero();
  }

  @Test
  void rfc6298_5_theBackedOffRtoIsKeptUntilANewSample() {
    RtoEstimator e = new RtoEstimator(RAW);
    e.sample(100 * MS, false);
    e.backoff();
    assertThat(e.rto()).isEqualTo(600 * MS);
    e.sample(100 * MS, true); // Karn: ignored, no collapse
    assertThat(e.rto()).isEqualTo(600 * MS);
  }

  @Test
  void rfc6298_5_5_theDoublingIsBoundedByTheMaximum() {
    RtoEstimator e = new RtoEstimator();
    long[] expected = {2, 4, 8, 16, 32, 60, 60};
    for (long s : expected) {
      assertThat(e.backoff()).isEqualTo(s * S);
    }
  }

  @Test
  void rfc6298_5_srttAndRttvarMayBeClearedAfterRepeatedBackoffsAndThenRestartPer2_2() {
    RtoEstimator e = new RtoEstimator(RAW.withClearAfterBackoffs(2));
    e.sample(100 * MS, false);
    e.backoff();
    assertThat(e.hasMeasurement()).isTrue();
    e.backoff();
    assertThat(e.hasMeasurement()).isFalse();
    e.sample(400 * MS, false); // taken per (2.2), not (2.3)
    assertThat(e.srtt()).isEqualTo(400e6);
    assertThat(e.rttvar()).isEqualTo(200e6);
    assertThat(e.rto()).isEqualTo(1200 * MS);
  }

  @Test
  void rfc6298_5_7_aSynTimeoutBelowThreeSecondsReinitialisesRtoToThreeSeconds() {
    RtoEstimator e = new RtoEstimator();
    e.backoff(); // the SYN's timer expired: 2 s
    e.handshakeCompleted(true);
    assertThat(e.rto()).isEqualTo(3 * S);
    RtoEstimator noTimeout = new RtoEstimator();
    noTimeout.handshakeCompleted(false);
    assertThat(noTimeout.rto()).isEqualTo(1 * S);
    RtoEstimator already = new RtoEstimator();
    already.backoff();
    already.backoff(); // 4 s, not less than 3 s
    already.handshakeCompleted(true);
    assertThat(already.rto()).isEqualTo(4 * S);
  }
}
