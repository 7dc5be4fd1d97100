package io.exportguard.rego.builtins;

/**
 * A builtin rejected its operands ({@code eval_type_error}) or failed ({@code eval_builtin_error}).
 * The message is OPA's, starting with the builtin's name, e.g.
 * {@code count: operand 1 must be one of {array, object, set, string} but got number}.
 */
public class BuiltinException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public static final String TYPE_ERROR = "eval_type_error";
  public static final String BUILTIN_ERROR = "eval_builtin_error";

  private final String code;
  private final boolean halts;

  public BuiltinException(String code, String message) {
    this(code, message, false);
  }

  private BuiltinException(String code, String message, boolean halts) {
    super(message, null, false, false);
    this.code = code;
    this.halts = halts;
  }

  /** An error that stops evaluation even when builtin errors are not strict (OPA's {@code Halt}). */
  public static BuiltinException halt(String code, String message) { return new BuiltinException(code, message, true); }

  public static BuiltinException type(String message) { return new BuiltinException(TYPE_ERROR, message); }

  public static BuiltinException error(String message) { return new BuiltinException(BUILTIN_ERROR, message); }

  public String code() { return code; }

  public boolean halts() { return halts; }
}
