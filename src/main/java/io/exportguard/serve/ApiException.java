package io.exportguard.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.rego.RegoError;
import java.util.List;

/**
 * A request that fails, with OPA's error shape: an HTTP status and
 * {@code {"code", "message", "errors": [{"code", "message", "location": {"file", "row", "col"}}]}}.
 */
final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;
  // OPA's error codes (server/types).
  static final String INVALID_PARAMETER = "invalid_parameter";
  static final String RESOURCE_NOT_FOUND = "resource_not_found";
  static final String RESOURCE_CONFLICT = "resource_conflict";
  static final String UNDEFINED_DOCUMENT = "undefined_document";
  static final String INTERNAL = "internal_error";
  static final String UNAUTHORIZED = "unauthorized";

  private final int status;
  private final String code;
  private final transient List<RegoError> errors;

  ApiException(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  ApiException(int status, String code, String message, List<RegoError> errors) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  int status() { return status; }

  String code() { return code; }

  ObjectNode body() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("code", code);
    o.put("message", getMessage());
    if (!errors.isEmpty()) {
      ArrayNode list = o.putArray("errors");
      for (RegoError e : errors) {
        ObjectNode item = list.addObject();
        item.put("code", e.code());
        item.put("message", e.message());
        if (e.file() != null) {
          ObjectNode loc = item.putObject("location");
          loc.put("file", e.file());
          loc.put("row", e.line());
          loc.put("col", e.column());
        }
      }
    }
    return o;
  }

  static ApiException badRequest(String message) { return new ApiException(400, INVALID_PARAMETER, message); }

  static ApiException notFound(String message) { return new ApiException(404, RESOURCE_NOT_FOUND, message); }
}
