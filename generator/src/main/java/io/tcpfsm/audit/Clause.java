package io.tcpfsm.audit;

import java.util.List;

/**
 * One clause of an RFC's event processing: the text for one user call in one run of states,
 * one segment-arrival check (in one run of states), or one timeout, with where it is printed.
 *
 * @param id stable name, e.g. {@code rfc793/SEGMENT/fifth/ESTABLISHED}
 * @param section the section it lies in ({@code 3.9} for RFC 793, {@code 3.10.7.4} for RFC 9293)
 * @param topic the call ({@code CLOSE}), {@code SEGMENT}, a timeout ({@code USER TIMEOUT}) or
 *     {@code GENERAL} for the section's introduction
 * @param step the segment-arrival check ({@code first} .. {@code eighth}), or null
 * @param states the states the clause speaks of, as the RFC spells them; empty for any state
 * @param text the clause as printed (lines joined, indentation kept relative to its first line)
 */
public record Clause(
    String id,
    int rfc,
    String section,
    int firstPage,
    int lastPage,
    String topic,
    String step,
    StepKind stepKind,
    List<String> states,
    String text) {
  public Clause {
    states = List.copyOf(states);
  }

  /** What a segment-arrival check tests, read from its heading. */
  public enum StepKind {
    NONE,
    SEQUENCE,
    RST,
    SECURITY,
    SYN,
    ACK,
    URG,
    TEXT,
    FIN,
    OTHER
  }

  /** {@code RFC 793 3.9 p.72} or {@code RFC 9293 3.10.7.4}. */
  public String where() {
    String p = firstPage == 0 ? "" : firstPage == lastPage ? " p." + firstPage : " pp." + firstPage + "-" + lastPage;
    return "RFC " + rfc + " " + section + p;
  }

  /** {@code SEGMENT ARRIVES, fifth check, ESTABLISHED} in words. */
  public String title() {
    StringBuilder sb = new StringBuilder(topic.equals("SEGMENT") ? "SEGMENT ARRIVES" : topic.equals("GENERAL") ? "Introduction" : topic);
    if (step != null) {
      sb.append(", ").append(step).append(" check");
    }
    if (!states.isEmpty()) {
      sb.append(", ").append(String.join(", ", states));
    }
    return sb.toString();
  }

  /** The text with whitespace collapsed and line-end hyphens joined, as quotes are compared. */
  public String normalized() {
    return Quotes.normalize(text);
  }
}
