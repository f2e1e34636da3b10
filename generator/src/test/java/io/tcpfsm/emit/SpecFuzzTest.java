package io.tcpfsm.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.RepoRoot;
import io.tcpfsm.validate.Validator;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the validator and the emitter together: random specs built from the grammar's words
 * and names that stress the generated Java, and mutations of spec/tcp.fsm. {@code check} must
 * never throw and must finish quickly; whatever it accepts must emit Java that compiles without
 * a warning. A failure prints the spec (jqwik shrinks it).
 */
class SpecFuzzTest {
  private static final Duration BUDGET = Duration.ofSeconds(5);

  /** Names that stress the mapping to Java: keywords, case twins, members of generated types. */
  private static final List<String> NAMES = List.of(
      "A", "a", "B", "b_c", "B-C", "CLOSED", "closed", "class", "_", "x_", "kind", "Kind", "label", "values",
      "all", "mask", "bit", "table", "needed", "steps", "fromHeader", "SYN_ACK", "SYN", "ACK", "FIN", "string", "Object",
      "default_machine", "m_state", "m_event", "in", "on", "Q", "q", "rfc9293", "syn-ack");

  private static final List<String> WORDS = List.of(
      "machine", "states", "events", "guards", "timers", "defaults", "profile", "documents", "in", "on", "when", "->",
      "rule", "{", "}", "(", ")", "[", "]", ",", "+", "*", "except", "not", "and", "or", "initial", "final", "alias",
      "call", "segment", "flags", "target", "stay", "cite", "RFC793", "3.9", "p.53", "p.99999999999", "\"text\"",
      "\"a \\\\u002a/ b\"", "drop", "send", "<SEQ=SND.NXT>", "timer", "start", "signal", "set", "SND.NXT", "=", "if",
      "unreachable", "tag", "note", "#", "\n");

  @Property(tries = 150)
  void randomSpecsAreCheckedSafelyAndWhatPassesCompiles(@ForAll("specs") String spec) {
    checkAndCompile(spec, true);
  }

  @Property(tries = 12)
  void mutationsOfTheBundledSpecAreCheckedSafely(@ForAll("mutations") String spec) {
    checkAndCompile(spec, true);
  }

  @Provide
  Arbitrary<String> specs() {
    return Arbitraries.longs().map(SpecFuzzTest::structured);
  }

  @Provide
  Arbitrary<String> mutations() throws Exception {
    String tcp = Files.readString(RepoRoot.get().resolve("spec/tcp.fsm"));
    return Arbitraries.longs().map(seed -> mutate(tcp, new Random(seed)));
  }

  /** Machines that pass the validator more often than word soup: a ring of states, names from {@link #NAMES}. */
  static String structured(long seed) {
    Random r = new Random(seed);
    List<String> states = pick(r, 1 + r.nextInt(4));
    List<String> calls = pick(r, 1 + r.nextInt(3));
    List<String> guards = pick(r, r.nextInt(3));
    StringBuilder sb = new StringBuilder("machine ").append(r.nextBoolean() ? "m" : NAMES.get(r.nextInt(NAMES.size()))).append(" \"fuzz\"\n");
    sb.append("documents { source notes \"the fuzzer's\" }\n");
    sb.append("states {\n");
    for (int i = 0; i < states.size(); i++) {
      sb.append("  ").append(states.get(i)).append(i == 0 ? " initial" : "").append(" \"").append(desc(r)).append("\"\n");
    }
    sb.append("}\nevents {\n");
    for (String c : calls) {
      sb.append("  call ").append(c).append(" \"").append(desc(r)).append("\"\n");
    }
    boolean segments = r.nextBoolean();
    if (segments) {
      sb.append("  segment flags SYN, ACK\n");
    }
    sb.append("}\n");
    if (!guards.isEmpty()) {
      sb.append("guards {\n");
      for (String g : guards) {
        sb.append("  ").append(g).append(" \"").append(desc(r)).append("\"\n");
      }
      sb.append("}\n");
    }
    sb.append("defaults {\n  target stay cite notes\n").append(segments ? "  on segment { drop cite notes }\n" : "").append("}\n");
    for (int i = 0; i < states.size(); i++) {
      String next = states.get((i + 1) % states.size());
      for (String c : calls) {
        if (!guards.isEmpty() && r.nextBoolean()) {
          String g = guards.get(r.nextInt(guards.size()));
          sb.append("in ").append(states.get(i)).append(" on ").append(c).append(" when ").append(g).append(" -> ").append(next).append(" { drop cite notes }\n");
          sb.append("in ").append(states.get(i)).append(" on ").append(c).append(" when not ").append(g).append(" { signal \"").append(desc(r)).append("\" cite notes }\n");
        } else {
          sb.append("in ").append(states.get(i)).append(" on ").append(c).append(" -> ").append(next).append(" { drop cite notes }\n");
        }
      }
    }
    if (r.nextInt(4) == 0) {
      sb.append("profile ").append(NAMES.get(r.nextInt(NAMES.size()))).append(" \"").append(desc(r)).append("\" { }\n");
    }
    String text = sb.toString();
    // Now and then, some word soup on top.
    int soup = r.nextInt(3) == 0 ? 1 + r.nextInt(5) : 0;
    for (int i = 0; i < soup; i++) {
      int at = r.nextInt(text.length() + 1);
      text = text.substring(0, at) + " " + WORDS.get(r.nextInt(WORDS.size())) + " " + text.substring(at);
    }
    return text;
  }

  static String mutate(String spec, Random r) {
    String text = spec;
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      int at = r.nextInt(text.length());
      int len = Math.min(text.length() - at, r.nextInt(40));
      switch (r.nextInt(5)) {
        case 0 -> text = text.substring(0, at) + text.substring(at + len); // delete
        case 1 -> text = text.substring(0, at) + " " + WORDS.get(r.nextInt(WORDS.size())) + " " + text.substring(at);
        case 2 -> text = text.substring(0, at) + text.substring(at, at + len) + text.substring(at); // duplicate
        case 3 -> text = text.substring(0, at) + " " + NAMES.get(r.nextInt(NAMES.size())) + " " + text.substring(at);
        default -> text = text.replaceFirst("\\b" + pick(r, 1).get(0).replace("-", "") + "\\b", NAMES.get(r.nextInt(NAMES.size())));
      }
    }
    return text;
  }

  private static List<String> pick(Random r, int n) {
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      String name = NAMES.get(r.nextInt(NAMES.size()));
      if (!out.contains(name) && !List.of("in", "on").contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  private static String desc(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> "a \\\\ backslash";
      case 1 -> "x \\\\u002a/ y";
      case 2 -> "quote \\\" */ <b> & @";
      default -> "plain";
    };
  }

  static void checkAndCompile(String spec) {
    checkAndCompile(spec, false);
  }

  static void checkAndCompile(String spec, boolean statistics) {
    long start = System.nanoTime();
    Validator.Result result = Validator.check("fuzz.fsm", spec);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("check took %s on:%n%s", took, spec).isLessThan(BUDGET);
    if (statistics) {
      net.jqwik.api.statistics.Statistics.collect(result.ok() ? "accepted" : "rejected");
    }
    if (!result.ok()) {
      return;
    }
    var out = InMemoryCompiler.compile(JavaEmitter.machine(result, "fuzz.gen"));
    assertThat(out.diagnostics()).as("check accepted it, javac did not:%n%s%n%s", out.report(), spec).isEmpty();
  }

  /** The classes the issue reported, each once, so a regression names itself. */
  @Test
  void reportedClassesAreDiagnosedNotThrown() {
    String base = structured(1);
    List<String> bad = List.of(
        "in A on B when " + "(".repeat(10_000) + "g" + ")".repeat(10_000) + " { }",
        "in A on B when " + "g and ".repeat(10_000) + "g { }",
        "x".repeat(SpecParserLimit.MAX + 1),
        "\0".repeat(100_000),
        "states { A initial \"" + "y".repeat(65_535) + "\" }");
    for (String spec : bad) {
      Validator.Result r = Validator.check("bad.fsm", spec);
      assertThat(r.ok()).isFalse();
    }
    checkAndCompile(base);
    // State A's class and guard A's static import had the same simple name in the machine.
    String ab = "machine m \"fuzz\"\nstates {\n  A initial \"a\"\n  B \"b\"\n}\nevents {\n  call go \"go\"\n}\nguards {\n  A \"a guard\"\n}\n"
        + "in A on go when A -> B { drop }\nin A on go when not A -> A { drop }\nin B on go -> A { drop }\n";
    Validator.Result r = Validator.check("ab.fsm", ab);
    assertThat(r.ok()).as("%s", r.diagnostics().sorted()).isTrue();
    checkAndCompile(ab);
  }

  private static final class SpecParserLimit {
    static final int MAX = io.tcpfsm.parser.SpecParser.MAX_CHARS;
  }
}
