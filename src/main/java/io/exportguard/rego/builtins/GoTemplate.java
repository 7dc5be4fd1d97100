package io.exportguard.rego.builtins;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.NullValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of Go's text/template that {@code strings.render_template} policies use: {@code {{.a.b}}},
 * {@code if}/{@code else if}/{@code else}, {@code range} (with {@code $i, $v :=}), {@code with},
 * variables, pipelines, parentheses, trim markers, comments, and the functions and, or, not, len,
 * index, eq, ne, lt, le, gt, ge, print, printf, println. Values print as Go's {@code %v} prints the
 * JSON values OPA passes; a missing key is an error ({@code missingkey=error}, as OPA sets it).
 */
final class GoTemplate {
  private final String src;
  private int pos;
  private final StringBuilder out = new StringBuilder();
  private final List<Map<String, Value>> scopes = new ArrayList<>();
  private Value dot;
  private int steps;

  private GoTemplate(String src) { this.src = src; }

  static String render(String template, Value data) {
    GoTemplate t = new GoTemplate(template);
    t.dot = data;
    t.scopes.add(new HashMap<>(Map.of("$", data)));
    List<Node> nodes = t.parseList(Set.END_OF_INPUT);
    t.exec(nodes);
    return t.out.toString();
  }

  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) { super("template: template:" + message, null, false, false); }
  }

  // ---- parsing into nodes ----

  private enum Set { END_OF_INPUT, BLOCK }

  private sealed interface Node permits Text, Action, If, Range, With {}

  private record Text(String text) implements Node {}

  /** An output (or variable declaration) action. */
  private record Action(String pipeline) implements Node {}

  private record If(String pipeline, List<Node> then, List<Node> otherwise) implements Node {}

  private record Range(String pipeline, List<Node> body, List<Node> otherwise) implements Node {}

  private record With(String pipeline, List<Node> body, List<Node> otherwise) implements Node {}

  /** The stop action that ended a list: "end", "else", "else if ..." or null at end of input. */
  private String stop;

  private List<Node> parseList(Set until) {
    List<Node> nodes = new ArrayList<>();
    while (true) {
      int open = src.indexOf("{{", pos);
      if (open < 0) {
        if (until == Set.BLOCK) throw new Failure("1: unexpected EOF");
        nodes.add(new Text(src.substring(pos)));
        pos = src.length();
        stop = null;
        return nodes;
      }
      String text = src.substring(pos, open);
      boolean trimLeft = src.startsWith("{{- ", open) || src.startsWith("{{-\t", open) || src.startsWith("{{-\n", open);
      if (trimLeft) text = text.stripTrailing();
      nodes.add(new Text(text));
      int close = src.indexOf("}}", open + 2);
      if (close < 0) throw new Failure("1: unclosed action");
      String body = src.substring(open + (trimLeft ? 3 : 2), close);
      boolean trimRight = body.endsWith(" -") || body.endsWith("\t-") || body.endsWith("\n-");
      if (trimRight) body = body.substring(0, body.length() - 1);
      pos = close + 2;
      if (trimRight) while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
      body = body.trim();
      if (body.startsWith("/*")) continue;
      String word = body.split("\\s+", 2)[0];
      String rest = body.length() > word.length() ? body.substring(word.length()).trim() : "";
      switch (word) {
        case "end":
        case "else":
          if (until != Set.BLOCK) throw new Failure("1: unexpected {{" + word + "}}");
          stop = body;
          return nodes;
        case "if":
          nodes.add(parseIf(rest));
          break;
        case "range":
        case "with": {
          List<Node> inner = parseList(Set.BLOCK);
          List<Node> otherwise = List.of();
          if (stop.startsWith("else")) {
            otherwise = parseList(Set.BLOCK);
            if (!stop.equals("end")) throw new Failure("1: expected end; found " + stop);
          }
          nodes.add(word.equals("range") ? new Range(rest, inner, otherwise) : new With(rest, inner, otherwise));
          break;
        }
        default:
          nodes.add(new Action(body));
      }
    }
  }

  private If parseIf(String pipeline) {
    List<Node> then = parseList(Set.BLOCK);
    if (stop.equals("end")) return new If(pipeline, then, List.of());
    String elseRest = stop.substring(4).trim();
    if (elseRest.startsWith("if ")) return new If(pipeline, then, List.of(parseIf(elseRest.substring(3).trim())));
    List<Node> otherwise = parseList(Set.BLOCK);
    if (!stop.equals("end")) throw new Failure("1: expected end; found " + stop);
    return new If(pipeline, then, otherwise);
  }

  // ---- execution ----

  private void exec(List<Node> nodes) {
    for (Node n : nodes) {
      if (++steps > 1_000_000) throw new Failure("1: template too large to execute");
      if (n instanceof Text t) {
        out.append(t.text());
      } else if (n instanceof Action a) {
        Value v = pipelineOrDeclaration(a.pipeline());
        if (v != null) out.append(print(v));
      } else if (n instanceof If i) {
        exec(truthy(pipeline(i.pipeline())) ? i.then() : i.otherwise());
      } else if (n instanceof With w) {
        Value v = pipeline(w.pipeline());
        if (truthy(v)) withDot(v, w.body());
        else exec(w.otherwise());
      } else if (n instanceof Range r) {
        range(r);
      }
    }
  }

  private void withDot(Value v, List<Node> body) {
    Value saved = dot;
    dot = v;
    scopes.add(new HashMap<>());
    try {
      exec(body);
    } finally {
      scopes.remove(scopes.size() - 1);
      dot = saved;
    }
  }

  private void range(Range r) {
    String p = r.pipeline();
    String keyVar = null;
    String valueVar = null;
    int decl = p.indexOf(":=");
    if (decl > 0) {
      String[] vars = p.substring(0, decl).split(",");
      if (vars.length == 2) {
        keyVar = vars[0].trim();
        valueVar = vars[1].trim();
      } else {
        valueVar = vars[0].trim();
      }
      p = p.substring(decl + 2).trim();
    }
    Value coll = pipeline(p);
    List<Value[]> items = new ArrayList<>();
    if (coll instanceof ArrayValue a) for (int i = 0; i < a.size(); i++) items.add(new Value[] {NumberValue.of(i), a.get(i)});
    else if (coll instanceof ObjectValue o) o.entries().forEach((k, v) -> items.add(new Value[] {k, v}));
    else if (coll instanceof SetValue s) {
      int i = 0;
      for (Value v : s.items()) items.add(new Value[] {NumberValue.of(i++), v});
    } else if (coll != null && !(coll instanceof NullValue)) {
      throw new Failure("1: range can't iterate over " + print(coll));
    }
    if (items.isEmpty()) {
      exec(r.otherwise());
      return;
    }
    for (Value[] kv : items) {
      Value saved = dot;
      dot = kv[1];
      Map<String, Value> scope = new HashMap<>();
      if (keyVar != null) scope.put(keyVar, kv[0]);
      if (valueVar != null) scope.put(valueVar, kv[1]);
      scopes.add(scope);
      try {
        exec(r.body());
      } finally {
        scopes.remove(scopes.size() - 1);
        dot = saved;
      }
    }
  }

  /** {@code $x := pipeline} declares (and prints nothing); anything else is a pipeline whose value prints. */
  private Value pipelineOrDeclaration(String text) {
    int decl = text.indexOf(":=");
    if (text.startsWith("$") && decl > 0 && text.substring(0, decl).trim().matches("\\$\\w*")) {
      scopes.get(scopes.size() - 1).put(text.substring(0, decl).trim(), pipeline(text.substring(decl + 2).trim()));
      return null;
    }
    int assign = text.indexOf('=');
    if (text.startsWith("$") && assign > 0 && text.substring(0, assign).trim().matches("\\$\\w*")) {
      String name = text.substring(0, assign).trim();
      Value v = pipeline(text.substring(assign + 1).trim());
      for (int i = scopes.size() - 1; i >= 0; i--) {
        if (scopes.get(i).containsKey(name)) {
          scopes.get(i).put(name, v);
          return null;
        }
      }
      throw new Failure("1: undefined variable: " + name);
    }
    return pipeline(text);
  }

  private Value pipeline(String text) {
    Value prev = null;
    for (String command : splitTop(text, '|')) prev = command(tokens(command.trim()), prev);
    return prev;
  }

  /** One command: a single operand, or a function applied to its arguments (and the piped value). */
  private Value command(List<String> toks, Value piped) {
    if (toks.isEmpty()) throw new Failure("1: missing value for command");
    String head = toks.get(0);
    if (FUNCTIONS.contains(head)) {
      List<Value> args = new ArrayList<>();
      for (String t : toks.subList(1, toks.size())) args.add(operand(t));
      if (piped != null) args.add(piped);
      return call(head, args);
    }
    if (toks.size() > 1 || piped != null) throw new Failure("1: can't give argument to non-function " + head);
    return operand(head);
  }

  private static final java.util.Set<String> FUNCTIONS = java.util.Set.of("and", "or", "not", "len", "index", "eq", "ne",
      "lt", "le", "gt", "ge", "print", "printf", "println");

  private Value operand(String t) {
    if (t.startsWith("(")) return pipeline(t.substring(1, t.length() - 1));
    if (t.startsWith("\"")) return StringValue.of(io.exportguard.rego.value.Json.parse(t) instanceof StringValue s ? s.value() : t);
    if (t.startsWith("`")) return StringValue.of(t.substring(1, t.length() - 1));
    if (t.equals("true") || t.equals("false")) return BooleanValue.of(t.equals("true"));
    if (t.equals("nil")) return NullValue.INSTANCE;
    if (t.matches("-?[0-9][0-9.eE+-]*")) return NumberValue.parse(t);
    if (t.startsWith(".")) return fields(dot, t.equals(".") ? "" : t.substring(1), t);
    if (t.startsWith("$")) {
      int dotAt = t.indexOf('.');
      String name = dotAt < 0 ? t : t.substring(0, dotAt);
      for (int i = scopes.size() - 1; i >= 0; i--) {
        if (scopes.get(i).containsKey(name)) return fields(scopes.get(i).get(name), dotAt < 0 ? "" : t.substring(dotAt + 1), t);
      }
      throw new Failure("1: undefined variable \"" + name + "\"");
    }
    throw new Failure("1: function \"" + t + "\" not defined");
  }

  private static Value fields(Value v, String path, String whole) {
    if (path.isEmpty()) return v;
    for (String f : path.split("\\.")) {
      if (!(v instanceof ObjectValue o)) {
        throw new Failure("1:2: executing \"template\" at <" + whole + ">: can't evaluate field " + f + " in type " + goType(v));
      }
      v = o.get(StringValue.of(f));
      if (v == null) throw new Failure("1:2: executing \"template\" at <" + whole + ">: map has no entry for key \"" + f + "\"");
    }
    return v;
  }

  private static String goType(Value v) {
    return v instanceof StringValue ? "string" : v instanceof NumberValue ? "json.Number" : v instanceof BooleanValue ? "bool"
        : v instanceof ArrayValue ? "[]interface {}" : "interface {}";
  }

  private Value call(String fn, List<Value> a) {
    switch (fn) {
      case "not": return BooleanValue.of(!truthy(arg(a, 0, fn)));
      case "and": {
        for (Value v : a) if (!truthy(v)) return v;
        return a.isEmpty() ? BooleanValue.TRUE : a.get(a.size() - 1);
      }
      case "or": {
        for (Value v : a) if (truthy(v)) return v;
        return a.isEmpty() ? BooleanValue.FALSE : a.get(a.size() - 1);
      }
      case "len": {
        Value v = arg(a, 0, fn);
        if (v instanceof StringValue s) return NumberValue.of(s.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        if (v instanceof ArrayValue x) return NumberValue.of(x.size());
        if (v instanceof ObjectValue o) return NumberValue.of(o.size());
        if (v instanceof SetValue s) return NumberValue.of(s.size());
        throw new Failure("1: error calling len: len of type " + goType(v));
      }
      case "index": {
        Value v = arg(a, 0, fn);
        for (Value k : a.subList(1, a.size())) {
          Value next = select(v, k);
          if (next == null && v instanceof ObjectValue) return NullValue.INSTANCE;
          if (next == null) throw new Failure("1: error calling index: index out of range: " + print(k));
          v = next;
        }
        return v;
      }
      case "eq": {
        Value first = arg(a, 0, fn);
        for (Value v : a.subList(1, a.size())) if (first.equals(v)) return BooleanValue.TRUE;
        return BooleanValue.FALSE;
      }
      case "ne": return BooleanValue.of(!arg(a, 0, fn).equals(arg(a, 1, fn)));
      case "lt": return BooleanValue.of(arg(a, 0, fn).compareTo(arg(a, 1, fn)) < 0);
      case "le": return BooleanValue.of(arg(a, 0, fn).compareTo(arg(a, 1, fn)) <= 0);
      case "gt": return BooleanValue.of(arg(a, 0, fn).compareTo(arg(a, 1, fn)) > 0);
      case "ge": return BooleanValue.of(arg(a, 0, fn).compareTo(arg(a, 1, fn)) >= 0);
      case "printf": {
        String format = print(arg(a, 0, fn));
        return StringValue.of(Sprintf.format(format, a.subList(1, a.size())));
      }
      case "println": {
        List<String> parts = new ArrayList<>();
        for (Value v : a) parts.add(print(v));
        return StringValue.of(String.join(" ", parts) + "\n");
      }
      default: {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
          // Go's Sprint puts a space between operands when neither is a string
          if (i > 0 && !(a.get(i) instanceof StringValue) && !(a.get(i - 1) instanceof StringValue)) sb.append(' ');
          sb.append(print(a.get(i)));
        }
        return StringValue.of(sb.toString());
      }
    }
  }

  private static Value select(Value v, Value key) {
    if (v instanceof ObjectValue o) return o.get(key);
    if (v instanceof ArrayValue a && key instanceof NumberValue n && n.intValueOrNull() != null) {
      int i = n.intValueOrNull();
      return i >= 0 && i < a.size() ? a.get(i) : null;
    }
    return null;
  }

  private static Value arg(List<Value> a, int i, String fn) {
    if (i >= a.size()) throw new Failure("1: wrong number of args for " + fn);
    return a.get(i);
  }

  private static boolean truthy(Value v) {
    if (v == null || v instanceof NullValue) return false;
    if (v instanceof BooleanValue b) return b.value();
    if (v instanceof NumberValue n) return n.value().signum() != 0;
    if (v instanceof StringValue s) return !s.value().isEmpty();
    if (v instanceof ArrayValue a) return a.size() > 0;
    if (v instanceof ObjectValue o) return o.size() > 0;
    if (v instanceof SetValue s) return s.size() > 0;
    return true;
  }

  /** Go's %v of the JSON values OPA passes: strings bare, slices {@code [a b]}, maps {@code map[k:v]}, nil {@code <nil>}. */
  static String print(Value v) {
    if (v instanceof StringValue s) return s.value();
    if (v instanceof NullValue) return "<nil>";
    if (v instanceof ArrayValue a) {
      List<String> parts = new ArrayList<>();
      for (Value x : a.items()) parts.add(print(x));
      return "[" + String.join(" ", parts) + "]";
    }
    if (v instanceof SetValue s) {
      List<String> parts = new ArrayList<>();
      for (Value x : s.items()) parts.add(print(x));
      return "[" + String.join(" ", parts) + "]";
    }
    if (v instanceof ObjectValue o) {
      List<String> parts = new ArrayList<>();
      o.entries().forEach((k, x) -> parts.add(print(k) + ":" + print(x)));
      return "map[" + String.join(" ", parts) + "]";
    }
    return v.toString();
  }

  // ---- lexing pipelines ----

  /** Splits on a separator outside quotes and parentheses. */
  private static List<String> splitTop(String s, char sep) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') i++;
        else if (c == quote) quote = 0;
      } else if (c == '"' || c == '`') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == sep && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    for (String t : splitTop(s.replace('\t', ' ').replace('\n', ' '), ' ')) if (!t.isBlank()) out.add(t.trim());
    return out;
  }
}
