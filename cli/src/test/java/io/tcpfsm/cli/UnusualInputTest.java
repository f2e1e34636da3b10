package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the fuzzing run found: clocks at the ends of a long, unreadable files, huge specs. */
class UnusualInputTest {
  @TempDir Path tmp;

  /** pcapng's if_tsoffset may be 2^63-1; a zone with DST rules threw DateTimeException here. */
  @Test
  void aClockAtTheEndsOfALongPrintsInAZoneWithRules() {
    for (long sec : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 86_399}) {
      StringBuilder sb = new StringBuilder();
      new TcpdumpFormat(ZoneId.of("Europe/Berlin"), false).appendTime(sb, sec, 0);
      assertThat(sb.toString()).matches("\\d\\d:\\d\\d:\\d\\d\\.000000");
    }
  }

  @Test
  void anUnreadableFileSaysWhy() {
    assertThat(SpecFile.reason(new AccessDeniedException("/x/cap.pcap"))).isEqualTo("permission denied");
    assertThat(SpecFile.reason(new java.nio.file.FileSystemException("/x/cap.pcap"))).isEqualTo("file system exception");
    assertThat(SpecFile.reason(new IOException("Is a directory"))).isEqualTo("Is a directory");
  }

  @Test
  void decodingADirectoryNamesTheReasonNotJustTheFile() {
    CliRun r = CliRun.run("decode", tmp.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).doesNotContain("Exception").isNotEqualTo("tcpfsm: " + tmp + ": " + tmp + "\n");
  }

  @Test
  void aSpecOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
    Path big = tmp.resolve("big.fsm");
    Files.write(big, new byte[5 * 1024 * 1024]);
    CliRun r = CliRun.run("check", big.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("a spec may have at most 4194304").doesNotContain("Exception");
  }

  @Test
  void devZeroIsRefusedAfterTheLimit() {
    Path zero = Path.of("/dev/zero");
    if (!Files.isReadable(zero)) {
      return;
    }
    CliRun r = CliRun.run("check", zero.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("more than 4194304 bytes");
  }
}
