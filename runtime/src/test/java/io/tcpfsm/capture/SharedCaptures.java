package io.tcpfsm.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real captures in ../shared/captures, found through the tcpfsm.shared system property. */
final class SharedCaptures {
  private SharedCaptures() {}

  static Path dir() {
    String shared = System.getProperty("tcpfsm.shared");
    Path base = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
    return base.resolve("captures");
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
