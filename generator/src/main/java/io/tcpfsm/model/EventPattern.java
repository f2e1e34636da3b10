package io.tcpfsm.model;

import java.util.List;

/** Which events a transition is written for. */
public sealed interface EventPattern {
  SourcePos pos();

  String render();

  /** One event by name: a call ({@code CLOSE}), a segment ({@code SYN+ACK}), a timeout. */
  record Exact(Named event) implements EventPattern {
    @Override
    public SourcePos pos() {
      return event.pos();
    }

    @Override
    public String render() {
      return event.name();
    }
  }

  /**
   * Every segment whose flags include all of {@code with} and none of {@code without}, as the
   * RFC's checks read: "if the RST bit is set", "if the ACK bit is off".
   */
  record Segments(List<Named> with, List<Named> without, SourcePos pos) implements EventPattern {
    public Segments {
      with = List.copyOf(with);
      without = List.copyOf(without);
    }

    @Override
    public String render() {
      List<String> tests = new java.util.ArrayList<>();
      with.forEach(f -> tests.add(f.name()));
      without.forEach(f -> tests.add("!" + f.name()));
      return "segment[" + String.join(", ", tests) + "]";
    }
  }
}
