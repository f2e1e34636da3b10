package io.tcpfsm.emit;

import io.tcpfsm.model.EventPattern;
import io.tcpfsm.model.GuardExpr;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Named;
import io.tcpfsm.model.SeqExpr;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Java names for the model's names: types, enum constants, test methods. One place, one rule each. */
final class Names {
  private Names() {}

  /** {@code tcp} -> {@code Tcp}: the prefix of every generated type. */
  static String prefix(Machine m) {
    return upperCamel(m.name());
  }

  /** {@code rfc9293} -> {@code Rfc9293Machine}; the implicit profile gives {@code TcpMachine}. */
  static String machineClass(Machine m, String profile) {
    return (m.profiles().isEmpty() ? prefix(m) : upperCamel(profile)) + "Machine";
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

  /**
   * The name of a transition's step constant in one state: what the spec says, in words.
   * {@code in ESTABLISHED on CLOSE} -> {@code ESTABLISHED_CLOSE}; {@code segment[ACK, !SYN]
   * when seq_acceptable} -> {@code ..._SEGMENT_ACK_NO_SYN_IF_SEQ_ACCEPTABLE}.
   */
  static String stepConstant(String state, Transition t) {
    List<String> events = new ArrayList<>();
    for (EventPattern p : t.events()) {
      if (p instanceof EventPattern.Exact e) {
        events.add(eventConstant(e.event().name()));
      } else {
        EventPattern.Segments s = (EventPattern.Segments) p;
        StringBuilder sb = new StringBuilder("SEGMENT");
        s.with().forEach(f -> sb.append('_').append(constant(f.name())));
        s.without().forEach(f -> sb.append("_NO_").append(constant(f.name())));
        events.add(sb.toString());
      }
    }
    String name = constant(state) + "_" + String.join("_OR_", events);
    if (t.guard() != null) {
      name += "_IF_" + guardWords(t.guard());
    }
    return name;
  }

  private static String guardWords(GuardExpr g) {
    if (g instanceof GuardExpr.Ref r) {
      return constant(r.guard().name());
    } else if (g instanceof GuardExpr.Not n) {
      return "NOT_" + guardWords(n.operand());
    } else if (g instanceof GuardExpr.And a) {
      return guardWords(a.left()) + "_AND_" + guardWords(a.right());
    }
    GuardExpr.Or o = (GuardExpr.Or) g;
    return guardWords(o.left()) + "_OR_" + guardWords(o.right());
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

  /** Text safe inside Javadoc: no HTML metacharacters, no comment terminator. */
  static String javadoc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;").replace("@", "&#64;");
  }

  static Named first(List<Named> names) {
    return names.isEmpty() ? null : names.get(0);
  }
}
