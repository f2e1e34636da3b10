package io.tcpfsm.maven;

import java.util.Optional;
import javax.lang.model.SourceVersion;

/** Java package names as the plugin accepts them: from the configuration and from spec folders. */
final class PackageName {
  private PackageName() {}

  /** Why {@code name} is not a Java package name, naming the bad segment; empty if it is one. */
  static Optional<String> problem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("packageName is empty; give a Java package such as com.example.tcp");
    }
    String[] segments = name.split("\\.", -1);
    for (String s : segments) {
      Optional<String> p = segmentProblem(s);
      if (p.isPresent()) {
        return Optional.of("packageName '" + name + "' is not a Java package name: " + p.get());
      }
    }
    return Optional.empty();
  }

  /** Why one segment (a package part or a spec folder's name) is not a Java identifier. */
  static Optional<String> segmentProblem(String s) {
    if (s.isEmpty()) {
      return Optional.of("it has an empty segment (two dots, or a dot at an end)");
    }
    if (SourceVersion.isKeyword(s)) {
      return Optional.of("its segment '" + s + "' is a Java keyword");
    }
    if (!SourceVersion.isIdentifier(s)) {
      return Optional.of("its segment '" + s + "' is not a Java identifier (letters, digits, _ and $, not starting with a digit)");
    }
    return Optional.empty();
  }
}
