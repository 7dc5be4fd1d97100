package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;

/**
 * http.send and net.lookup_ip_addr. Both are known to the compiler (so policies compile and tests can
 * replace them with {@code with}), but a real call fails with an eval_builtin_error unless the caller
 * allowed network access. When allowed, http.send supports method, url, headers, body/raw_body,
 * timeout and raise_error, and answers with status_code, status, headers, raw_body and body.
 */
final class Http {
  private Http() {}

  static final String DISABLED = "network access is disabled; pass --allow-net to allow it";

  /** The request keys http.send knows (OPA's list); others are an operand error. */
  private static final Set<String> REQUEST_KEYS = Set.of("method", "url", "body", "enable_redirect",
      "force_json_decode", "force_yaml_decode", "headers", "raw_body", "tls_use_system_certs", "tls_ca_cert",
      "tls_ca_cert_file", "tls_ca_cert_env_variable", "tls_client_cert", "tls_client_cert_file",
      "tls_client_cert_env_variable", "tls_client_key", "tls_client_key_file", "tls_client_key_env_variable",
      "tls_insecure_skip_verify", "tls_server_name", "timeout", "cache", "force_cache",
      "force_cache_duration_seconds", "raise_error", "caching_mode", "max_retry_attempts", "cache_ignored_headers");

  static void register(BuiltinRegistry r) {
    def(r, "http.send", Http::send);
    def(r, "net.lookup_ip_addr", Http::lookupIpAddr);
  }

  /** OPA's request checks, in its order: unknown keys, then missing method or url. */
  static void checkRequest(ObjectValue req, int pos) {
    TreeSet<Value> unknown = new TreeSet<>();
    TreeSet<Value> missing = new TreeSet<>(List.of(s("method"), s("url")));
    for (Value k : req.entries().keySet()) {
      missing.remove(k);
      if (!(k instanceof StringValue sk && REQUEST_KEYS.contains(sk.value()))) unknown.add(k);
    }
    if (!unknown.isEmpty()) throw Args.operand(pos, "invalid request parameters(s): " + RegoText.of(SetValue.wrap(unknown)));
    if (!missing.isEmpty()) {
      throw Args.operand(pos, "missing required request parameters(s): " + RegoText.of(SetValue.wrap(missing)));
    }
  }

  static Value send(BuiltinContext ctx, List<Value> a) {
    ObjectValue req = Args.obj(a, 1);
    checkRequest(req, 1);
    if (!ctx.allowNet()) throw Args.fail(DISABLED);
    boolean raise = !(req.get("raise_error") instanceof BooleanValue b) || b.value();
    try {
      return send(req);
    } catch (IOException | IllegalArgumentException e) {
      if (raise) throw Args.fail(e.getMessage() == null ? e.toString() : e.getMessage());
      return ObjectValue.builder().put("status_code", NumberValue.ZERO)
          .put("error", ObjectValue.builder().put("code", s("eval_http_send_network_error"))
              .put("message", s(String.valueOf(e.getMessage()))).build())
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Args.fail("interrupted");
    }
  }

  /**
   * Addresses for a name. An IP literal is its own answer and {@code localhost} names are the loopback
   * addresses (RFC 6761), neither needing the network; any other name is a DNS lookup, which needs
   * network access.
   */
  static Value lookupIpAddr(BuiltinContext ctx, List<Value> a) {
    String name = Args.str(a, 1);
    IpNet literal = IpNet.parseIp(name);
    if (literal != null) return SetValue.of(s(literal.ipString()));
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("localhost") || lower.endsWith(".localhost")) return SetValue.of(s("127.0.0.1"), s("::1"));
    if (!ctx.allowNet()) throw Args.fail(DISABLED);
    try {
      TreeSet<Value> out = new TreeSet<>();
      for (InetAddress addr : InetAddress.getAllByName(name)) {
        IpNet ip = IpNet.parseIp(addr.getHostAddress().replaceFirst("%.*$", ""));
        out.add(s(ip == null ? addr.getHostAddress() : ip.ipString()));
      }
      return SetValue.wrap(out);
    } catch (UnknownHostException e) {
      throw Args.fail("lookup " + name + ": no such host");
    }
  }

  private static Value send(ObjectValue req) throws IOException, InterruptedException {
    String method = req.get("method") instanceof StringValue m ? m.value().toUpperCase(Locale.ROOT) : null;
    String url = req.get("url") instanceof StringValue u ? u.value() : null;
    if (method == null) throw new IllegalArgumentException("missing required request parameter 'method'");
    if (url == null) throw new IllegalArgumentException("missing required request parameter 'url'");
    Duration timeout = Duration.ofSeconds(5);
    if (req.get("timeout") instanceof StringValue t) timeout = Duration.ofNanos(GoDuration.parse(t.value()).longValue());
    else if (req.get("timeout") instanceof NumberValue t) timeout = Duration.ofNanos(t.value().longValue());
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    if (req.get("headers") instanceof ObjectValue hs) {
      for (Map.Entry<Value, Value> e : hs.entries().entrySet()) {
        if (e.getKey() instanceof StringValue k && e.getValue() instanceof StringValue v) b.header(k.value(), v.value());
      }
    }
    String body = null;
    if (req.get("raw_body") instanceof StringValue rb) body = rb.value();
    else if (req.get("body") != null && !(req.get("body") instanceof NullValue)) {
      body = GoJson.compact(req.get("body"));
      b.header("Content-Type", "application/json");
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<String> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    TreeMap<Value, Value> headers = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : resp.headers().map().entrySet()) {
      headers.put(s(e.getKey().toLowerCase(Locale.ROOT)), ArrayValue.of(e.getValue().stream().map(StringValue::of).toList()));
    }
    Value parsed = NullValue.INSTANCE;
    try {
      parsed = Json.parse(resp.body());
    } catch (RuntimeException e) {
      // not JSON: body stays null, raw_body has the text
    }
    return ObjectValue.builder()
        .put("status_code", NumberValue.of(resp.statusCode()))
        .put("status", s(resp.statusCode() + ""))
        .put("headers", ObjectValue.wrap(headers))
        .put("raw_body", s(resp.body()))
        .put("body", parsed)
        .build();
  }
}
