package io.exportguard.facts;

/** A facts file that is not JSON, not of schema exportguard.facts/v1, or not shaped like one. */
public final class FactsFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public FactsFormatException(String message) { super(message); }
}
