package io.tcpfsm.model;

/** The three kinds of event RFC 793 section 3.9 names: user calls, arriving segments, timeouts. */
public enum EventKind {
  CALL,
  SEGMENT,
  TIMEOUT
}
