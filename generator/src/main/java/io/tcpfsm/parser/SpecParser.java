package io.tcpfsm.parser;

import io.tcpfsm.diag.Code;
import io.tcpfsm.diag.Diagnostics;
import io.tcpfsm.model.SourcePos;
import java.util.List;
import org.antlr.v4.runtime.Token;
import io.tcpfsm.model.Machine;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Parses a spec into a {@link Machine}. The only door between ANTLR and the rest of tcpfsm: no
 * ANTLR type leaves this package.
 */
public final class SpecParser {
  private SpecParser() {}

  /** The parsed machine (null if the text has syntax errors) and every syntax error. */
  public record Result(Machine machine, Diagnostics diagnostics) {}

  /** The most characters a spec may have (spec/tcp.fsm has about 40,000): 4 MiB. */
  public static final int MAX_CHARS = 4 * 1024 * 1024;

  /** The deepest nesting of parentheses and braces, together ({@code if} in {@code if} in a body). */
  public static final int MAX_NESTING = 32;

  /** The most operators ({@code and or not + -}) one guard, condition or value may join. */
  public static final int MAX_OPERATORS = 64;

  /** The longest quoted string, in characters (the longest in spec/tcp.fsm has 666). */
  public static final int MAX_STRING = 4000;

  /** Parses {@code text}; {@code file} is the name diagnostics print. */
  public static Result parse(String file, String text) {
    Diagnostics diagnostics = new Diagnostics(file);
    if (text.length() > MAX_CHARS) {
      diagnostics.report(Code.TOO_LARGE, new SourcePos(1, 1),
          "the spec has " + text.length() + " characters; tcpfsm reads specs of at most " + MAX_CHARS + " (4 MiB)");
      return new Result(null, diagnostics);
    }
    SyntaxErrors listener = new SyntaxErrors(diagnostics);
    TcpFsmLexer lexer = new TcpFsmLexer(CharStreams.fromString(text, file));
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    if (!withinLimits(tokens.getTokens(), diagnostics)) {
      // The parser's and the builder's recursion follow the nesting: too deep would overflow.
      return new Result(null, diagnostics);
    }
    TcpFsmParser parser = new TcpFsmParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    TcpFsmParser.SpecContext tree = parser.spec();
    if (diagnostics.hasErrors()) {
      // A tree repaired by error recovery would only add confusing follow-on errors.
      return new Result(null, diagnostics);
    }
    Machine machine = new ModelBuilder(file, diagnostics).build(tree);
    return new Result(machine, diagnostics);
  }

  /**
   * Checks the token stream, which the lexer makes without recursion, against the limits that
   * keep the recursive parser, builder and analyses within their stack: nesting, operators in a
   * row, string length. Reports the first token of each kind that crosses a limit.
   */
  private static boolean withinLimits(List<Token> tokens, Diagnostics diagnostics) {
    int depth = 0;
    int operators = 0;
    boolean deep = false;
    boolean longChain = false;
    boolean ok = true;
    for (Token t : tokens) {
      String text = t.getText();
      switch (text) {
        case "(", "{" -> {
          depth++;
          if (depth > MAX_NESTING && !deep) {
            deep = true;
            ok = false;
            diagnostics.report(Code.TOO_LARGE, pos(t), "nested more than " + MAX_NESTING + " deep (parentheses and braces together)");
          }
        }
        case ")", "}" -> depth = Math.max(0, depth - 1);
        default -> { }
      }
      if (OPERATORS.contains(text) && t.getType() != TcpFsmLexer.STRING) {
        operators++;
        if (operators > MAX_OPERATORS && !longChain) {
          longChain = true;
          ok = false;
          diagnostics.report(Code.TOO_LARGE, pos(t), "more than " + MAX_OPERATORS + " operators in one expression; split it (a guard may test at most "
              + Machine.MAX_CELL_GUARDS + " guards in a state and event anyway)");
        }
      } else if (!EXPRESSION.contains(text) && t.getType() != TcpFsmLexer.ID && t.getType() != TcpFsmLexer.VAR && t.getType() != TcpFsmLexer.NUMBER) {
        operators = 0;
      }
      if (t.getType() == TcpFsmLexer.STRING && (text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0)) {
        ok = false;
        diagnostics.report(Code.SYNTAX, pos(t), "a line or paragraph separator (U+2028, U+2029) in a quoted string: a string must end on the line it starts");
      }
      if (t.getType() == TcpFsmLexer.STRING && text.length() - 2 > MAX_STRING) {
        ok = false;
        diagnostics.report(Code.TOO_LARGE, pos(t), "a quoted string of " + (text.length() - 2) + " characters; at most " + MAX_STRING + " are allowed");
      }
    }
    return ok;
  }

  private static final java.util.Set<String> OPERATORS = java.util.Set.of("and", "or", "not", "+", "-");
  private static final java.util.Set<String> EXPRESSION = java.util.Set.of("(", ")", "<", "=<", "=", ">", ">=", "!=");

  private static SourcePos pos(Token t) {
    return new SourcePos(t.getLine(), t.getCharPositionInLine() + 1);
  }
}
