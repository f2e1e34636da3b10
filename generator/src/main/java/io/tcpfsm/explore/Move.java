package io.tcpfsm.explore;

/**
 * What one step of the composition does: endpoint {@code end} (0 is A, 1 is B) takes an
 * application call, a queued call the model kept for later, a timeout, or a segment from the
 * network (delivered, or delivered while a duplicate stays in flight); or the network loses a
 * segment on its way to {@code end}.
 */
record Move(int end, Kind kind, String event, int seg) {
  enum Kind {
    CALL,
    QUEUED,
    TIMEOUT,
    DELIVER,
    DELIVER_COPY,
    LOSE
  }

  String endName() {
    return end == 0 ? "A" : "B";
  }

  /** The model event this move feeds the endpoint, or null for a loss. */
  String modelEvent() {
    return kind == Kind.LOSE ? null : event;
  }

  String describe() {
    return switch (kind) {
      case CALL -> endName() + ": " + event;
      case QUEUED -> endName() + ": " + event + " (queued earlier)";
      case TIMEOUT -> endName() + ": " + event;
      case DELIVER -> Seg.render(seg) + " arrives at " + endName();
      case DELIVER_COPY -> Seg.render(seg) + " arrives at " + endName() + " (a duplicate stays in flight)";
      case LOSE -> Seg.render(seg) + " to " + endName() + " is lost";
    };
  }
}
