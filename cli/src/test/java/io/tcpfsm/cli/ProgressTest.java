package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line: silent for a second, then rate-limited redraws over one line, erased at the end. */
class ProgressTest {
  private final StringWriter text = new StringWriter();
  private long now;

  private Progress progress(boolean enabled) {
    return new Progress(new PrintWriter(text), enabled, () -> now, "simulate bulk:");
  }

  @Test
  void saysNothingDuringTheFirstSecond() {
    Progress p = progress(true);
    now = 999_000_000L;
    p.update(10, 100, "bytes", null);
    p.close();
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void drawsDonePercentAndDetailOverOneLineAfterASecond() {
    Progress p = progress(true);
    now = 1_500_000_000L;
    p.update(25, 100, "bytes delivered", "3.0 s virtual");
    assertThat(text.toString()).isEqualTo("\rsimulate bulk: 25/100 bytes delivered (25%), 1.5 s, 3.0 s virtual");
  }

  @Test
  void redrawsAtMostTenTimesASecond() {
    Progress p = progress(true);
    now = 1_000_000_000L;
    for (int i = 0; i < 1_000; i++) {
      now += 1_000_000L; // a millisecond per update: one second of updates
      p.update(i, 1_000, "bytes", null);
    }
    assertThat(text.toString().chars().filter(c -> c == '\r').count()).isBetween(9L, 11L);
  }

  @Test
  void closeErasesTheLineItDrew() {
    Progress p = progress(true);
    now = 2_000_000_000L;
    p.update(1, 0, "frames", null);
    p.close();
    String s = text.toString();
    assertThat(s).startsWith("\rsimulate bulk: 1 frames, 2.0 s");
    String drawn = "simulate bulk: 1 frames, 2.0 s";
    assertThat(s).endsWith("\r" + " ".repeat(drawn.length()) + "\r");
  }

  @Test
  void disabledDrawsNothing() {
    Progress p = progress(false);
    now = 5_000_000_000L;
    p.update(1, 2, "bytes", null);
    p.close();
    assertThat(text.toString()).isEmpty();
  }
}
