package io.tcpfsm.model;

/** A place in a spec file: 1-based line and 1-based column, computed once at the parser edge. */
public record SourcePos(int line, int column) implements Comparable<SourcePos> {
  public static final SourcePos NONE = new SourcePos(0, 0);

  @Override
  public int compareTo(SourcePos o) {
    return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
