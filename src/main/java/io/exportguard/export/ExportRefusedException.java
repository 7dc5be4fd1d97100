package io.exportguard.export;

/** The export was not started because starting it would be wrong (the image is already being exported). */
public final class ExportRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  public ExportRefusedException(String message) { super(message); }
}
