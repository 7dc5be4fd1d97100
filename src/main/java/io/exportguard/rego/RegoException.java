package io.exportguard.rego;

import java.util.List;
import java.util.stream.Collectors;

/** Parsing, compiling or evaluating Rego failed; holds every error found, first one first. */
public class RegoException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<RegoError> errors;

  public RegoException(List<RegoError> errors) {
    super(errors.stream().map(RegoError::format).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public RegoException(RegoError error) { this(List.of(error)); }

  public List<RegoError> errors() { return errors; }

  /** The code of the first error. */
  public String code() { return errors.isEmpty() ? "" : errors.get(0).code(); }
}
