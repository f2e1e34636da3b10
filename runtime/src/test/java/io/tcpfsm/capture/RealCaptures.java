package io.tcpfsm.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real captures in the checkout's captures/ folder (its README.md says where each comes from). */
final class RealCaptures {
  private RealCaptures() {}

  /** captures/ of the checkout: under system property tcpfsm.root (set by the build), else the first directory up that has it. */
  static Path dir() {
    String root = System.getProperty("tcpfsm.root");
    if (root != null && !root.contains("${") && Files.isDirectory(Path.of(root, "captures"))) {
      return Path.of(root, "captures");
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("captures").resolve("README.md"))) {
        return d.resolve("captures");
      }
    }
    throw new IllegalStateException("captures/README.md not found above " + Path.of("").toAbsolutePath());
  }

  static Path file(String name) {
    return dir().resolve(name);
  }

  static byte[] bytes(String name) throws IOException {
    return Files.readAllBytes(file(name));
  }

  /** Every record of a capture, decoded. */
  static List<Record> records(byte[] capture) throws CaptureException, IOException {
    List<Record> out = new ArrayList<>();
    try (CaptureReader r = CaptureReader.open(new java.io.ByteArrayInputStream(capture))) {
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
    }
    return out;
  }

  static List<Record> records(String name) throws CaptureException, IOException {
    try (InputStream in = Files.newInputStream(file(name))) {
      List<Record> out = new ArrayList<>();
      CaptureReader r = CaptureReader.open(in);
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
      return out;
    }
  }
}
