package io.tcpfsm.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The guards on abstract sequence numbers, with values worked out by hand from RFC 9293
 * 3.10.7.4 Table 6 (RCV.NXT = 11, RCV.WND = 4: the window is 11..14) and the ACK tests of
 * 3.10.7.3 and 3.10.7.4; and the channels the segments travel in.
 */
class ExploreGuardsTest {
  @Test
  void rfc9293Table6_lengthZero_acceptableOnlyInsideTheWindow() {
    assertThat(Guards.seqAcceptable(10, 0, 11, 4)).as("old").isFalse();
    assertThat(Guards.seqAcceptable(11, 0, 11, 4)).as("left edge").isTrue();
    assertThat(Guards.seqAcceptable(14, 0, 11, 4)).as("last in window").isTrue();
    assertThat(Guards.seqAcceptable(15, 0, 11, 4)).as("beyond").isFalse();
  }

  @Test
  void rfc9293Table6_lengthPositive_acceptableWhenFirstOrLastOctetIsInTheWindow() {
    assertThat(Guards.seqAcceptable(10, 2, 11, 4)).as("last octet 11 in window").isTrue();
    assertThat(Guards.seqAcceptable(9, 2, 11, 4)).as("9..10: all old").isFalse();
    assertThat(Guards.seqAcceptable(14, 3, 11, 4)).as("first octet 14 in window").isTrue();
    assertThat(Guards.seqAcceptable(15, 1, 11, 4)).as("beyond").isFalse();
  }

  @Test
  void rfc9293_3_10_7_3_synSent_ackAcceptableOnlyAboveIssUpToSndNxt() {
    End e = new End();
    e.inc = 1; // ISS 10
    e.una = 10;
    e.nxt = 11;
    assertThat(Guards.ackAcceptable("SYN_SENT", e, 10, 4, false)).as("SEG.ACK =< ISS").isFalse();
    assertThat(Guards.ackAcceptable("SYN_SENT", e, 11, 4, false)).isTrue();
    assertThat(Guards.ackAcceptable("SYN_SENT", e, 12, 4, false)).as("SEG.ACK > SND.NXT").isFalse();
  }

  @Test
  void rfc9293_3_10_7_4_synchronized_ackAcceptableUpToSndNxt_andRfc5961LowerBound() {
    End e = new End();
    e.inc = 2; // ISS 30
    e.una = 31;
    e.nxt = 33;
    assertThat(Guards.ackAcceptable("ESTABLISHED", e, 33, 4, false)).isTrue();
    assertThat(Guards.ackAcceptable("ESTABLISHED", e, 34, 4, false)).as("acks something not yet sent").isFalse();
    assertThat(Guards.ackAcceptable("ESTABLISHED", e, 11, 4, false)).as("RFC 793: an old duplicate ACK is acceptable").isTrue();
    assertThat(Guards.ackAcceptable("ESTABLISHED", e, 11, 4, true)).as("RFC 5961: below SND.UNA - MAX.SND.WND").isFalse();
    assertThat(Guards.ackAcceptable("ESTABLISHED", e, 27, 4, true)).as("RFC 5961: SND.UNA - MAX.SND.WND itself").isTrue();
    assertThat(Guards.ackAcceptable("SYN_RECV", e, 31, 4, false)).as("SYN-RECEIVED: SND.UNA < SEG.ACK").isFalse();
  }

  @Test
  void segLenCountsSynFinAndText() {
    assertThat(Seg.len(Seg.of(Seg.SYN, 10, 0, false))).isEqualTo(1);
    assertThat(Seg.len(Seg.of(Seg.FIN | Seg.ACK, 12, 31, true))).isEqualTo(2);
    assertThat(Seg.render(Seg.of(Seg.SYN | Seg.ACK, 30, 11, false))).isEqualTo("<SEQ=30><ACK=11><CTL=SYN,ACK>");
  }

  @Test
  void fifoChannelKeepsOrder_reorderingChannelIsAMultiset_fullChannelRefuses() {
    int syn = Seg.of(Seg.SYN, 10, 0, false);
    int fin = Seg.of(Seg.FIN | Seg.ACK, 11, 31, false);
    long fifo = Channel.add(Channel.add(0, fin, 2, false), syn, 2, false);
    assertThat(Channel.get(fifo, 0)).isEqualTo(fin);
    assertThat(Channel.add(fifo, syn, 2, false)).as("full").isEqualTo(-1);
    long a = Channel.add(Channel.add(0, fin, 3, true), syn, 3, true);
    long b = Channel.add(Channel.add(0, syn, 3, true), fin, 3, true);
    assertThat(a).as("two orders, one state").isEqualTo(b);
    assertThat(Channel.get(Channel.remove(fifo, 0), 0)).isEqualTo(syn);
  }

  @Test
  void sequenceSlotsAreWiderThanAnIncarnationAndItsWindow() {
    // ISS, SYN, three bytes of text, FIN, and a window of 8 past them must stay in one slot.
    assertThat(End.SLOT_WIDTH).isGreaterThanOrEqualTo(1 + 3 + 1 + 8);
    assertThat(End.slotOf(End.iss(1) + End.SLOT_WIDTH - 1)).isEqualTo(1);
    assertThat(End.slotOf(End.iss(2))).isEqualTo(2);
    assertThat(End.slotOf(0)).as("a reset's literal sequence number 0").isZero();
  }
}
