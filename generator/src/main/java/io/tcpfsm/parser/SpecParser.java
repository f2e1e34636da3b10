package io.tcpfsm.parser;

import io.tcpfsm.diag.Diagnostics;
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

  /** Parses {@code text}; {@code file} is the name diagnostics print. */
  public static Result parse(String file, String text) {
    Diagnostics diagnostics = new Diagnostics(file);
    SyntaxErrors listener = new SyntaxErrors(diagnostics);
    TcpFsmLexer lexer = new TcpFsmLexer(CharStreams.fromString(text, file));
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    TcpFsmParser parser = new TcpFsmParser(new CommonTokenStream(lexer));
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
}
