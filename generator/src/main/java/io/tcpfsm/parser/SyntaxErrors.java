package io.tcpfsm.parser;

import io.tcpfsm.diag.Code;
import io.tcpfsm.diag.Diagnostics;
import io.tcpfsm.model.SourcePos;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Collects ANTLR's syntax errors as diagnostics instead of printing or throwing, so one run
 * reports them all. Token names are rewritten into words a spec author knows.
 */
final class SyntaxErrors extends BaseErrorListener {
  private static final Map<String, String> WORDS =
      Map.of(
          "ID", "a name",
          "STRING", "a quoted string",
          "NUMBER", "a number",
          "VAR", "a variable such as SND.NXT",
          "PAGE", "a page such as p.72",
          "ERROR_CHAR", "an unexpected character",
          "<EOF>", "the end of the file");

  private final Diagnostics diagnostics;

  SyntaxErrors(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String msg,
      RecognitionException e) {
    String text = msg;
    if (offendingSymbol instanceof Token token && token.getType() == TcpFsmLexer.ERROR_CHAR) {
      text = token.getText().equals("\"")
          ? "unterminated string: a quoted string must end on the line it starts"
          : "unexpected character '" + token.getText() + "'";
    }
    diagnostics.report(Code.SYNTAX, new SourcePos(line, charPositionInLine + 1), plain(text));
  }

  /** ANTLR says "mismatched input 'x' expecting {ID, STRING}"; say it in words. */
  static String plain(String msg) {
    String out = msg;
    for (Map.Entry<String, String> w : WORDS.entrySet()) {
      out = out.replaceAll("(?<![A-Za-z_'])" + java.util.regex.Pattern.quote(w.getKey()) + "(?![A-Za-z_'])", w.getValue());
    }
    // Only the braces around ANTLR's expected set go: the set itself may hold the tokens '{' and '}'.
    out = out.replaceFirst("expecting \\{(.*)\\}$", "expecting one of $1");
    return out.replace("extraneous input", "unexpected")
        .replace("mismatched input", "unexpected")
        .replace("token recognition error at:", "unexpected character")
        .replace("'<EOF>'", "end of file");
  }
}
