package io.tcpfsm.cli;

import io.tcpfsm.diag.Diagnostic;
import io.tcpfsm.parser.SpecParser;
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
      text = readBounded(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new Unreadable(file + ": no such file");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new Unreadable(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new Unreadable(file + ": cannot read: " + reason(e));
    }
    return Validator.check(displayName, text);
  }

  /**
   * The file's text, refused past {@link SpecParser#MAX_CHARS} bytes before more is read: a
   * 100 MB file, or /dev/zero (which has no size), costs at most the limit.
   */
  static String readBounded(Path file) throws IOException, Unreadable {
    long max = SpecParser.MAX_CHARS;
    if (Files.isRegularFile(file) && Files.size(file) > max) {
      throw new Unreadable(file + ": " + Files.size(file) + " bytes; a spec may have at most " + max + " (4 MiB)");
    }
    byte[] bytes;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) max + 1);
    }
    if (bytes.length > max) {
      throw new Unreadable(file + ": more than " + max + " bytes; a spec may have at most " + max + " (4 MiB)");
    }
    return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
  }

  /** Why reading failed, in words: Java's exceptions often carry only the file's name. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    String m = e.getMessage();
    if (m == null || m.isBlank() || (e instanceof java.nio.file.FileSystemException fs && m.equals(fs.getFile()))) {
      return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
    return m;
  }

  /** The spec at {@code file}, or the bundled spec/tcp.fsm when {@code file} is null. */
  static Validator.Result loadOrBundled(Path file) throws Unreadable {
    return file == null ? BundledSpec.load() : load(file);
  }

  /** As {@link #loadOrBundled}, for a command that needs a valid model: null (its diagnostics printed) if it has errors. */
  static Validator.Result loadValid(Path file, PrintWriter err) throws Unreadable {
    Validator.Result result = loadOrBundled(file);
    if (!result.ok()) {
      report(result, err);
      return null;
    }
    return result;
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

  /**
   * The profile a command uses when none is named: rfc9293, the current standard, when the spec
   * has it (the bundled spec's linux comes after it); else the spec's last.
   */
  static String defaultProfile(java.util.List<String> profiles) {
    return profiles.contains("rfc9293") ? "rfc9293" : profiles.get(profiles.size() - 1);
  }
}
