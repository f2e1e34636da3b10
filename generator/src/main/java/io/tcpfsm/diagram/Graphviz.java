package io.tcpfsm.diagram;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Graphviz's {@code dot}, run as a subprocess to turn DOT into SVG or PNG. It is found on PATH
 * before it is started, so a missing install is a sentence naming the package, not an
 * {@link IOException} from the process builder; a run that takes longer than
 * {@link #TIMEOUT_SECONDS} is killed.
 */
public final class Graphviz {
  /** dot draws the TCP diagram in under a second (0.8 s at 150 dpi on a loaded machine); a minute means it is stuck. */
  static final long TIMEOUT_SECONDS = 60;

  /** What a user installs to get {@code dot}: the Debian and Homebrew package both. */
  public static final String PACKAGE = "graphviz";

  private static final List<String> FORMATS = List.of("svg", "png");

  /**
   * PNG resolution: at dot's default 96 dpi the 10-point labels are 13 pixels high, too small
   * on a projector; at 150 the TCP diagram is about 2,500 by 1,460 pixels. SVG is in points.
   */
  static final int PNG_DPI = 150;

  private final Path executable;

  private Graphviz(Path executable) {
    this.executable = executable;
  }

  /** The {@code dot} on this process's PATH. */
  public static Graphviz onPath() {
    return onPath(System.getenv("PATH"));
  }

  /** The {@code dot} on {@code path}, a PATH-style list of folders (tests give one without it). */
  public static Graphviz onPath(String path) {
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, "dot");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return new Graphviz(candidate);
        }
      }
    }
    return new Graphviz(null);
  }

  /** Whether {@code dot} was found. */
  public boolean available() {
    return executable != null;
  }

  /**
   * Runs {@code dot -T<format>} on {@code dot} and returns what it wrote.
   *
   * @throws Missing when dot was not found
   * @throws Failed when dot exits with an error or runs past the timeout
   */
  public byte[] render(String dot, String format) {
    if (!FORMATS.contains(format)) {
      throw new IllegalArgumentException("format must be one of " + FORMATS + ": " + format);
    }
    if (executable == null) {
      throw new Missing();
    }
    Process process;
    try {
      List<String> command = new java.util.ArrayList<>(List.of(executable.toString(), "-T" + format));
      if (format.equals("png")) {
        command.add("-Gdpi=" + PNG_DPI);
      }
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new Failed(executable + " could not be started: " + e.getMessage());
    }
    // Feed and drain on other threads: dot may fill its output pipe before it reads all input.
    CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> write(process.getOutputStream(), dot));
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new Failed(executable + " -T" + format + " did not finish in " + TIMEOUT_SECONDS + " s; it was stopped");
      }
      feed.join();
      byte[] result = out.join();
      String messages = new String(err.join(), StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0) {
        throw new Failed(executable + " -T" + format + " failed (exit " + process.exitValue() + ")"
            + (messages.isEmpty() ? "" : ": " + messages.lines().findFirst().orElse("")));
      }
      return result;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new Failed("interrupted while " + executable + " ran");
    }
  }

  private static void write(OutputStream out, String text) {
    try (out) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // dot exited before reading everything; its exit code and stderr say why
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Graphviz is not installed: the message names the package. */
  public static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing() {
      super("Graphviz's dot was not found on PATH; install the " + PACKAGE
          + " package (Debian and Ubuntu: apt-get install " + PACKAGE + "; macOS: brew install " + PACKAGE + ")");
    }
  }

  /** dot ran and failed, or ran too long. */
  public static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failed(String message) {
      super(message);
    }
  }
}
