package io.tcpfsm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Moves freshly generated files from a staging folder into an output folder, writing only the
 * files whose bytes changed (so javac's incremental check sees untouched sources as untouched),
 * and deletes the files a spec no longer produces. Outputs are named {@code root:relative/path},
 * the root being {@code main} or {@code test}.
 */
final class Outputs {
  private Outputs() {}

  /** Copies every file under {@code staging} to {@code out}; returns their names. */
  static List<String> sync(Path staging, String root, Path out) throws IOException {
    if (!Files.isDirectory(staging)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(staging)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      Path rel = staging.relativize(f);
      Path target = out.resolve(rel);
      byte[] bytes = Files.readAllBytes(f);
      if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
      }
      names.add(root + ":" + SpecScanner.slashed(rel));
    }
    return names;
  }

  /** Whether every named output exists. */
  static boolean allExist(Collection<String> names, Map<String, Path> roots) {
    for (String n : names) {
      Path p = resolve(n, roots);
      if (p == null || !Files.isRegularFile(p)) {
        return false;
      }
    }
    return true;
  }

  /** Deletes the named outputs and the package folders they leave empty; returns how many went. */
  static int delete(Collection<String> names, Map<String, Path> roots) throws IOException {
    int deleted = 0;
    for (String n : names) {
      Path p = resolve(n, roots);
      if (p != null && Files.deleteIfExists(p)) {
        deleted++;
        Path root = roots.get(n.substring(0, n.indexOf(':')));
        for (Path dir = p.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
          try (Stream<Path> left = Files.list(dir)) {
            if (left.findAny().isPresent()) {
              break;
            }
          }
          Files.delete(dir);
        }
      }
    }
    return deleted;
  }

  /** Deletes a folder and everything in it. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(dir)) {
      all = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }

  private static Path resolve(String name, Map<String, Path> roots) {
    int colon = name.indexOf(':');
    Path root = colon < 0 ? null : roots.get(name.substring(0, colon));
    if (root == null) {
      return null;
    }
    Path p = root.resolve(name.substring(colon + 1)).normalize();
    return p.startsWith(root.normalize()) ? p : null;
  }
}
