package io.tcpfsm.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ANTLR stays at the edge: no source outside io.tcpfsm.parser imports org.antlr. */
class AntlrBoundaryTest {
  @Test
  void onlyTheParserPackageSeesAntlr() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main.resolve("io/tcpfsm/parser")).isDirectory();
    List<String> leaks;
    try (Stream<Path> files = Files.walk(main)) {
      leaks = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.startsWith(main.resolve("io/tcpfsm/parser")))
          .filter(p -> read(p).contains("org.antlr"))
          .map(Path::toString)
          .toList();
    }
    assertThat(leaks).as("sources outside the parser package that use ANTLR").isEmpty();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
