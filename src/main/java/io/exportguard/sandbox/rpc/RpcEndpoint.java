package io.exportguard.sandbox.rpc;

import com.sun.net.httpserver.HttpExchange;
import io.exportguard.sandbox.faults.FaultInjector;
import io.exportguard.sandbox.http.Reply;
import io.exportguard.sandbox.http.RequestIds;
import io.exportguard.sandbox.http.ResponseFormat;
import io.exportguard.sandbox.policy.RolePermissions;
import io.exportguard.sandbox.scenario.Scenario.AccessKey;
import io.exportguard.sandbox.state.AccountState;
import io.exportguard.sandbox.state.SessionKey;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RPC gateway: authenticates a request ({@link RpcAuth}, signature V1 or V3), then routes it
 * by version to a product and by action to its handler: unknown versions get
 * {@code InvalidVersion}, unknown actions {@code InvalidAction.NotFound}; then injected faults, then
 * the action itself. Replies, errors included, are JSON unless the client asks for XML
 * ({@code Format=XML}), as the gateway does.
 */
public final class RpcEndpoint {
  static final String ECS_VERSION = "2014-05-26";
  static final String RAM_VERSION = "2015-05-01";
  static final String STS_VERSION = "2015-04-01";

  private final FaultInjector faults;
  private final RpcAuth auth;
  private final AccountState state;
  private final Map<String, RpcProduct> products = new LinkedHashMap<>();

  public RpcEndpoint(AccountState state, FaultInjector faults) {
    this.faults = faults;
    this.state = state;
    this.auth = new RpcAuth(state);
    for (RpcProduct p : List.of(
        new RpcProduct("ecs", ECS_VERSION, "ecs.aliyuncs.com", new EcsApi(state).actions()),
        new RpcProduct("ram", RAM_VERSION, "ram.aliyuncs.com", new RamApi(state.scenario()).actions()),
        new RpcProduct("sts", STS_VERSION, "sts.aliyuncs.com", new StsApi(state).actions()))) {
      products.put(p.version(), p);
    }
  }

  /**
   * True when a request on {@code /} is an RPC call rather than an OSS service-level or
   * virtual-hosted bucket request: a V3 signature or {@code x-acs-action} header, an {@code Action}
   * parameter, or a form-encoded POST.
   */
  public static boolean isRpc(HttpExchange exchange) {
    return RpcRequest.isRpc(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("x-acs-action"),
        exchange.getRequestHeaders().getFirst("Authorization"));
  }

  public void handle(HttpExchange exchange) throws IOException {
    String requestId = RequestIds.next();
    RpcRequest request;
    try {
      request = RpcRequest.read(exchange);
    } catch (RpcError e) {
      write(exchange, ResponseFormat.JSON, e.status(), "Error", error(requestId, "ecs.aliyuncs.com", e));
      return;
    }
    RpcProduct product = products.get(request.version());
    String host = product == null ? "ecs.aliyuncs.com" : product.host();
    ResponseFormat format = request.format();
    String action = request.action();
    try {
      boolean anonymous = product != null && product.code().equals("sts") && StsApi.anonymous(action);
      AccessKey caller = anonymous ? null : auth.authenticate(request);
      if (product == null) {
        throw new RpcError(400, "InvalidVersion", "Specified parameter Version is not valid.");
      }
      RpcAction handler = product.actions().get(action);
      if (handler == null) {
        throw new RpcError(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
      }
      if (caller != null && !product.code().equals("sts")) authorize(caller, product.code() + ":" + action);
      FaultInjector.Injected injected = faults.isEmpty() ? null : faults.apply(product.code() + ":" + action, false);
      if (injected != null) {
        throw new RpcError(injected.status(), injected.code(), injected.message());
      }
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("RequestId", requestId);
      reply.putAll(handler.handle(new RpcCall(action, request.params(), caller)));
      write(exchange, format, 200, action + "Response", reply);
    } catch (RuntimeException failure) {
      // A bug in the sandbox still answers in the service's shape, so the SDK reports a ServerException.
      RpcError e = failure instanceof RpcError r ? r : new RpcError(500, "InternalError", "The sandbox failed: " + failure);
      write(exchange, format, e.status(), "Error", error(requestId, host, e));
    }
  }

  /**
   * A role session (STS AssumeRole's keys) may call only what the role's policies allow, as RAM
   * decides it: ECS refuses with {@code Forbidden.RAM} (403), RAM with {@code NoPermission} (403).
   * The account's own keys may call anything.
   */
  private void authorize(AccessKey caller, String action) {
    Optional<SessionKey> session = state.sessionKey(caller.id());
    if (session.isEmpty()) return;
    String refusal = RolePermissions.refusal(state.scenario(), session.get().roleName(), action);
    if (refusal == null) return;
    if (action.startsWith("ram:")) {
      throw new RpcError(403, "NoPermission", "You are not authorized to do this action. You should be authorized by RAM."
          + " (" + action + ", " + refusal + ")");
    }
    throw new RpcError(403, "Forbidden.RAM", "User not authorized to operate on the specified resource, or this API"
        + " doesn't support RAM. (" + action + ", " + refusal + ")");
  }

  private static Map<String, Object> error(String requestId, String host, RpcError e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("RequestId", requestId);
    error.put("HostId", host);
    error.put("Code", e.code());
    error.put("Message", e.getMessage());
    error.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code());
    return error;
  }

  private static void write(HttpExchange exchange, ResponseFormat format, int status, String root, Map<String, Object> body)
      throws IOException {
    Reply.send(exchange, status, format.contentType(), format.encode(root, body), Map.of());
  }
}
