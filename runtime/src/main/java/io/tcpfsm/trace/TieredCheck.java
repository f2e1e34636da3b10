package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpMachine;

/**
 * One connection checked by iterative deepening on the hidden events a hypothesis assumes
 * ({@link Candidate#cost}). Tier 0 runs {@link ConnectionCheck} with hypotheses that assume none (no
 * loss, crossing, network copy, corruption, FIN before the capture): on a clean connection one per
 * end, where the full checker carries up to {@link TraceChecker#MAX_CANDIDATES}, most of them
 * "lost after the capture point" variants. Tier 0 keeps the connection's frames ({@link
 * ReplayBuffer}); when its hypotheses run out, or an answer could depend on the ones it never made,
 * the frames run again from the start through the full checker, which then goes on alone. The
 * verdict is then the full checker's, and where tier 0 explains every frame it is too:
 * docs/architecture.md, "Tier 0", has the argument.
 *
 * <p>Memory stays bounded: a connection's buffer is dropped beyond {@link ReplayBuffer#MAX_FRAMES}
 * frames or the checker's {@link ReplayBuffer.Budget}. Should tier 0 fail after that, the full
 * checker goes on from tier 0's hypotheses, as after pruning: a later frame that none explains is
 * then inconclusive, with the reason.
 */
final class TieredCheck {
  private final TcpMachine machine;
  private final Coverage coverage;
  private ConnectionCheck check;
  /** Null when checking with the full checker from the start, after a replay, or once dropped. */
  private ReplayBuffer buffer;
  private final int maxFrames;
  private final ReplayBuffer.Budget budget;

  /** Tier 0 with a replay buffer of at most {@code maxFrames} frames ({@code budget} shared by the checker), or the full checker alone ({@code budget} null). */
  TieredCheck(TcpMachine machine, Coverage coverage, String nameA, String nameB, TraceSegment first, ReplayBuffer.Budget budget, int maxFrames,
      boolean plainLists) {
    this.machine = machine;
    this.coverage = coverage;
    this.maxFrames = maxFrames;
    this.budget = budget;
    this.check = new ConnectionCheck(machine, coverage, nameA, nameB, first);
    check.plainLists = plainLists;
    if (budget != null) {
      buffer = new ReplayBuffer(budget, maxFrames);
      check.maxCost = 0;
      check.replayable = true;
    }
  }

  private boolean tier0() {
    return check.maxCost == 0;
  }

  void process(TraceSegment s, long time) {
    if (!tier0()) {
      check.process(s, time);
      return;
    }
    if (buffer != null && !buffer.add(s, time)) {
      drop(s);
    }
    check.process(s, time);
    if (check.failed || (check.maxCost == 0 && check.orderMatters())) {
      replay();
    }
  }

  /** The buffer is over its bound: tier 0 goes on without it, and would hand over to the full checker with what it has. */
  private void drop(TraceSegment s) {
    boolean perConnection = buffer.full();
    buffer.release();
    buffer = null;
    check.replayable = false;
    check.unkeptWhy = !ReplayBuffer.fits(s) ? "frame " + s.frame() + " was too long to keep for checking the connection again with such hypotheses"
        : perConnection ? "a connection's first " + maxFrames + " frames are kept to check them again with such hypotheses, and this one had more"
        : "the frames kept to check connections again with such hypotheses had reached their bound of " + budget.total + " for all connections";
  }

  /** The kept frames, from the first, through the full checker, which takes over. Without them (dropped), tier 0's answers stand. */
  private void replay() {
    if (buffer == null) {
      return;
    }
    ConnectionCheck full = new ConnectionCheck(machine, coverage, check.nameA, check.nameB, buffer.segment(0));
    for (int i = 0; i < buffer.size(); i++) {
      full.process(buffer.segment(i), buffer.time(i));
    }
    buffer.release();
    buffer = null;
    check = full;
    budget.replays++;
  }

  boolean closed() {
    if (tier0() && check.closedUnsure()) {
      replay();
    }
    return check.closed();
  }

  boolean reopenedBy(TraceSegment s) {
    if (tier0()) {
      Boolean known = check.reopenedByKnown(s);
      if (known != null) {
        return known;
      }
      replay();
    }
    return check.reopenedBy(s);
  }

  Verdict verdict() {
    if (tier0() && check.finalUnsure()) {
      replay();
    }
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
    return check.verdict();
  }

  boolean onlyBadChecksums() {
    return check.onlyBadChecksums();
  }

  long frames() {
    return check.frames;
  }

  long lastTime() {
    return check.lastTime;
  }

  long firstFrame() {
    return check.firstFrame;
  }

  String nameA() {
    return check.nameA;
  }

  String nameB() {
    return check.nameB;
  }

  String dump() {
    return check.dump();
  }
}
