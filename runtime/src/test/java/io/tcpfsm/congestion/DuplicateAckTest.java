package io.tcpfsm.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 5681 section 2, "DUPLICATE ACKNOWLEDGMENT": each of (a) to (e) is necessary. */
class DuplicateAckTest {
  @Test
  void rfc5681_2_anAckMeetingAllFiveConditionsIsADuplicate() {
    assertThat(DuplicateAck.test(true, 0, true, false, false, 1001, 1001, 512, 512)).isTrue();
  }

  @Test
  void rfc5681_2_a_withoutOutstandingDataItIsNotADuplicate() {
    assertThat(DuplicateAck.test(false, 0, true, false, false, 1001, 1001, 512, 512)).isFalse();
  }

  @Test
  void rfc5681_2_b_anAckCarryingDataIsNotADuplicate() {
    assertThat(DuplicateAck.test(true, 1, true, false, false, 1001, 1001, 512, 512)).isFalse();
  }

  @Test
  void rfc5681_2_c_anAckWithSynOrFinIsNotADuplicate() {
    assertThat(DuplicateAck.test(true, 0, true, true, false, 1001, 1001, 512, 512)).isFalse();
    assertThat(DuplicateAck.test(true, 0, true, false, true, 1001, 1001, 512, 512)).isFalse();
  }

  @Test
  void rfc5681_2_d_anAckNumberOtherThanTheGreatestReceivedIsNotADuplicate() {
    assertThat(DuplicateAck.test(true, 0, true, false, false, 1002, 1001, 512, 512)).isFalse();
    assertThat(DuplicateAck.test(true, 0, true, false, false, 1000, 1001, 512, 512)).isFalse();
  }

  @Test
  void rfc5681_2_e_aWindowUpdateIsNotADuplicate() {
    assertThat(DuplicateAck.test(true, 0, true, false, false, 1001, 1001, 1024, 512)).isFalse();
  }

  @Test
  void aSegmentWithoutTheAckBitAcknowledgesNothing() {
    assertThat(DuplicateAck.test(true, 0, false, false, false, 1001, 1001, 512, 512)).isFalse();
  }

  @Test
  void newDataIsAcknowledgedWhenSegAckPassesSndUnaAcrossTheWrap() {
    assertThat(DuplicateAck.acknowledgesNewData(5, -10)).isTrue();
    assertThat(DuplicateAck.acknowledgesNewData(-10, -10)).isFalse();
  }
}
