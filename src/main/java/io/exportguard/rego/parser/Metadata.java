package io.exportguard.rego.parser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.exportguard.rego.Annotations;
import io.exportguard.rego.ast.PackageDecl;
import io.exportguard.rego.ast.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds {@code # METADATA} comment blocks, parses their YAML and attaches them: a block directly
 * above the package (or with {@code scope: package}/{@code subpackages}) to the module, a block
 * above a rule to that rule.
 */
final class Metadata {
  /**
   * Made on the first {@code # METADATA} block that {@link YamlValues} leaves to it: a module
   * without one needs no YAML mapper (making it costs a run tens of milliseconds of start-up).
   */
  private static final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
  }

  private static final java.util.Set<String> SCOPES = java.util.Set.of("package", "subpackages", "rule", "document");

  private final ModuleParser parser;

  Metadata(ModuleParser parser) {
    this.parser = parser;
  }

  record Attached(List<Rule> rules, List<Annotations> moduleAnnotations) {}

  private record Block(int line, int column, int lastLine, String yaml) {}

  Attached attach(PackageDecl pkg, List<Rule> rules) {
    List<Block> blocks = blocks();
    List<Annotations> moduleAnns = new ArrayList<>();
    List<List<Annotations>> perRule = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) perRule.add(new ArrayList<>());
    for (Block b : blocks) {
      Map<String, Object> fields = parse(b);
      if (fields == null) continue;
      int next = nextTokenLine(b.lastLine());
      boolean abovePackage = pkg != null && next == pkg.loc().line();
      int ruleIndex = -1;
      for (int i = 0; i < rules.size(); i++) {
        if (rules.get(i).loc().line() == next) { ruleIndex = i; break; }
      }
      Object scopeField = fields.get("scope");
      String scope = scopeField instanceof String s ? s : abovePackage ? "package" : "rule";
      if (!SCOPES.contains(scope)) {
        parser.metadataError("invalid annotation scope '" + scope + "'", b.line(), b.column());
        continue;
      }
      Annotations ann = new Annotations(scope, fields, parser.file, b.line());
      if (scope.equals("package") || scope.equals("subpackages")) {
        if (ruleIndex >= 0 && scopeField == null) {
          perRule.get(ruleIndex).add(ann);
        } else {
          moduleAnns.add(ann);
        }
      } else if (ruleIndex >= 0) {
        perRule.get(ruleIndex).add(ann);
      } else if (abovePackage && scope.equals("rule")) {
        parser.metadataError("annotation scope 'rule' must be applied to rule (have package)", b.line(), b.column());
      } else if (scope.equals("document")) {
        moduleAnns.add(ann);
      } else {
        parser.metadataError("annotation scope 'rule' must be applied to rule", b.line(), b.column());
      }
    }
    List<Rule> out = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      out.add(perRule.get(i).isEmpty() ? r
          : new Rule(r.kind(), r.head(), r.args(), r.key(), r.value(), r.assign(), r.isDefault(), r.body(),
              r.elseRule(), perRule.get(i), r.loc()));
    }
    return new Attached(out, moduleAnns);
  }

  /** A block is {@code # METADATA} followed by comment lines on consecutive lines. */
  private List<Block> blocks() {
    List<Comment> cs = parser.comments();
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      Comment c = cs.get(i);
      if (!c.text().strip().equals("METADATA")) continue;
      StringBuilder yaml = new StringBuilder();
      int last = c.line();
      int j = i + 1;
      while (j < cs.size() && cs.get(j).line() == last + 1 && cs.get(j).column() == c.column()) {
        String t = cs.get(j).text();
        yaml.append(t.startsWith(" ") ? t.substring(1) : t).append('\n');
        last = cs.get(j).line();
        j++;
      }
      out.add(new Block(c.line(), c.column(), last, yaml.toString()));
      i = j - 1;
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parse(Block b) {
    if (b.yaml().isBlank()) return new LinkedHashMap<>();
    try {
      Object o = YamlValues.read(b.yaml());
      if (o == YamlValues.NEEDS_MAPPER) o = Yaml.MAPPER.readValue(b.yaml(), Object.class);
      if (o == null) return new LinkedHashMap<>();
      if (!(o instanceof Map<?, ?>)) {
        parser.metadataError("invalid METADATA block: expected a YAML mapping", b.line(), b.column());
        return null;
      }
      return (Map<String, Object>) o;
    } catch (JsonProcessingException | RuntimeException e) {
      String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      parser.metadataError("invalid METADATA block: " + firstLine(msg), b.line(), b.column());
      return null;
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "invalid YAML";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The line of the first token after a line, or -1 (binary search: tokens are in source order). */
  private int nextTokenLine(int line) {
    List<Token> toks = parser.tokens();
    int lo = 0;
    int hi = toks.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (toks.get(mid).line() > line) hi = mid;
      else lo = mid + 1;
    }
    Token t = toks.get(lo);
    return t.line() > line && t.kind() != TokenKind.EOF ? t.line() : -1;
  }
}
