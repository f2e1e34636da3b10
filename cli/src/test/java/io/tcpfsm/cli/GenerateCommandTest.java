package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir Path dir;

  @Test
  void writesTheMachineAndTheCellTests() throws Exception {
    CliRun r = CliRun.run("generate", "--out", dir.resolve("main").toString(), "--tests-out", dir.resolve("test").toString(), CliRun.spec());
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("wrote 16 machine sources").contains("33 test classes"); // 13 shared + 3 profiles; 11 states x 3 profiles
    Path machine = dir.resolve("main/io/tcpfsm/machine/Rfc9293Machine.java");
    assertThat(Files.readString(machine)).contains("public final class Rfc9293Machine")
        .contains("case CLOSE -> to(TcpState.LAST_ACK, TcpRule.CLOSE_WAIT_CLOSE);");
    // Each rule says where the spec writes it.
    assertThat(Files.readString(dir.resolve("main/io/tcpfsm/machine/TcpRule.java"))).contains("public String source()").contains("tcp.fsm:");
    try (Stream<Path> tests = Files.list(dir.resolve("test/io/tcpfsm/machine"))) {
      assertThat(tests.count()).isEqualTo(33);
    }
  }

  @Test
  void oneProfileInItsOwnPackage() throws Exception {
    CliRun r = CliRun.run("generate", "--out", dir.toString(), "--profile", "rfc793", "--package", "com.example.tcp", CliRun.spec());
    assertThat(r.exit()).isZero();
    assertThat(dir.resolve("com/example/tcp/Rfc793Machine.java")).exists();
    assertThat(dir.resolve("com/example/tcp/Rfc9293Machine.java")).doesNotExist();
  }

  @Test
  void aSpecWithErrorsWritesNothing() throws Exception {
    Path broken = dir.resolve("broken.fsm");
    Files.writeString(broken, Files.readString(Path.of(CliRun.spec())).replace("-> LISTEN rule", "-> LISTN rule"));
    CliRun r = CliRun.run("generate", "--out", dir.resolve("out").toString(), broken.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(broken + ":").contains("unknown target state 'LISTN'");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "com.example.int   | 'com.example.int' is not a Java package name: 'int' is a Java keyword",
        "com.3com.tcp      | 'com.3com.tcp' is not a Java package name: '3com' is not a Java identifier",
        "com.my-org.tcp    | 'my-org' is not a Java identifier",
        "com..tcp          | it has an empty part",
        "io.tcpfsm.        | it has an empty part",
      })
  void anInvalidPackageIsAUsageErrorWithASentence(String pkg, String sentence) {
    CliRun r = CliRun.run("generate", "--out", dir.resolve("out").toString(), "--package", pkg, CliRun.spec());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("Invalid value for option '--package': ").contains(sentence).doesNotContain("tcpfsm: internal error");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anOutBelowARegularFileNamesThatFileAndExits1() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");
    Path out = file.resolve("gen");
    CliRun r = CliRun.run("generate", "--out", out.toString(), CliRun.spec());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("tcpfsm: generate: cannot write to --out " + out + ": " + file + " is a file, not a directory\n");
  }

  @Test
  void anOutThatIsARegularFileIsNamedToo() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");
    CliRun r = CliRun.run("generate", "--out", dir.resolve("main").toString(), "--tests-out", file.toString(), CliRun.spec());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("tcpfsm: generate: cannot write to --tests-out " + file + ": " + file + " is a file, not a directory\n");
    assertThat(dir.resolve("main")).as("nothing is written when a target is bad").doesNotExist();
  }

  @Test
  void directoryProblemAcceptsExistingAndNewDirectories() {
    assertThat(GenerateCommand.directoryProblem("--out", dir)).isNull();
    assertThat(GenerateCommand.directoryProblem("--out", dir.resolve("a/b/c"))).isNull();
  }
}
