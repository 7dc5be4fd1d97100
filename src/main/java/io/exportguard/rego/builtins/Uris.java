package io.exportguard.rego.builtins;

import static io.exportguard.rego.builtins.Args.b;
import static io.exportguard.rego.builtins.Args.def;
import static io.exportguard.rego.builtins.Args.s;
import static io.exportguard.rego.builtins.Args.str;

import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.List;

/**
 * {@code uri.parse} and {@code uri.is_valid}: URLs split as Go's {@code net/url} does, with only the
 * parts that are present in the result ({@code raw_path} whenever there is a path).
 */
final class Uris {
  private Uris() {}

  static void register(BuiltinRegistry r) {
    def(r, "uri.parse", Uris::parse);
    def(r, "uri.is_valid", Uris::isValid);
  }

  static Value parse(BuiltinContext ctx, List<Value> a) {
    GoUrl url;
    try {
      url = GoUrl.parse(str(a, 1));
    } catch (GoUrl.ParseError e) {
      throw Args.fail(e.getMessage());
    }
    ObjectValue.Builder out = ObjectValue.builder();
    putIfPresent(out, "scheme", url.scheme);
    putIfPresent(out, "hostname", url.hostname());
    putIfPresent(out, "port", url.port());
    if (!url.path.isEmpty()) {
      out.put("path", s(url.path));
      out.put("raw_path", s(url.rawPath.isEmpty() ? url.path : url.rawPath));
    }
    putIfPresent(out, "raw_query", url.rawQuery);
    putIfPresent(out, "fragment", url.fragment);
    return out.build();
  }

  private static void putIfPresent(ObjectValue.Builder out, String key, String value) {
    if (!value.isEmpty()) out.put(key, s(value));
  }

  /** False for non-strings and the empty string (valid per RFC 3986, but OPA refuses it). */
  static Value isValid(BuiltinContext ctx, List<Value> a) {
    if (!(a.get(0) instanceof StringValue sv) || sv.value().isEmpty()) return b(false);
    try {
      GoUrl.parse(sv.value());
      return b(true);
    } catch (GoUrl.ParseError e) {
      return b(false);
    }
  }
}
