package io.exportguard.sandbox.rpc;

import java.util.Map;

/**
 * One product behind the RPC gateway: its code (the prefix faults use, {@code ecs:DescribeImages}),
 * its API version, the host its errors name, and its actions. Adding a product is one of these
 * in {@link RpcEndpoint}.
 */
record RpcProduct(String code, String version, String host, Map<String, RpcAction> actions) {}
