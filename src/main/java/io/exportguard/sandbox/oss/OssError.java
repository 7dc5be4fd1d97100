package io.exportguard.sandbox.oss;

import java.util.LinkedHashMap;
import java.util.Map;

/** An OSS error reply: status, code, message and any extra fields ({@code Endpoint}, {@code BucketName}, ...). */
final class OssError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String code;
  final Map<String, String> fields = new LinkedHashMap<>();

  OssError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  OssError with(String name, String value) {
    fields.put(name, value);
    return this;
  }
}
