package io.tcpfsm.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Payloads made on demand: the same seed gives the same bytes, and a receiver spots any wrong one. */
class PayloadTest {
  @Test
  void sameSeedSameBytesAnySliceAgreesWithTheWhole() {
    Payload a = new Payload(42, 10_000);
    byte[] whole = a.slice(0, 10_000);
    assertThat(new Payload(42, 10_000).slice(0, 10_000)).isEqualTo(whole);
    byte[] middle = a.slice(3_333, 77);
    for (int i = 0; i < 77; i++) {
      assertThat(middle[i]).isEqualTo(whole[3_333 + i]);
    }
  }

  @Test
  void differentSeedsDifferAndBytesAreSpread() {
    byte[] x = new Payload(1, 4_096).slice(0, 4_096);
    byte[] y = new Payload(2, 4_096).slice(0, 4_096);
    int same = 0;
    int[] seen = new int[256];
    for (int i = 0; i < x.length; i++) {
      same += x[i] == y[i] ? 1 : 0;
      seen[x[i] & 0xff]++;
    }
    assertThat(same).isLessThan(64); // about 16 expected by chance
    assertThat(java.util.Arrays.stream(seen).filter(n -> n > 0).count()).isGreaterThan(240);
  }

  @Test
  void firstDifferenceFindsAFlippedByteAndBytesPastTheEnd() {
    Payload p = new Payload(7, 1_000);
    byte[] got = p.slice(500, 100);
    assertThat(p.firstDifference(500, got)).isEqualTo(-1);
    got[37] ^= 1;
    assertThat(p.firstDifference(500, got)).isEqualTo(37);
    assertThat(p.firstDifference(950, p.slice(950, 60))).isEqualTo(50); // 1,000 bytes, no more
    assertThat(p.firstDifference(501, p.slice(500, 10))).isZero(); // shifted by one: wrong at once
  }
}
