package io.tcpfsm.cli;

import com.palantir.javapoet.JavaFile;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.emit.JavaEmitter;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tcpfsm generate}: the Java machine (and its tests) from a spec, without Maven. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the Java state machine (and its cell tests) from a spec.",
      "Writes shared types and one machine class per profile, in package folders under --out.",
      "With --tests-out, also the JUnit 5 transition tests",
      "(one per cell) under --tests-out. The spec must validate (exit 1 with its diagnostics if not)."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the machine's sources.")
  Path out;

  @Option(names = "--profile", paramLabel = "P", description = "Only this profile's machine (default: every profile).")
  String profile;

  @Option(names = "--package", paramLabel = "PKG", defaultValue = "io.tcpfsm.machine", description = "Java package (default: ${DEFAULT-VALUE}).")
  String pkg;

  @Option(names = "--tests-out", paramLabel = "DIR", description = "Also write the transition tests here.")
  Path testsOut;

  @Parameters(paramLabel = "FILE", description = "The spec file, e.g. spec/tcp.fsm.")
  Path file;

  @Override
  public Integer call() throws IOException, SpecFile.Unreadable {
    PrintWriter err = spec.commandLine().getErr();
    // Generated code names the spec by folder and file only (as the Maven plugin does), so
    // the bytes do not depend on where the checkout lives.
    Path abs = file.toAbsolutePath();
    String name = abs.getParent() == null ? abs.getFileName().toString() : abs.getParent().getFileName() + "/" + abs.getFileName();
    Validator.Result result = SpecFile.load(file);
    if (result.ok()) {
      result = SpecFile.load(file, name);
    }
    if (!SpecFile.report(result, err)) {
      return Main.EXIT_PROBLEMS;
    }
    if (profile != null) {
      if (!result.tables().containsKey(profile)) {
        err.println("tcpfsm: " + file + " has no profile '" + profile + "'; it has " + String.join(", ", result.machine().profileNames()));
        return Main.EXIT_PROBLEMS;
      }
      Map<String, ProfileTable> only = new LinkedHashMap<>();
      only.put(profile, result.tables().get(profile));
      result = new Validator.Result(result.machine(), only, result.diagnostics());
    }
    List<JavaFile> machine = JavaEmitter.machine(result, pkg);
    JavaEmitter.write(machine, out);
    List<JavaFile> tests = new ArrayList<>();
    if (testsOut != null) {
      Map<String, JavaEmitter.AnswerKey> keys = JavaEmitter.keysBeside(file, List.copyOf(result.tables().keySet()));
      try {
        tests = JavaEmitter.tests(result, pkg, keys);
      } catch (IllegalArgumentException e) {
        err.println("tcpfsm: " + e.getMessage());
        return Main.EXIT_PROBLEMS;
      }
      JavaEmitter.write(tests, testsOut);
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf("wrote %d machine sources to %s%s%n", machine.size(), out,
        testsOut == null ? "" : " and " + tests.size() + " test classes to " + testsOut);
    o.flush();
    return 0;
  }
}
