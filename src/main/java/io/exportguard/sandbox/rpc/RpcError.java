package io.exportguard.sandbox.rpc;

/** An RPC error reply: HTTP status, the service's error code and its message. */
public final class RpcError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  public RpcError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static RpcError missing(String param) {
    return new RpcError(400, "MissingParameter",
        "An input parameter \"" + param + "\" that is mandatory for processing the request is not supplied.");
  }

  public static RpcError invalid(String param) {
    return new RpcError(400, "InvalidParameter", "The specified parameter \"" + param + "\" is not valid.");
  }
}
