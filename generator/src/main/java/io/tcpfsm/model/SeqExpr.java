package io.tcpfsm.model;

import java.util.List;

/**
 * A sequence-space expression as the RFC writes it: {@code SND.NXT}, {@code SEG.SEQ+SEG.LEN},
 * {@code ISS}, {@code 0}. Terms are variables or numbers joined by {@code +} and {@code -}.
 */
public record SeqExpr(List<String> terms, List<Character> ops) {
  public SeqExpr {
    terms = List.copyOf(terms);
    ops = List.copyOf(ops);
    if (ops.size() != Math.max(0, terms.size() - 1)) {
      throw new IllegalArgumentException("terms and operators do not alternate: " + terms + " " + ops);
    }
  }

  public static SeqExpr of(String term) {
    return new SeqExpr(List.of(term), List.of());
  }

  public String render() {
    StringBuilder sb = new StringBuilder(terms.get(0));
    for (int i = 0; i < ops.size(); i++) {
      sb.append(ops.get(i)).append(terms.get(i + 1));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
