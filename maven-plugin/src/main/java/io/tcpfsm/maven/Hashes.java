package io.tcpfsm.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * SHA-256 fingerprints for the up-to-date check. A jar is hashed by its entries' names and
 * contents, not its bytes, so a jar re-packed with the same classes (every reactor build of
 * this repository re-packs the plugin) keeps its fingerprint.
 */
final class Hashes {
  private final MessageDigest digest;

  Hashes() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Hashes add(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    addLength(b.length);
    digest.update(b);
    return this;
  }

  Hashes addFile(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    addLength(b.length);
    digest.update(b);
    return this;
  }

  /** A class path element: a jar (its entries), a folder (its files) or nothing. */
  Hashes addClassPathElement(Path element) throws IOException {
    add(element.getFileName() == null ? "" : element.getFileName().toString());
    if (Files.isDirectory(element)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(element)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        add(SpecScanner.slashed(element.relativize(f)));
        addFile(f);
      }
    } else if (Files.isRegularFile(element)) {
      try (ZipFile zip = new ZipFile(element.toFile())) {
        List<? extends ZipEntry> entries = Collections.list(zip.entries());
        entries.sort((a, b) -> a.getName().compareTo(b.getName()));
        for (ZipEntry e : entries) {
          if (e.isDirectory()) {
            continue;
          }
          add(e.getName());
          try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readAllBytes();
            addLength(b.length);
            digest.update(b);
          }
        }
      }
    } else {
      add("<missing>");
    }
    return this;
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private void addLength(int n) {
    digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
  }
}
