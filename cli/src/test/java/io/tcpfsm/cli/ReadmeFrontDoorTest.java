package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README's "Two commands": what it says the first command prints is what it prints on the bundled spec. */
class ReadmeFrontDoorTest {
  @Test
  void theFirstCommandPrintsWhatTheReadmeShows() throws Exception {
    String readme = Files.readString(CliRun.root().resolve("README.md"));
    String marker = "command prints:\n\n```\n";
    int from = readme.indexOf(marker);
    assertThat(from).as("README's \"Two commands\" shows the output of the first command").isPositive();
    String shown = readme.substring(from + marker.length(), readme.indexOf("```", from + marker.length()));
    Path spec = CliRun.root().resolve("spec/tcp.fsm");
    CliRun r = CliRun.run("check", spec.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out().replace(spec.toString(), "spec/tcp.fsm")).isEqualTo(shown);
  }
}
