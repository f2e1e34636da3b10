package io.tcpfsm.trace;

/**
 * The checker's judgement of one connection.
 *
 * @param a the endpoint that sent the connection's first captured frame, {@code 10.0.0.1:80} or {@code [2001:db8::1]:80}
 * @param b the other endpoint
 * @param firstFrame the capture's number of the connection's first frame
 * @param frames frames of the connection
 * @param kind conforms, deviates or inconclusive
 * @param deviation where and how it deviates, for {@link Kind#DEVIATES}; else null
 * @param reason why, for {@link Kind#INCONCLUSIVE}; a note (losses assumed, say) otherwise, or ""
 * @param finalA the state the checker believes {@code a} ended in (the hypothesis assuming the fewest losses)
 * @param finalB the same for {@code b}
 */
public record Verdict(String a, String b, long firstFrame, long frames, Kind kind, Deviation deviation, String reason, String finalA, String finalB) {
  public enum Kind {
    CONFORMS,
    DEVIATES,
    INCONCLUSIVE;

    /** {@code conforms}, as the JSON and text output write it. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The first frame no candidate could explain.
   *
   * @param frame its number in the capture
   * @param expected what the model allowed there, in words ("a FIN at SEQ=SND.NXT=5 or ...")
   * @param seen the frame, as {@code FIN+ACK seq 5 ack 9 win 100 len 0} from {@code 10.0.0.1:80}
   * @param rule the rule behind the first expectation, or "" when it is the RFC's, not a rule's
   * @param citation its clause, {@code RFC 9293 3.10.7.4}
   * @param statesA the candidate states of endpoint a before the frame, {@code ESTABLISHED|CLOSE_WAIT}
   * @param statesB the same for b
   */
  public record Deviation(long frame, String expected, String seen, String rule, String citation, String statesA, String statesB) {}
}
