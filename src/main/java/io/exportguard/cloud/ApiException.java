package io.exportguard.cloud;

import io.exportguard.redact.RedactedValues;
import io.exportguard.redact.Redactor;

/**
 * One failed API call, reduced to what a fact error records: the API ({@code ecs:DescribeImages}),
 * the service's error code and message, redacted: never carries credentials or signatures.
 */
public final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String api;
  private final String code;
  private final boolean retryable;
  private final transient java.util.Map<String, String> fields;
  private final boolean rejected;

  public ApiException(String api, String code, String message, boolean retryable) {
    this(api, code, message, retryable, java.util.Map.of(), false);
  }

  public ApiException(String api, String code, String message, boolean retryable,
                      java.util.Map<String, String> fields) {
    this(api, code, message, retryable, fields, false);
  }

  /** @param rejected the service answered with a client error: the request certainly changed nothing */
  public ApiException(String api, String code, String message, boolean retryable,
                      java.util.Map<String, String> fields, boolean rejected) {
    // SDK messages carry the signed request URL (SDK.ReadTimeout) or an echoed string to sign.
    super(Redactor.process().redact(message == null ? code : message));
    this.api = api;
    this.code = code == null ? "Unknown" : code;
    this.retryable = retryable;
    this.fields = fields == null ? java.util.Map.of() : RedactedValues.of(java.util.Map.copyOf(fields));
    this.rejected = rejected;
  }

  public String api() { return api; }

  public String code() { return code; }

  /** Throttling, service unavailable or a server-side (5xx) error: worth another try. */
  public boolean retryable() { return retryable; }

  /**
   * True when the service answered with a client-side error (a 4xx code or throttling), so the
   * request certainly did nothing. False for timeouts, transport errors and server errors (5xx),
   * after which a request that creates something (ExportImage) may have created it.
   */
  public boolean rejected() { return rejected; }

  /** Extra fields of the error body (OSS's {@code Endpoint} on AccessDenied). */
  public java.util.Map<String, String> fields() { return fields; }
}
