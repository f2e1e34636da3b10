package io.tcpfsm.model;

import java.util.function.Consumer;

/**
 * A test of sequence-space values inside an {@code if} action, as the RFC writes its checks:
 * {@code SND.WL1 < SEG.SEQ or (SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK)}. Comparisons are in
 * 32-bit sequence space (RFC 9293 3.4): {@code a < b} means {@code (int) (a - b) < 0}.
 */
public sealed interface Condition {
  /** The condition as the spec writes it. */
  String render();

  /** Every value this condition compares, left to right. */
  void values(Consumer<SeqExpr> into);

  /** {@code left op right}; {@code op} is one of {@code < =< = > >= !=}. */
  record Compare(SeqExpr left, String op, SeqExpr right) implements Condition {
    @Override
    public String render() {
      return left.render() + " " + op + " " + right.render();
    }

    @Override
    public void values(Consumer<SeqExpr> into) {
      into.accept(left);
      into.accept(right);
    }
  }

  /** Both hold. */
  record And(Condition left, Condition right) implements Condition {
    @Override
    public String render() {
      return wrap(left) + " and " + wrap(right);
    }

    @Override
    public void values(Consumer<SeqExpr> into) {
      left.values(into);
      right.values(into);
    }
  }

  /** Either holds. */
  record Or(Condition left, Condition right) implements Condition {
    @Override
    public String render() {
      return group(left) + " or " + group(right);
    }

    @Override
    public void values(Consumer<SeqExpr> into) {
      left.values(into);
      right.values(into);
    }
  }

  /** It does not hold. */
  record Not(Condition operand) implements Condition {
    @Override
    public String render() {
      return "not " + (operand instanceof Compare ? operand.render() : "(" + operand.render() + ")");
    }

    @Override
    public void values(Consumer<SeqExpr> into) {
      operand.values(into);
    }
  }

  /** An {@code and} inside an {@code or} keeps the parentheses the RFC writes. */
  private static String group(Condition c) {
    return c instanceof And ? "(" + c.render() + ")" : c.render();
  }

  private static String wrap(Condition c) {
    return c instanceof Or ? "(" + c.render() + ")" : c.render();
  }
}
