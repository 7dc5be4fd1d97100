package io.exportguard.sandbox.rpc;

import io.exportguard.sandbox.scenario.Scenario.AccessKey;
import java.util.Map;

/** One authenticated RPC request: its action, every parameter decoded, and the access key that signed it. */
public record RpcCall(String action, Map<String, String> params, AccessKey caller) {

  public RpcCall(String action, Map<String, String> params) {
    this(action, params, null);
  }

  /** The parameter, or null when absent or empty. */
  public String param(String name) {
    String v = params.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  public String required(String name) {
    String v = param(name);
    if (v == null) {
      throw RpcError.missing(name);
    }
    return v;
  }

  public int integer(String name, int fallback, int min, int max) {
    String v = param(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw RpcError.invalid(name);
      }
      return n;
    } catch (NumberFormatException e) {
      throw RpcError.invalid(name);
    }
  }
}
