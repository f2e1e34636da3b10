package io.tcpfsm.trace;

import io.tcpfsm.machine.TcpState;

/**
 * One connection checked by iterative deepening on the hidden events a hypothesis assumes
 * ({@link Candidate#cost}). Tier 0 runs {@link ConnectionCheck} with hypotheses that assume none (no
 * loss, crossing, network copy, corruption, FIN before the capture): on a clean connection one per
 * end, where the full checker carries up to {@link TraceChecker#MAX_CANDIDATES}, most of them
 * "lost after the capture point" variants. Tier 0 keeps the connection's frames ({@link
 * ReplayBuffer}); when its hypotheses run out, or an answer could depend on the ones it never made,
 * the frames run again from the start through the full checker, which then goes on alone. The
 * verdict is then the full checker's, and where tier 0 explains every frame it is too:
 * docs/architecture.md, "Tier 0", has the argument. Where the full checker then finds no
 * hypothesis for a frame because pruning dropped some, the frames run once more keeping {@link
 * TraceChecker#WIDE_CANDIDATES} per end ({@link #widen}); the buffer is kept for that until then.
 *
 * <p>Memory stays bounded: a connection's buffer is dropped beyond {@link ReplayBuffer#MAX_FRAMES}
 * frames or the checker's {@link ReplayBuffer.Budget}. Should tier 0 fail after that, the full
 * checker goes on from tier 0's hypotheses, as after pruning: a later frame that none explains is
 * then inconclusive, with the reason.
 */
final class TieredCheck {
  private final SendExplainer explainer;
  private ConnectionCheck check;
  /** The frames so far, while a replay may still come: null without a budget, after the second look, or once dropped. */
  private ReplayBuffer buffer;
  private final int maxFrames;
  private final ReplayBuffer.Budget budget;
  private final boolean plainLists;

  /**
   * Tier 0 ({@code tier0}) or the full checker from the start, with a replay buffer of at most
   * {@code maxFrames} frames ({@code budget} shared by the checker; null for none: no second look).
   */
  TieredCheck(SendExplainer explainer, String nameA, String nameB, TraceSegment first, ReplayBuffer.Budget budget, int maxFrames,
      boolean plainLists, boolean tier0) {
    this.explainer = explainer;
    this.maxFrames = maxFrames;
    this.budget = budget;
    this.plainLists = plainLists;
    this.check = new ConnectionCheck(explainer, nameA, nameB, first);
    check.plainLists = plainLists;
    if (budget != null) {
      buffer = new ReplayBuffer(budget, maxFrames);
    }
    if (tier0 && buffer != null) {
      check.maxCost = 0;
      check.replayable = true;
    }
  }

  private boolean tier0() {
    return check.maxCost == 0;
  }

  void process(TraceSegment s, long time) {
    if (buffer != null && !buffer.add(s, time)) {
      drop(s);
    }
    check.process(s, time);
    if (tier0()) {
      if (check.failed || (check.maxCost == 0 && orderMatters(check))) {
        replay();
      }
    } else if (check.inconclusiveFromPruning) {
      widen(); // once: the buffer goes with it
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
    check = rerun(TraceChecker.MAX_CANDIDATES);
    budget.replays++;
    if (check.inconclusiveFromPruning) {
      widen();
    }
  }

  /**
   * A second look where pruning left the full checker with no hypothesis for a frame: the kept
   * frames run again keeping up to {@link TraceChecker#WIDE_CANDIDATES} hypotheses per end, and
   * that check goes on alone (its verdict stands, inconclusive too, with its own reason).
   */
  private void widen() {
    if (buffer == null) {
      return;
    }
    ConnectionCheck wide = rerun(TraceChecker.WIDE_CANDIDATES);
    buffer.release();
    buffer = null;
    check = wide;
    budget.widened++;
  }

  /** A full checker keeping {@code maxCandidates} per end, run over every kept frame. */
  private ConnectionCheck rerun(int maxCandidates) {
    ConnectionCheck full = new ConnectionCheck(explainer, check.nameA, check.nameB, buffer.segment(0));
    full.plainLists = plainLists;
    full.maxCandidates = maxCandidates;
    for (int i = 0; i < buffer.size(); i++) {
      full.process(buffer.segment(i), buffer.time(i));
    }
    return full;
  }

  boolean closed() {
    if (tier0() && !(check.candidatesA().size() == 1 && check.candidatesB().size() == 1) && closedUnsure(check)) { // one each: never unsure
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
    if (tier0() && finalUnsure(check)) {
      replay();
    }
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
    return check.verdict();
  }

  /** Tier 0: where the full checker's answer to {@link #closed} may differ (it reads its first cheapest candidate, and tier 0's disagree). */
  private static boolean closedUnsure(ConnectionCheck check) {
    int ea = endedAll(check.candidatesA());
    int eb = endedAll(check.candidatesB());
    return !(ea == 0 || eb == 0 || (ea == 1 && eb == 1));
  }

  /** 1 when every candidate's state is ended, 0 when none is, -1 when they disagree. */
  private static int endedAll(CandidateList l) {
    int n = 0;
    for (int i = 0; i < l.size(); i++) {
      TcpState st = l.get(i).state;
      n += st == TcpState.CLOSED || st == TcpState.TIME_WAIT ? 1 : 0;
    }
    return l.isEmpty() || n == l.size() ? 1 : n == 0 ? 0 : -1;
  }

  /**
   * Tier 0: where its list may depend on an order among its hypotheses that the full checker's need
   * not share (a cost-0 candidate may merge into the earlier slot of an equal costlier one there): a
   * list pruned to the bound keeps the first 64; two merged candidates that differ in fields equality
   * leaves out keep the first.
   */
  private static boolean orderMatters(ConnectionCheck check) {
    return check.pruned() || tiesDiffer(check.candidatesA()) || tiesDiffer(check.candidatesB());
  }

  /** Tier 0: where the verdict reads a first among equally likely hypotheses ({@link Likelihood#compareAtEnd}) that differ in state or in losses. */
  private static boolean finalUnsure(ConnectionCheck check) {
    return endTiesDisagree(check.candidatesA()) || endTiesDisagree(check.candidatesB());
  }

  private static boolean tiesDiffer(CandidateList l) {
    return l.tiesDiffer;
  }

  private static boolean endTiesDisagree(CandidateList l) {
    if (l.size() < 2) {
      return false;
    }
    Candidate top = Likelihood.likeliestAtEnd(l);
    for (int i = 0; i < l.size(); i++) {
      Candidate c = l.get(i);
      if (Likelihood.compareAtEnd(c, top) == 0 && (c.state != top.state || Likelihood.lostAtEnd(c) != Likelihood.lostAtEnd(top))) {
        return true;
      }
    }
    return false;
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
