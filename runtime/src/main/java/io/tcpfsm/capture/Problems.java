package io.tcpfsm.capture;

import java.util.ArrayList;
import java.util.List;

/** Counts skipped records and keeps the first few reasons, so a long bad file cannot fill memory. */
final class Problems {
  private long count;
  private final List<CaptureException> kept = new ArrayList<>();

  void add(CaptureException e) {
    count++;
    if (kept.size() < Limits.MAX_KEPT_PROBLEMS) {
      kept.add(e);
    }
  }

  long count() {
    return count;
  }

  List<CaptureException> kept() {
    return List.copyOf(kept);
  }
}
