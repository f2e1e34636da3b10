package io.tcpfsm.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.diag.Code;
import io.tcpfsm.diag.Diagnostic;
import io.tcpfsm.model.Machine;
import io.tcpfsm.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits of size E028 sets on a machine (states, events, state × event pairs, rule parts,
 * step table): a spec at every limit at once generates Java that compiles (javac failed with
 * "code too large" in the rule enum's initialiser near 1,500 rules of three parts, in the event
 * enum's between 2,000 and 3,000 events), and one past each limit is reported where it crosses.
 * The two compiles take several seconds.
 */
class SizeLimitsTest {
  /**
   * A chain of {@code states} states, each leaving by call E0 for the next; {@code calls} calls
   * and four segment flags; every other cell stays by a default; {@code guards} guards declared
   * (unused: a warning); {@code body} is each chain rule's body ({@code #} is its number).
   */
  static String chain(int states, int calls, int guards, boolean documents, String body) {
    StringBuilder sb = new StringBuilder("machine big \"a chain\"\n");
    if (documents) {
      sb.append("documents { source notes \"generated\" }\n");
    }
    sb.append("states {\n");
    for (int i = 0; i < states; i++) {
      sb.append("  S").append(i).append(i == 0 ? " initial" : "").append(" \"state ").append(i).append("\"\n");
    }
    sb.append("}\nevents {\n");
    for (int j = 0; j < calls; j++) {
      sb.append("  call E").append(j).append(" \"call ").append(j).append("\"\n");
    }
    sb.append("  segment flags SYN, ACK, FIN, RST\n}\n");
    if (guards > 0) {
      sb.append("guards {\n");
      for (int g = 0; g < guards; g++) {
        sb.append("  g").append(g).append(" \"guard ").append(g).append("\"\n");
      }
      sb.append("}\n");
    }
    String cite = documents ? " cite notes" : "";
    String target = documents ? "" : " -> S0";
    sb.append("defaults {\n").append(documents ? "  target stay cite notes\n" : "").append("  on ");
    for (int j = 0; j < calls; j++) {
      sb.append(j == 0 ? "" : ", ").append("E").append(j);
    }
    sb.append(target).append(" { drop").append(cite).append(" }\n  on segment").append(target).append(" { drop").append(cite).append(" }\n}\n");
    for (int i = 0; i < states; i++) {
      sb.append("in S").append(i).append(" on E0 -> S").append((i + 1) % states).append(' ').append(body.replace("#", Integer.toString(i))).append('\n');
    }
    return sb.toString();
  }

  private static int parts(Validator.Result r) {
    return r.machine().allTransitions().stream().mapToInt(t -> Machine.RULE_PART_WEIGHT + t.actions().size() + t.citations().size()).sum();
  }

  private static void compiles(Validator.Result r) {
    assertThat(r.ok()).as("%s", r.diagnostics().sorted()).isTrue();
    var out = InMemoryCompiler.compile(JavaEmitter.machine(r, "big.gen"));
    assertThat(out.diagnostics()).as("javac:%n%s", out.report()).isEmpty();
  }

  @Test
  void aSpecAtTheLimitsOfStatesPairsRulesAndTableCompiles() {
    // 997 states x (49 calls + 16 segments) = 64,805 pairs; 997 chain rules and two defaults make
    // 2,000 parts; 8 guards: 16,590,080 table entries.
    Validator.Result r = Validator.check("big.fsm", chain(997, 49, 8, false, "{ note \"rule #\" }"));
    assertThat(r.machine().events()).hasSize(65);
    assertThat(parts(r)).isEqualTo(Machine.MAX_RULE_PARTS);
    assertThat(997L * 65 * 256).isLessThanOrEqualTo(Machine.MAX_TABLE);
    compiles(r);
  }

  @Test
  void theCostliestRulePartsAtTheLimitCompile() {
    // Citations with a section, a page and a quote cost the most in the rule enum's initialiser
    // (about 24 bytes each; 12 a rule is past List.of's fixed arities).
    StringBuilder cites = new StringBuilder("{");
    for (int i = 0; i < 12; i++) {
      cites.append(" cite notes 1.").append(i).append(" p.7").append(i).append(" \"a quoted sentence # ").append(i).append('"');
    }
    Validator.Result r = Validator.check("big.fsm", chain(142, 1, 0, true, cites.append(" note \"n #\" }").toString()));
    assertThat(parts(r)).isBetween(Machine.MAX_RULE_PARTS - 14, Machine.MAX_RULE_PARTS);
    compiles(r);
  }

  @Test
  void onePastEachLimitIsReportedWhereItCrosses() {
    assertThat(tooLarge(chain(Machine.MAX_STATES + 1, 1, 0, false, "{ }")))
        .anyMatch(d -> d.pos().line() == 3 + Machine.MAX_STATES && d.message().startsWith("more than 1000 states"));
    assertThat(tooLarge(chain(2, Machine.MAX_EVENTS - 15, 0, false, "{ }")))
        .anyMatch(d -> d.message().startsWith("more than 1000 events") && d.message().contains("with SYN+ACK+FIN+RST"));
    // 1,000 states x 66 events: the state that makes it 65,537 pairs or more is S992.
    assertThat(tooLarge(chain(1000, 50, 0, false, "{ }")))
        .anyMatch(d -> d.pos().line() == 3 + 992 && d.message().startsWith("1000 states × 66 events = 66000"));
    // The two defaults (6 parts, first in the rule enum) and chain rules of 3 parts: the 665th makes 2,001.
    String rules = chain(700, 1, 0, false, "{ drop }");
    assertThat(tooLarge(rules)).singleElement().satisfies(d -> {
      assertThat(d.message()).startsWith("the rules reach 2001 parts with this one");
      assertThat(rules.lines().toList().get(d.pos().line() - 1)).isEqualTo("in S664 on E0 -> S665 { drop }");
    });
    assertThat(tooLarge(chain(664, 1, 0, false, "{ drop }"))).isEmpty();
  }

  private static List<Diagnostic> tooLarge(String spec) {
    return Validator.check("big.fsm", spec).diagnostics().sorted().stream().filter(d -> d.code() == Code.TOO_LARGE).toList();
  }
}
