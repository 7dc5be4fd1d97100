package io.exportguard.policy;

/** The loaded policies do not compile or declare a check wrongly (bad severity, duplicate id, ...). */
public final class PolicyDefinitionException extends Exception {
  private static final long serialVersionUID = 1L;

  public PolicyDefinitionException(String message) { super(message); }
}
