package io.tcpfsm.explore;

import io.tcpfsm.model.Machine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a properties file. Every problem is an {@link ExploreException} naming
 * {@code file:line:column} and what was expected there.
 *
 * <pre>
 * property := ("never" | "always" | "possible") STRING ":" body ";"
 *   never:    pred
 *   always:   ["from" pred] "reach" pred ["without" EVENT {"," EVENT}]
 *   possible: pred {"then" pred} ["without" EVENT {"," EVENT}]
 * pred     := and {"or" and};   and := unary {"and" unary};   unary := "not" unary | "(" pred ")" | atom
 * atom     := END "=" STATE | END "!=" STATE | END "in" "{" STATE {"," STATE} "}"
 *           | END "called" "CLOSE" | END "sent" "FIN" | "quiet"
 *           | END "->" END ("empty" | "has" FLAG)        FLAG: SYN FIN RST ACK DATA
 * END      := "A" | "B" | "X" | "Y"
 * </pre>
 * {@code #} starts a comment to the end of the line.
 */
public final class PropertyParser {
  private static final List<String> ENDS = List.of("A", "B", "X", "Y");
  private final String file;
  private final Machine machine;
  private final List<Token> tokens;
  private int pos;

  private record Token(String text, boolean string, int line, int col) {}

  private PropertyParser(String file, String text, Machine machine) {
    this.file = file;
    this.machine = machine;
    this.tokens = lex(text);
  }

  public static List<Property> parse(String file, String text, Machine machine) {
    PropertyParser p = new PropertyParser(file, text, machine);
    List<Property> out = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    while (p.pos < p.tokens.size()) {
      Token head = p.peek();
      Property prop = p.property();
      if (!names.add(prop.name())) {
        throw p.error(head, "a second property named \"" + prop.name() + "\"");
      }
      out.add(prop);
    }
    if (out.isEmpty()) {
      throw new ExploreException(file + ":1:1: error: no properties (write never, always or possible)");
    }
    return out;
  }

  private Property property() {
    Token kw = next("never, always or possible");
    Property.Kind kind = switch (kw.text) {
      case "never" -> Property.Kind.NEVER;
      case "always" -> Property.Kind.ALWAYS;
      case "possible" -> Property.Kind.POSSIBLE;
      default -> throw error(kw, "expected never, always or possible, found '" + kw.text + "'");
    };
    Token name = next("the property's name in quotes");
    if (!name.string) {
      throw error(name, "expected the property's name in quotes, found '" + name.text + "'");
    }
    expect(":");
    String where = file + ":" + kw.line + ":" + kw.col;
    Pred from = null;
    List<Pred> stages = new ArrayList<>();
    Set<String> without = new LinkedHashSet<>();
    switch (kind) {
      case NEVER -> stages.add(pred());
      case ALWAYS -> {
        if (accept("from")) {
          from = pred();
        }
        expect("reach");
        stages.add(pred());
        if (accept("without")) {
          events(without);
        }
      }
      case POSSIBLE -> {
        stages.add(pred());
        while (accept("then")) {
          stages.add(pred());
        }
        if (accept("without")) {
          events(without);
        }
      }
    }
    expect(";");
    return new Property(kind, name.text, where, from, stages, without);
  }

  private void events(Set<String> into) {
    do {
      Token ev = next("an event name");
      if (machine.event(ev.text).isEmpty()) {
        throw error(ev, "unknown event '" + ev.text + "'");
      }
      into.add(ev.text);
    } while (accept(","));
  }

  private Pred pred() {
    Pred p = and();
    while (accept("or")) {
      p = new Pred.Or(p, and());
    }
    return p;
  }

  private Pred and() {
    Pred p = unary();
    while (accept("and")) {
      p = new Pred.And(p, unary());
    }
    return p;
  }

  private Pred unary() {
    if (accept("not")) {
      return new Pred.Not(unary());
    }
    if (accept("(")) {
      Pred p = pred();
      expect(")");
      return p;
    }
    if (accept("quiet")) {
      return new Pred.Quiet();
    }
    int end = end();
    Token op = next("=, !=, in, called, sent or ->");
    switch (op.text) {
      case "=", "!=" -> {
        return new Pred.InStates(end, List.of(state()), op.text.equals("!="));
      }
      case "in" -> {
        expect("{");
        List<Integer> states = new ArrayList<>();
        do {
          states.add(state());
        } while (accept(","));
        expect("}");
        return new Pred.InStates(end, states, false);
      }
      case "called" -> {
        expectWord("CLOSE");
        return new Pred.CalledClose(end);
      }
      case "sent" -> {
        expectWord("FIN");
        return new Pred.SentFin(end);
      }
      case "->" -> {
        int to = end();
        if ((end ^ to) != 1) {
          throw error(tokens.get(pos - 1), "a channel joins A and B, or X and Y: " + ENDS.get(end) + "->" + ENDS.get(to));
        }
        if (accept("empty")) {
          return new Pred.InFlight(end, 0);
        }
        expectWord("has");
        Token f = next("SYN, FIN, RST, ACK or DATA");
        int flag = f.text.equals("DATA") ? -1 : Seg.flagNamed(f.text);
        if (flag == 0) {
          throw error(f, "expected SYN, FIN, RST, ACK or DATA, found '" + f.text + "'");
        }
        return new Pred.InFlight(end, flag);
      }
      default -> throw error(op, "expected =, !=, in, called, sent or -> after an end, found '" + op.text + "'");
    }
  }

  private int end() {
    Token t = next("an end: A, B, X or Y");
    int i = ENDS.indexOf(t.text);
    if (i < 0) {
      throw error(t, "expected an end (A, B, X or Y), found '" + t.text + "'");
    }
    return i;
  }

  private int state() {
    Token t = next("a state");
    int i = Table.stateIndex(machine, t.text);
    if (i < 0) {
      throw error(t, "unknown state '" + t.text + "'");
    }
    return i;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next(String expected) {
    if (pos >= tokens.size()) {
      Token last = tokens.isEmpty() ? new Token("", false, 1, 1) : tokens.get(tokens.size() - 1);
      throw new ExploreException(file + ":" + last.line + ":" + (last.col + last.text.length()) + ": error: the file ends where " + expected + " should be");
    }
    return tokens.get(pos++);
  }

  private boolean accept(String text) {
    if (pos < tokens.size() && !tokens.get(pos).string && tokens.get(pos).text.equals(text)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String text) {
    Token t = next("'" + text + "'");
    if (t.string || !t.text.equals(text)) {
      throw error(t, "expected '" + text + "', found '" + t.text + "'");
    }
  }

  private void expectWord(String text) {
    expect(text);
  }

  private ExploreException error(Token t, String message) {
    return new ExploreException(file + ":" + t.line + ":" + t.col + ": error: " + message);
  }

  private List<Token> lex(String text) {
    List<Token> out = new ArrayList<>();
    int line = 1;
    int col = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        col = 1;
        i++;
      } else if (Character.isWhitespace(c)) {
        col++;
        i++;
      } else if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"') {
        int end = text.indexOf('"', i + 1);
        int nl = text.indexOf('\n', i + 1);
        if (end < 0 || (nl >= 0 && nl < end)) {
          throw new ExploreException(file + ":" + line + ":" + col + ": error: a name in quotes is not closed on its line");
        }
        out.add(new Token(text.substring(i + 1, end), true, line, col));
        col += end + 1 - i;
        i = end + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        int j = i;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || "_-".indexOf(text.charAt(j)) >= 0)
            && !(text.startsWith("->", j))) {
          j++;
        }
        out.add(new Token(text.substring(i, j), false, line, col));
        col += j - i;
        i = j;
      } else if (text.startsWith("->", i) || text.startsWith("!=", i)) {
        out.add(new Token(text.substring(i, i + 2), false, line, col));
        col += 2;
        i += 2;
      } else if ("=:;,{}()".indexOf(c) >= 0) {
        out.add(new Token(String.valueOf(c), false, line, col));
        col++;
        i++;
      } else {
        throw new ExploreException(file + ":" + line + ":" + col + ": error: unexpected character '" + c + "'");
      }
    }
    return out;
  }
}
