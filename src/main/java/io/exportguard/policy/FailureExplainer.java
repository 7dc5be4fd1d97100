package io.exportguard.policy;

import io.exportguard.rego.PolicySet;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Best effort at showing the values involved in a failed test, as {@code opa test --var-values}
 * does: the test's body is replayed as a query, one expression more each time, and the first
 * expression that makes it undefined is shown with the variables bound before it. Import aliases
 * and the package's own rules are spelled out as {@code data.} references so the body compiles as
 * a query. Anything this cannot handle (a body it cannot split, a query that does not compile)
 * yields no explanation rather than a wrong one.
 */
final class FailureExplainer {
  private static final int MAX_VALUE_CHARS = 400;
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(data(?:\\.[A-Za-z_][A-Za-z0-9_]*)+)(?:\\s+as\\s+([A-Za-z_][A-Za-z0-9_]*))?\\s*$");
  /** Variables a body declares: {@code x :=}, {@code some k, v in}, {@code every k, v in}. */
  private static final Pattern LOCAL = Pattern.compile(
      "([A-Za-z_][A-Za-z0-9_]*)\\s*:=|\\b(?:some|every)\\s+([A-Za-z_][A-Za-z0-9_]*)(?:\\s*,\\s*([A-Za-z_][A-Za-z0-9_]*))?");

  private FailureExplainer() {}

  /**
   * Lines explaining why the test rule at {@code line} of {@code source} is undefined, or an empty
   * list when that cannot be worked out.
   *
   * @param packagePath the test's package, without {@code data.}
   * @param packageRules names of the rules defined in that package
   */
  static List<String> explain(PolicySet set, String source, int line, String packagePath, Set<String> packageRules) {
    String[] lines = source.split("\n", -1);
    List<Expression> body = body(lines, line);
    if (body.isEmpty()) return List.of();
    Map<String, String> refs = references(lines, packagePath, packageRules);
    Set<String> locals = new HashSet<>();
    for (Expression e : body) {
      Matcher m = LOCAL.matcher(e.text());
      while (m.find()) {
        for (int g = 1; g <= 3; g++) if (m.group(g) != null) locals.add(m.group(g));
      }
    }
    locals.forEach(refs::remove);

    StringBuilder query = new StringBuilder();
    Map<String, Value> before = Map.of();
    for (Expression e : body) {
      if (query.length() > 0) query.append('\n');
      query.append(rewrite(e.text(), refs));
      QueryResult r;
      try {
        r = set.eval(query.toString(), null);
      } catch (RegoException | RuntimeException ex) {
        return List.of();
      }
      // A one-expression query reports a false comparison as the value false (as OPA does).
      if (!r.defined() || io.exportguard.rego.value.BooleanValue.FALSE.equals(r.value())) {
        List<String> out = new ArrayList<>();
        out.add("first failing expression, line " + e.line() + ": " + e.text().strip().replaceAll("\\s*\\n\\s*", " "));
        new TreeMap<>(before).forEach((k, v) -> {
          if (k.matches("[A-Za-z][A-Za-z0-9_]*")) out.add("  " + k + " = " + shorten(regoText(set, v)));
        });
        return out;
      }
      before = r.results().get(0).bindings();
    }
    return List.of(); // the body holds as a query: the rule failed for another reason (its value)
  }

  /** One expression of a rule body and the line it starts on. */
  record Expression(String text, int line) {}

  /** The body's expressions: lines grouped until brackets balance; comments and blank lines dropped. */
  static List<Expression> body(String[] lines, int line) {
    String head = lines[line - 1];
    int brace = head.indexOf(" if {");
    List<Expression> out = new ArrayList<>();
    if (brace < 0) {
      int ifAt = head.indexOf(" if ");
      if (ifAt < 0) return List.of();
      out.add(new Expression(head.substring(ifAt + 4).strip(), line));
      return out;
    }
    StringBuilder current = new StringBuilder();
    int start = 0;
    int depth = 0;
    for (int i = line; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith("}")) return depth == 0 && current.length() == 0 ? out : List.of();
      String code = stripComment(l);
      if (code.isBlank() && current.length() == 0) continue;
      if (current.length() == 0) start = i + 1;
      else current.append('\n');
      current.append(code);
      depth += depth(code);
      if (depth == 0) {
        out.add(new Expression(current.toString(), start));
        current.setLength(0);
      }
    }
    return List.of();
  }

  private static String stripComment(String l) {
    boolean inString = false;
    for (int i = 0; i < l.length(); i++) {
      char c = l.charAt(i);
      if (inString && c == '\\') i++;
      else if (c == '"') inString = !inString;
      else if (c == '#' && !inString) return l.substring(0, i);
    }
    return l;
  }

  private static int depth(String code) {
    int d = 0;
    boolean inString = false;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '[' || c == '{') {
        d++;
      } else if (c == ')' || c == ']' || c == '}') {
        d--;
      }
    }
    return d;
  }

  /** Import aliases and the package's rule names, each mapped to its full data reference. */
  private static Map<String, String> references(String[] lines, String packagePath, Set<String> packageRules) {
    Map<String, String> refs = new HashMap<>();
    for (String rule : packageRules) refs.put(rule, "data." + packagePath + "." + rule);
    for (String l : lines) {
      Matcher m = IMPORT.matcher(l.strip());
      if (!m.matches()) continue;
      String path = m.group(1);
      String alias = m.group(2) != null ? m.group(2) : path.substring(path.lastIndexOf('.') + 1);
      refs.put(alias, path);
    }
    return refs;
  }

  /** Replaces identifiers that start a reference (not after a dot, not in a string) by their full ref. */
  static String rewrite(String text, Map<String, String> refs) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != '"') j += text.charAt(j) == '\\' ? 2 : 1;
        j = Math.min(j + 1, text.length());
        out.append(text, i, j);
        i = j;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) j++;
        String word = text.substring(i, j);
        boolean afterDot = i > 0 && text.charAt(i - 1) == '.';
        boolean objectKey = j < text.length() && text.charAt(j) == ':' && !(j + 1 < text.length() && text.charAt(j + 1) == '=');
        out.append(!afterDot && !objectKey && refs.containsKey(word) ? refs.get(word) : word);
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * A value as Rego prints it (sets as {@code {a, b}}, the empty set as {@code set()}), by asking
   * the engine itself through {@code sprintf("%v")}; JSON when that fails.
   */
  static String regoText(PolicySet set, Value v) {
    if (v instanceof StringValue) return v.toJson(); // %v would drop the quotes of a bare string
    try {
      QueryResult r = set.eval("x := sprintf(\"%v\", [input])", v);
      if (r.defined() && r.results().get(0).binding("x") instanceof StringValue s) return s.value();
    } catch (RegoException | RuntimeException e) {
      // fall through to JSON
    }
    return v.toJson();
  }

  private static String shorten(String json) {
    return json.length() <= MAX_VALUE_CHARS ? json : json.substring(0, MAX_VALUE_CHARS) + "... (" + json.length() + " chars)";
  }
}
