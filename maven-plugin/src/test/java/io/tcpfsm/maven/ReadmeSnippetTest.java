package io.tcpfsm.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README's plugin snippet is the one the integration test builds: the sample project under
 * src/it/readme-sample holds it verbatim between two markers (with the version filtered in).
 */
class ReadmeSnippetTest {
  private static final String BEGIN = "<!-- README snippet begin -->\n";
  private static final String END = "<!-- README snippet end -->";

  @Test
  void readmeShowsTheSnippetThatTheIntegrationTestBuilds() throws Exception {
    Path root = Path.of(System.getProperty("tcpfsm.root", ".."));
    String readme = Files.readString(root.resolve("README.md"));
    String sample = Files.readString(Path.of("src/it/readme-sample/pom.xml"));
    String snippet = sample.substring(sample.indexOf(BEGIN) + BEGIN.length(), sample.indexOf(END))
        .replace("@project.version@", System.getProperty("project.version", "0.1.0-SNAPSHOT"));

    String section = readme.substring(readme.indexOf("### In your own Maven project"));
    assertThat(section).contains("```xml\n" + snippet + "```\n");
  }
}
