package io.tcpfsm.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.RepoRoot;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed answer keys spec/tcp.P.cells are what spec/tcp.fsm says, cell for cell: a change
 * to the spec's behaviour must come with the reviewed change of its key (the generated cell tests
 * assert the key, so a stale key would test the machine against the old behaviour).
 */
class AnswerKeysTest {
  private static Path spec() {
    return RepoRoot.get().resolve("spec").resolve("tcp.fsm");
  }

  static Validator.Result result() throws IOException {
    Validator.Result result = Validator.check("spec/tcp.fsm", Files.readString(spec()));
    assertThat(result.ok()).as("spec/tcp.fsm validates").isTrue();
    return result;
  }

  /** The committed key of {@code profile}. */
  static String committed(String profile) throws IOException {
    return Files.readString(spec().resolveSibling(CellsFile.fileName("tcp.fsm", profile)));
  }

  @ParameterizedTest(name = "spec/tcp.{0}.cells")
  @ValueSource(strings = {"rfc793", "rfc9293", "linux"})
  void committedKeyIsWhatTheSpecSays(String profile) throws IOException {
    String regenerated = CellsFile.write(result().tables().get(profile));
    String committed = committed(profile);

    if (!regenerated.equals(committed)) {
      throw new AssertionError("spec/tcp." + profile + ".cells does not match spec/tcp.fsm (first difference: "
          + firstDifference(committed, regenerated) + "). Review the change of behaviour, then rewrite the key with:\n"
          + "  ./tcpfsm explain --all --profile " + profile + " > spec/tcp." + profile + ".cells");
    }
  }

  @Test
  void everyProfileHasAKeyAndEveryKeyAProfile() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.list(spec().getParent())) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tcp.") && n.endsWith(".cells"))
          .forEach(n -> keys.add(n.substring("tcp.".length(), n.length() - ".cells".length())));
    }
    assertThat(keys).containsExactlyInAnyOrderElementsOf(result().machine().profileNames());
  }

  @Test
  void keysListOneLinePerCell() throws IOException {
    for (String profile : result().machine().profileNames()) {
      List<CellsFile.Row> rows = CellsFile.parse("spec/tcp." + profile + ".cells", committed(profile));
      assertThat(rows).as(profile).hasSize(result().tables().get(profile).cellCount());
    }
  }

  /** {@code line N: committed '...' but the spec gives '...'}. */
  static String firstDifference(String committed, String regenerated) {
    String[] a = committed.split("\n", -1);
    String[] b = regenerated.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "(end of file)";
      String y = i < b.length ? b[i] : "(end of file)";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ": the key has '" + x + "' but the spec gives '" + y + "'";
      }
    }
    return "none";
  }
}
