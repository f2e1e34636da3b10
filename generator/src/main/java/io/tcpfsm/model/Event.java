package io.tcpfsm.model;

/**
 * One event of the machine's alphabet. Segment events are one per combination of the declared
 * control flags ({@code flags} is a bit set over {@link Machine#flags()}); timeout events are one
 * per declared timer.
 */
public record Event(String name, EventKind kind, int flags, String description, SourcePos pos) {
  public boolean isSegment() {
    return kind == EventKind.SEGMENT;
  }
}
