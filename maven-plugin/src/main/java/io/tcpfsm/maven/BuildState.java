package io.tcpfsm.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last run generated, kept in a small text file under {@code target/}: a fingerprint
 * of the plugin (version and class path) and of the configuration, and per spec the hash of its
 * inputs and the files it produced. A spec whose inputs, plugin and configuration are unchanged
 * and whose files are all still there is up to date; the files of a spec that is gone are stale.
 */
final class BuildState {
  static final String HEADER = "tcpfsm-state 1";

  /** One spec's record: the hash of its inputs ({@link #FAILED} after errors) and its outputs. */
  record Entry(String inputs, List<String> outputs) {}

  /** The hash of a spec that had errors: never up to date. */
  static final String FAILED = "failed";

  final String tool;
  final String config;
  final Map<String, Entry> specs;

  BuildState(String tool, String config, Map<String, Entry> specs) {
    this.tool = tool;
    this.config = config;
    this.specs = specs;
  }

  static BuildState empty() {
    return new BuildState("", "", new TreeMap<>());
  }

  /** The state in {@code file}; empty when it is missing or unreadable (everything regenerates). */
  static BuildState read(Path file) {
    if (!Files.isRegularFile(file)) {
      return empty();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        return empty();
      }
      String tool = "";
      String config = "";
      Map<String, String> hashes = new LinkedHashMap<>();
      Map<String, List<String>> outputs = new LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "tool" -> tool = f[1];
          case "config" -> config = f[1];
          case "spec" -> {
            hashes.put(f[1], f[2]);
            outputs.putIfAbsent(f[1], new ArrayList<>());
          }
          case "out" -> outputs.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[2]);
          default -> { }
        }
      }
      Map<String, Entry> specs = new TreeMap<>();
      hashes.forEach((spec, hash) -> specs.put(spec, new Entry(hash, outputs.get(spec))));
      return new BuildState(tool, config, specs);
    } catch (IOException | RuntimeException e) {
      return empty();
    }
  }

  void write(Path file) throws IOException {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    b.append("tool\t").append(tool).append('\n');
    b.append("config\t").append(config).append('\n');
    for (Map.Entry<String, Entry> e : specs.entrySet()) {
      b.append("spec\t").append(e.getKey()).append('\t').append(e.getValue().inputs()).append('\n');
      for (String out : e.getValue().outputs()) {
        b.append("out\t").append(e.getKey()).append('\t').append(out).append('\n');
      }
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }
}
