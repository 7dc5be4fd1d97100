package io.exportguard.policy.bundle;

/** A bundle could not be read, verified, written or combined; the message names the bundle and the file. */
public final class BundleException extends Exception {
  private static final long serialVersionUID = 1L;

  public BundleException(String message) { super(message); }

  public BundleException(String message, Throwable cause) { super(message, cause); }
}
