package io.tcpfsm.cli;

import com.palantir.javapoet.JavaFile;
import io.tcpfsm.analysis.ProfileTable;
import io.tcpfsm.emit.JavaEmitter;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tcpfsm generate}: the Java machine (and its tests) from a spec, without Maven. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the Java state machine (and its cell tests) from a spec. Writes shared types "
          + "and one machine class per profile, in package folders under --out. With --tests-out, "
          + "also the JUnit 5 transition tests (one per cell) under --tests-out.",
      "The spec must validate (exit 1 with its diagnostics if not)."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the machine's sources.")
  Path out;

  @Option(names = "--profile", paramLabel = "P", description = "Only this profile's machine (default: every profile).")
  String profile;

  @Option(names = "--package", paramLabel = "PKG", defaultValue = "io.tcpfsm.machine",
      description = "Java package (default: ${DEFAULT-VALUE}); a name that is not a Java package name is a usage error.")
  String pkg;

  @Option(names = "--tests-out", paramLabel = "DIR", description = "Also write the transition tests here.")
  Path testsOut;

  @Parameters(paramLabel = "FILE", description = "The spec file, e.g. spec/tcp.fsm.")
  Path file;

  @Override
  public Integer call() throws IOException, SpecFile.Unreadable {
    PrintWriter err = spec.commandLine().getErr();
    String badPackage = packageProblem(pkg);
    if (badPackage != null) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--package': " + badPackage);
    }
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
    String badOut = directoryProblem("--out", out);
    if (badOut == null && testsOut != null) {
      badOut = directoryProblem("--tests-out", testsOut);
    }
    if (badOut != null) {
      err.println("tcpfsm: generate: " + badOut);
      return Main.EXIT_PROBLEMS;
    }
    List<JavaFile> machine = JavaEmitter.machine(result, pkg);
    List<JavaFile> tests = new ArrayList<>();
    if (testsOut != null) {
      try {
        tests = JavaEmitter.tests(result, pkg, JavaEmitter.keysBeside(file, List.copyOf(result.tables().keySet())));
      } catch (IllegalArgumentException e) {
        err.println("tcpfsm: generate: " + e.getMessage());
        return Main.EXIT_PROBLEMS;
      }
    }
    try {
      JavaEmitter.write(machine, out);
      if (testsOut != null) {
        JavaEmitter.write(tests, testsOut);
      }
    } catch (IOException e) {
      err.println("tcpfsm: generate: cannot write the sources: " + describe(e));
      return Main.EXIT_PROBLEMS;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.printf("wrote %d machine sources to %s%s%n", machine.size(), out,
        testsOut == null ? "" : " and " + tests.size() + " test classes to " + testsOut);
    o.flush();
    return 0;
  }

  /** Why {@code name} cannot be a Java package name, or null if it can. */
  static String packageProblem(String name) {
    if (name.isEmpty()) {
      return "the package name is empty";
    }
    for (String part : name.split("\\.", -1)) {
      if (part.isEmpty()) {
        return "'" + name + "' is not a Java package name: it has an empty part (two dots, or a dot at an end)";
      }
      if (SourceVersion.isKeyword(part)) {
        return "'" + name + "' is not a Java package name: '" + part + "' is a Java keyword, and a keyword cannot be part of a package name";
      }
      if (!SourceVersion.isIdentifier(part)) {
        return "'" + name + "' is not a Java package name: '" + part + "' is not a Java identifier"
            + " (a part starts with a letter, '_' or '$' and goes on with letters, digits, '_' or '$')";
      }
    }
    return null;
  }

  /** Why the sources cannot go into directory {@code dir} (given as option {@code option}), or null if they can. */
  static String directoryProblem(String option, Path dir) {
    // The nearest part of the path that exists must be a directory, or no directory can be made below it.
    for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p)) {
        return Files.isWritable(p) ? null : "cannot write to " + option + " " + dir + ": " + p + " is not writable";
      }
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.exists(p)) {
        return "cannot write to " + option + " " + dir + ": " + p + " is a file, not a directory";
      }
    }
    return null;
  }

  private static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile() + (f.getReason() == null ? ": " + e.getClass().getSimpleName() : ": " + f.getReason());
    }
    return e.getMessage();
  }
}
