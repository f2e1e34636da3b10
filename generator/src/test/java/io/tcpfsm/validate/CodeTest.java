package io.tcpfsm.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.diag.Code;
import io.tcpfsm.diag.Severity;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Diagnostic codes are stable identifiers (as ANTLR's ErrorType): distinct and well formed. */
class CodeTest {
  @Test
  void allCodesDistinct() {
    assertThat(Arrays.stream(Code.values()).map(Code::number)).doesNotHaveDuplicates();
    assertThat(Arrays.stream(Code.values()).map(Code::id)).doesNotHaveDuplicates();
  }

  @Test
  void errorsAndWarningsAreNumberedInTheirOwnRanges() {
    for (Code c : Code.values()) {
      if (c.severity() == Severity.ERROR) {
        assertThat(c.number()).as(c.name()).isBetween(1, 99);
        assertThat(c.id()).as(c.name()).matches("E\\d{3}");
      } else {
        assertThat(c.number()).as(c.name()).isBetween(101, 199);
        assertThat(c.id()).as(c.name()).matches("W\\d{3}");
      }
    }
  }

  @Test
  void everyCodeHasASummary() {
    for (Code c : Code.values()) {
      assertThat(c.summary()).as(c.name()).isNotBlank();
    }
  }
}
