package io.exportguard.sandbox.rpc;

import java.util.Map;

/** One RPC action: returns the response body (RequestId is added by the server) or throws {@link RpcError}. */
@FunctionalInterface
public interface RpcAction {
  Map<String, Object> handle(RpcCall call);
}
