package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What every command shares: the version, shell completion, exit codes, internal errors. */
class MainTest {
  @Test
  void versionIsTheProjectsVersionFromTheBuild() throws Exception {
    String pom = Files.readString(CliRun.root().resolve("pom.xml"));
    Matcher m = Pattern.compile("<artifactId>tcpfsm-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(m.find()).isTrue();
    CliRun r = CliRun.run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("tcpfsm " + m.group(1) + "\n");
  }

  @Test
  void completionPrintsPicocliBashCompletionForEveryCommandAndOption() {
    CliRun r = CliRun.run("completion");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_tcpfsm")
        .contains("_picocli_tcpfsm_check", "_picocli_tcpfsm_explain", "_picocli_tcpfsm_generate", "_picocli_tcpfsm_decode")
        .contains("--profile", "--tests-out", "--stacktrace");
  }

  @Test
  void helpListsTheExitCodes() {
    CliRun r = CliRun.run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Exit codes (every command):").contains("3   internal error").contains("completion");
  }

  @Test
  void usageErrorsExit2() {
    assertThat(CliRun.run().exit()).isEqualTo(2);
    assertThat(CliRun.run("chek").exit()).isEqualTo(2);
    assertThat(CliRun.run("check", "--no-such-option", CliRun.spec()).exit()).isEqualTo(2);
  }

  @Test
  void inputProblemsExit1() {
    CliRun r = CliRun.run("check", "no/such/spec.fsm");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("tcpfsm: no/such/spec.fsm: no such file\n");
  }

  @Test
  void decodeAloneBehavesAsDecodeAmongAllCommands() {
    String capture = CliRun.capture("dns_tcp.pcap").toString();
    List<String[]> argLists = List.of(
        new String[] {"decode", "--help"},
        new String[] {"decode", "-V"},
        new String[] {"decode"},
        new String[] {"decode", "--bogus", capture},
        new String[] {"decode", capture, "extra"},
        new String[] {"decode", "no/such.pcap"},
        new String[] {"decode", "--stacktrace", "--json", capture},
        new String[] {"decode", "--nano", capture},
        new String[] {"decode", "help"});
    for (String[] args : argLists) {
      CliRun all = CliRun.run(Main.commandLine(null), args);
      CliRun alone = CliRun.run(Main.commandLine("decode"), args);
      assertThat(alone).as(String.join(" ", args)).isEqualTo(all);
    }
  }

  @Test
  void decodeWithoutPicocliBehavesAsWithIt() throws Exception {
    String capture = CliRun.capture("dns_tcp.pcap").toString();
    String nano = CliRun.capture("tcp-handshake-nano.pcap").toString();
    java.nio.file.Path truncated = Files.createTempFile("truncated", ".pcap");
    byte[] whole = Files.readAllBytes(CliRun.capture("dns_tcp.pcap"));
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 7));
    List<String[]> quick = List.of(
        new String[] {"decode", capture},
        new String[] {"decode", "--nano", nano},
        new String[] {"decode", capture, "--json"},
        new String[] {"decode", "--json", "--nano", capture},
        new String[] {"decode", "no/such.pcap"},
        new String[] {"decode", "spec"},
        new String[] {"decode", truncated.toString()},
        new String[] {"decode", "help"});
    for (String[] args : quick) {
      CliRun picocli = CliRun.run(args);
      java.util.TimeZone saved = java.util.TimeZone.getDefault();
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
      try {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.StringWriter err = new java.io.StringWriter();
        Integer exit = DecodeCommand.quick(args, out, new java.io.PrintWriter(err, true));
        assertThat(new CliRun(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString()))
            .as(String.join(" ", args)).isEqualTo(picocli);
      } finally {
        java.util.TimeZone.setDefault(saved);
      }
    }
    Files.delete(truncated);
    for (String[] args : List.of(
        new String[] {"decode"},
        new String[] {"decode", "--help"},
        new String[] {"decode", "--json", "--json", capture},
        new String[] {"decode", "--", capture},
        new String[] {"decode", "@args"},
        new String[] {"decode", "-x"},
        new String[] {"decode", capture, capture},
        new String[] {"--stacktrace", "decode", capture})) {
      assertThat(DecodeCommand.quick(args, java.io.OutputStream.nullOutputStream(), new java.io.PrintWriter(java.io.Writer.nullWriter())))
          .as(String.join(" ", args)).isNull();
    }
  }

  /** A command with a bug in it. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("the table has no row 7");
    }
  }

  private static CliRun withBoom(String... args) {
    CommandLine cl = Main.commandLine();
    cl.addSubcommand(new Boom());
    return CliRun.run(cl, args);
  }

  @Test
  void anInternalErrorIsOneLineAndExit3() {
    CliRun r = withBoom("boom");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo("tcpfsm: internal error: java.lang.IllegalStateException: the table has no row 7 (rerun with --stacktrace for details)\n");
  }

  @Test
  void stacktraceBeforeOrAfterTheCommandPrintsTheTrace() {
    for (String[] args : new String[][] {{"--stacktrace", "boom"}, {"boom", "--stacktrace"}}) {
      CliRun r = withBoom(args);
      assertThat(r.exit()).isEqualTo(3);
      assertThat(r.err())
          .startsWith("tcpfsm: internal error: java.lang.IllegalStateException: the table has no row 7\n")
          .contains("\tat io.tcpfsm.cli.MainTest$Boom.call(");
    }
  }
}
