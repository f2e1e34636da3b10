package io.tcpfsm.explore;

/** A spec or a properties file the explorer cannot work with; the message names where and why. */
public final class ExploreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExploreException(String message) {
    super(message);
  }
}
