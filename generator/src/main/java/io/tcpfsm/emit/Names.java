package io.tcpfsm.emit;

import io.tcpfsm.model.Machine;
import io.tcpfsm.model.SeqExpr;
import io.tcpfsm.model.Transition;
import java.util.Locale;

/** Java names for the model's names: types, enum constants, test methods. One place, one rule each. */
final class Names {
  private Names() {}

  /** {@code tcp} -> {@code Tcp}: the prefix of every generated type. */
  static String prefix(Machine m) {
    return upperCamel(m.name());
  }

  /**
   * {@code rfc9293} -> {@code Rfc9293Machine}; the implicit profile of a spec with none gives
   * {@code DefaultMachine} ({@code TcpMachine} is the interface every profile implements).
   */
  static String machineClass(Machine m, String profile) {
    return upperCamel(profile) + "Machine";
  }

  /** {@code Rfc9293EstablishedTest}. */
  static String testClass(Machine m, String profile, String state) {
    return (m.profiles().isEmpty() ? prefix(m) : upperCamel(profile)) + upperCamel(state) + "Test";
  }

  /** {@code SYN+ACK} -> {@code SYN_ACK}; {@code OPEN-ACTIVE} -> {@code OPEN_ACTIVE} (a spec name may have '-'). */
  static String eventConstant(String event) {
    return event.replace('+', '_').replace('-', '_');
  }

  /** {@code seq_acceptable} -> {@code SEQ_ACCEPTABLE}. */
  static String constant(String name) {
    return name.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** {@code SND.NXT+1} -> {@code SND_NXT_PLUS_1}; {@code 0} -> {@code ZERO}. */
  static String valueConstant(SeqExpr e) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < e.terms().size(); i++) {
      if (i > 0) {
        sb.append(e.ops().get(i - 1) == '+' ? "_PLUS_" : "_MINUS_");
      }
      String t = e.terms().get(i);
      sb.append(t.equals("0") ? "ZERO" : constant(t));
    }
    String s = sb.toString();
    return Character.isDigit(s.charAt(0)) ? "N" + s : s;
  }

  /** {@code SND.UNA < SEG.ACK} -> {@code SND_UNA_LT_SEG_ACK}: a condition in words. */
  static String conditionConstant(io.tcpfsm.model.Condition c) {
    if (c instanceof io.tcpfsm.model.Condition.Compare cmp) {
      String op = switch (cmp.op()) {
        case "<" -> "LT";
        case "=<" -> "LE";
        case "=" -> "EQ";
        case ">" -> "GT";
        case ">=" -> "GE";
        case "!=" -> "NE";
        default -> throw new IllegalArgumentException("unknown comparison " + cmp.op());
      };
      return valueConstant(cmp.left()) + "_" + op + "_" + valueConstant(cmp.right());
    } else if (c instanceof io.tcpfsm.model.Condition.And a) {
      return conditionConstant(a.left()) + "_AND_" + conditionConstant(a.right());
    } else if (c instanceof io.tcpfsm.model.Condition.Or o) {
      return conditionConstant(o.left()) + "_OR_" + conditionConstant(o.right());
    } else if (c instanceof io.tcpfsm.model.Condition.Not n) {
      return "NOT_" + conditionConstant(n.operand());
    }
    throw new IllegalArgumentException("unknown condition " + c);
  }

  /** A rule's constant in the generated rule enum: {@code syn_recv_rst} -> {@code SYN_RECV_RST}. */
  static String ruleConstant(Transition t) {
    return constant(t.name());
  }

  /** {@code SYN_RECV}, {@code SYN+ACK}, guards -> {@code synRecv_synAck_seqAcceptable_notPassiveOpen}. */
  static String testMethod(String state, String event, java.util.Map<String, Boolean> guards) {
    StringBuilder sb = new StringBuilder(lowerCamel(state)).append('_').append(lowerCamel(event.replace('+', '_')));
    guards.forEach((g, v) -> sb.append('_').append(v ? lowerCamel(g) : "not" + upperCamel(g)));
    return sb.toString();
  }

  static String upperCamel(String s) {
    StringBuilder sb = new StringBuilder();
    for (String part : s.split("[_\\-.+ ]+")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return sb.toString();
  }

  static String lowerCamel(String s) {
    String u = upperCamel(s);
    return u.isEmpty() ? u : Character.toLowerCase(u.charAt(0)) + u.substring(1);
  }

  /**
   * Text safe inside Javadoc: no HTML metacharacters, no comment terminator, and no backslash,
   * which javac would read as the start of a unicode escape (an escaped star and slash end a comment).
   * Line and paragraph separators become spaces.
   */
  static String javadoc(String s) {
    return s.replace('\u2028', ' ').replace('\u2029', ' ').replace("&", "&amp;").replace("\\", "&#92;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;").replace("@", "&#64;");
  }
}
