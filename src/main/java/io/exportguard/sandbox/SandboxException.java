package io.exportguard.sandbox;

/** The sandbox could not start: a bad scenario, an unknown scenario name or a port in use. */
public class SandboxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SandboxException(String message) {
    super(message);
  }

  public SandboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
