package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpCondition;
import io.tcpfsm.machine.TcpState;
import io.tcpfsm.machine.TcpValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A candidate computes every value and condition of the spec as the generated {@link TcpValue#evaluate}
 * and {@link TcpCondition#test} do (the answer key: the spec's own arithmetic, through the reader
 * interface), on variables anywhere in sequence space, near its wrap and near one another.
 */
class CandidateValuesTest {
  @Property(tries = 2000)
  void everyValueAndConditionAsTheGeneratedCode(@ForAll("variables") long[] v) {
    Candidate c = new Candidate(TcpState.ESTABLISHED, 0);
    c.iss = v[0];
    c.irs = v[1];
    c.rcvNxt = v[2];
    c.segAck = v[3];
    c.segSeq = v[4];
    c.segLen = v[5] & 0xFFFF;
    c.segWnd = v[6];
    c.sndNxt = v[7];
    c.sndUna = v[8];
    c.sndWl1 = v[9];
    c.sndWl2 = v[10];
    c.sndWnd = v[11];
    for (TcpValue value : TcpValue.values()) {
      assertThat(c.value(value)).as(value.text()).isEqualTo(value.evaluate(c));
    }
    for (TcpCondition condition : TcpCondition.values()) {
      assertThat(c.test(condition)).as(condition.text()).isEqualTo(condition.test(c));
    }
  }

  /** Twelve variables near a random base (so that comparisons go both ways and tie), some across the wrap. */
  @Provide
  Arbitrary<long[]> variables() {
    Arbitrary<Long> base = Arbitraries.oneOf(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.of(0L, 0xFFFF_FFFFL, 0xFFFF_FFF0L, 0x7FFF_FFFFL));
    return base.flatMap(b -> Arbitraries.integers().between(-3, 3).array(int[].class).ofSize(12)
        .map(d -> {
          long[] v = new long[12];
          for (int i = 0; i < 12; i++) {
            v[i] = (b + d[i]) & 0xFFFF_FFFFL;
          }
          return v;
        }));
  }
}
