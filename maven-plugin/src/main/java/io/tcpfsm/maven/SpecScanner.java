package io.tcpfsm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the specs under the spec directory. A spec in a subfolder gets a sub-package
 * ({@code a/b/x.fsm} generates into {@code packageName.a.b}). The {@code *.cells} files beside a
 * spec (answer keys of generated tests) are inputs of that spec for the up-to-date check.
 */
final class SpecScanner {
  static final String SPEC_SUFFIX = ".fsm";
  static final String CELLS_SUFFIX = ".cells";

  /**
   * One spec: its path relative to the spec directory (with {@code /}), the package of what it
   * generates, and every file its output depends on (the spec first).
   */
  record Spec(String relative, Path file, String packageName, List<Path> inputs) {}

  private SpecScanner() {}

  /** The specs under {@code dir} in a stable order; none if {@code dir} does not exist. */
  static List<Spec> scan(Path dir, String basePackage) throws IOException, BadFolder {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).map(dir::relativize).sorted(SpecScanner::byPath).toList();
    }
    List<Spec> specs = new ArrayList<>();
    for (Path rel : files) {
      if (!rel.getFileName().toString().endsWith(SPEC_SUFFIX)) {
        continue;
      }
      Path folder = rel.getParent();
      StringBuilder pkg = new StringBuilder(basePackage);
      if (folder != null) {
        for (Path segment : folder) {
          Optional<String> p = PackageName.segmentProblem(segment.toString());
          if (p.isPresent()) {
            throw new BadFolder("spec folder '" + slashed(folder) + "' of " + slashed(rel)
                + " cannot be a sub-package of " + basePackage + ": " + p.get());
          }
          pkg.append('.').append(segment);
        }
      }
      List<Path> inputs = new ArrayList<>();
      inputs.add(rel);
      for (Path other : files) {
        if (other.getFileName().toString().endsWith(CELLS_SUFFIX) && sameFolder(other, rel)) {
          inputs.add(other);
        }
      }
      specs.add(new Spec(slashed(rel), dir.resolve(rel), pkg.toString(), inputs.stream().map(dir::resolve).toList()));
    }
    return specs;
  }

  /** A spec folder whose name cannot be a Java package segment. */
  static final class BadFolder extends Exception {
    private static final long serialVersionUID = 1L;

    BadFolder(String message) {
      super(message);
    }
  }

  private static boolean sameFolder(Path a, Path b) {
    return String.valueOf(a.getParent()).equals(String.valueOf(b.getParent()));
  }

  static String slashed(Path rel) {
    return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
  }

  private static int byPath(Path a, Path b) {
    return slashed(a).compareTo(slashed(b));
  }
}
