package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiOutTest {
  @Test
  void decimalsAreLongToString() {
    List<Long> values = new ArrayList<>(List.of(0L, 4294967295L, (long) Integer.MAX_VALUE, Long.MAX_VALUE, 100_000_000L, 99_999_999L));
    for (long p = 1; p > 0; p = p <= Long.MAX_VALUE / 10 ? p * 10 : -1) {
      values.add(p - 1);
      values.add(p);
      values.add(p + 1);
    }
    Random rnd = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      values.add(Integer.toUnsignedLong(rnd.nextInt()) >>> rnd.nextInt(32));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AsciiOut out = new AsciiOut(bytes);
    StringBuilder expected = new StringBuilder();
    for (long v : values) {
      out.room();
      out.dec(v);
      out.put((byte) ' ');
      if (v <= Integer.MAX_VALUE) {
        out.dec((int) v);
        out.put((byte) ' ');
        expected.append(v).append(' ');
      }
      expected.append(v).append(' ');
    }
    out.flush();
    assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
  }

  @Test
  void fixedWidthsArePadded() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AsciiOut out = new AsciiOut(bytes);
    out.room();
    out.dec(0, 6);
    out.put((byte) ' ');
    out.dec(999_999, 6);
    out.put((byte) ' ');
    out.dec(42, 9);
    out.put((byte) ' ');
    out.dec(999_999_999, 9);
    out.put((byte) ' ');
    out.dec(1000, 6);
    out.flush();
    assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo("000000 999999 000000042 999999999 001000");
  }
}
