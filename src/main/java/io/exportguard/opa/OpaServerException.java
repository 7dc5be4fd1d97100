package io.exportguard.opa;

import com.bisnode.opa.client.OpaClientException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * The OPA server answered with an error status. Unlike the client's own exception (which keeps
 * only the status), this keeps OPA's error body: {@code code}, {@code message} and each of
 * {@code errors[].message}, so the user sees why the server refused.
 */
public final class OpaServerException extends OpaClientException {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int status;

  OpaServerException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() { return status; }

  /** Reads OPA's error JSON; any other body is quoted (shortened). */
  static OpaServerException of(int status, byte[] body) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder("OPA server answered HTTP " + status);
    try {
      JsonNode n = JSON.readTree(text);
      if (n != null && n.isObject() && n.has("message")) {
        sb.append(": ");
        if (n.hasNonNull("code")) sb.append(n.get("code").asText()).append(": ");
        sb.append(n.get("message").asText());
        for (JsonNode e : n.path("errors")) {
          sb.append("; ");
          JsonNode loc = e.path("location");
          if (loc.has("file")) {
            sb.append(loc.path("file").asText()).append(':').append(loc.path("row").asInt()).append(": ");
          }
          sb.append(e.path("code").asText("")).append(e.has("code") ? ": " : "").append(e.path("message").asText());
        }
        return new OpaServerException(status, sb.toString());
      }
    } catch (java.io.IOException | RuntimeException notJson) {
      // fall through to the raw text
    }
    String raw = text.strip().replaceAll("\\s+", " ");
    if (!raw.isEmpty()) sb.append(": ").append(raw.length() > 300 ? raw.substring(0, 300) + "..." : raw);
    return new OpaServerException(status, sb.toString());
  }
}
