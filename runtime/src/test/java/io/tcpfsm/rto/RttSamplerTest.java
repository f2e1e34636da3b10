package io.tcpfsm.rto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 6298 section 3: Karn's algorithm and one measurement per RTT. */
class RttSamplerTest {
  private static final long MS = 1_000_000L;

  private final RttSampler sampler = new RttSampler();

  @Test
  void rfc6298_3_atLeastOneMeasurementIsTakenPerRtt() {
    int seq = 1000;
    int samples = 0;
    for (int rtt = 0; rtt < 3; rtt++) { // three flights of four segments, 50 ms RTT
      long start = rtt * 50 * MS;
      for (int s = 0; s < 4; s++) {
        seq += 100;
        sampler.sent(seq, start + s, false);
      }
      long sample = sampler.acknowledged(seq, start + 50 * MS);
      if (sample != RttSampler.NO_SAMPLE) {
        samples++;
        assertThat(sample).isEqualTo(50 * MS); // the first segment of the flight was timed
      }
    }
    assertThat(samples).isEqualTo(3);
  }

  @Test
  void rfc6298_3_karnARetransmissionAbandonsTheMeasurement() {
    sampler.sent(1100, 0, false);
    sampler.sent(1100, 1000 * MS, true); // retransmitted before its ACK came
    assertThat(sampler.acknowledged(1100, 1050 * MS)).isEqualTo(RttSampler.NO_SAMPLE);
    sampler.sent(1200, 1100 * MS, false); // a new segment is timed again
    assertThat(sampler.acknowledged(1200, 1160 * MS)).isEqualTo(60 * MS);
  }

  @Test
  void rfc6298_3_aRetransmittedSegmentIsNeverTimed() {
    sampler.sent(1100, 0, true);
    assertThat(sampler.isTiming()).isFalse();
    assertThat(sampler.acknowledged(1100, 10 * MS)).isEqualTo(RttSampler.NO_SAMPLE);
  }

  @Test
  void anAckShortOfTheTimedSegmentGivesNoSampleAcrossTheSequenceWrap() {
    int end = 0x0000_0010; // the timed segment ends just past the wrap
    sampler.sent(end, 0, false);
    assertThat(sampler.acknowledged(0xFFFF_FFF0, 5 * MS)).isEqualTo(RttSampler.NO_SAMPLE);
    assertThat(sampler.acknowledged(end, 7 * MS)).isEqualTo(7 * MS);
  }
}
