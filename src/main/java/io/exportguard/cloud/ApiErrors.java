package io.exportguard.cloud;

import com.aliyuncs.exceptions.ServerException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns whatever the SDKs throw into an {@link ApiException} and decides what is retryable:
 * {@code Throttling*}, {@code ServiceUnavailable*} and 5xx. The core SDK never exposes the HTTP
 * status, so 5xx is its {@link ServerException}; OSS 5xx codes are InternalError and friends.
 */
final class ApiErrors {
  private ApiErrors() {}

  static ApiException from(String api, Throwable t) {
    if (t instanceof ApiException a) return a;
    if (t instanceof com.aliyuncs.exceptions.ClientException ce) {
      String code = ce.getErrCode();
      String msg = ce.getErrMsg();
      if (code == null) {
        // Non-JSON bodies (a 502 HTML page) arrive without a code; the detail is in getMessage().
        code = "SDK.BadResponse";
        msg = firstLine(ce.getMessage());
      }
      boolean server = ce instanceof ServerException;
      // SDK.* codes are the SDK's own (timeouts, transport): the service may never have answered.
      boolean rejected = !server && ce.getErrCode() != null && !code.startsWith("SDK.");
      return new ApiException(api, code, msg, server || retryableCode(code), Map.of(), rejected);
    }
    if (t instanceof com.aliyun.oss.OSSException oe) {
      Map<String, String> fields = oe.getErrorFields() == null ? Map.of() : new HashMap<>(oe.getErrorFields());
      String code = oe.getErrorCode();
      boolean server = ossServerCode(code);
      return new ApiException(api, code, oe.getErrorMessage(), retryableCode(code) || server, fields, !server);
    }
    if (t instanceof com.aliyun.oss.ClientException oce) {
      return new ApiException(api, oce.getErrorCode() == null ? "SDK.ClientError" : oce.getErrorCode(),
          firstLine(oce.getErrorMessage() == null ? oce.getMessage() : oce.getErrorMessage()), false);
    }
    return new ApiException(api, t.getClass().getSimpleName(), firstLine(t.getMessage()), false);
  }

  /** The service refused the call for exceeding a rate (Throttling, Throttling.User, Rejected.Throttling, SlowDown). */
  static boolean throttling(String code) {
    return code != null && (code.startsWith("Throttling") || code.equals("Rejected.Throttling") || code.equals("SlowDown"));
  }

  static boolean retryableCode(String code) {
    return code != null && (code.startsWith("Throttling") || code.startsWith("ServiceUnavailable")
        || code.equals("Rejected.Throttling"));
  }

  private static boolean ossServerCode(String code) {
    return code != null && (code.startsWith("InternalError") || code.equals("ServiceUnavailable")
        || code.equals("BadGateway") || code.equals("GatewayTimeout"));
  }

  private static String firstLine(String s) {
    if (s == null) return null;
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
