package io.tcpfsm.cli;

import io.tcpfsm.diag.Diagnostic;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a spec file for a command and prints its diagnostics the way javac does. */
final class SpecFile {
  private SpecFile() {}

  /** Thrown when the file cannot be read; the message names the file and why. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  static Validator.Result load(Path file) throws Unreadable {
    return load(file, file.toString());
  }

  /** Reads {@code file}; diagnostics and sources name it {@code displayName}. */
  static Validator.Result load(Path file, String displayName) throws Unreadable {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new Unreadable(file + ": no such file");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new Unreadable(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new Unreadable(file + ": cannot read: " + e.getMessage());
    }
    return Validator.check(displayName, text);
  }

  /** Prints every diagnostic, then a count line if there were any; returns true if no errors. */
  static boolean report(Validator.Result result, PrintWriter err) {
    for (Diagnostic d : result.diagnostics().sorted()) {
      err.println(d.render());
    }
    long errors = result.diagnostics().errorCount();
    long warnings = result.diagnostics().warningCount();
    if (errors + warnings > 0) {
      err.println(plural(errors, "error") + (warnings > 0 ? ", " + plural(warnings, "warning") : ""));
    }
    err.flush();
    return errors == 0;
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
