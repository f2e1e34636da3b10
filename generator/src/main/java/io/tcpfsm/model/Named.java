package io.tcpfsm.model;

/** A name as written in the spec, with where it was written; used for references to resolve. */
public record Named(String name, SourcePos pos) {
  @Override
  public String toString() {
    return name;
  }
}
