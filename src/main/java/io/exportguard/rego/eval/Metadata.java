package io.exportguard.rego.eval;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.BooleanValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import io.exportguard.rego.value.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code rego.metadata.rule()} and {@code rego.metadata.chain()}: the METADATA of the rule being
 * evaluated, in OPA's shapes (authors as {name, email}, related resources as {ref, description}).
 */
final class Metadata {
  private Metadata() {}

  /** The builtin's value when name is one of the metadata builtins, else null. */
  static Value call(Evaluator ev, String name, Value[] args) {
    if (!name.startsWith("rego.metadata.")) return null;
    RuleDef rule = ev.session.ruleStack.peek();
    if (name.equals("rego.metadata.rule")) {
      List<Annotations> own = rule == null ? List.of() : ruleScoped(rule);
      return own.isEmpty() ? ObjectValue.EMPTY : toValue(own.get(0));
    }
    if (name.equals("rego.metadata.chain")) return rule == null ? ArrayValue.EMPTY : chain(ev.session.plan.annotations, rule);
    return null;
  }

  /** The rule's own rule-scoped blocks, the one declared closest to the rule first. */
  private static List<Annotations> ruleScoped(RuleDef rule) {
    List<Annotations> out = new ArrayList<>();
    for (Annotations a : rule.annotations()) if ("rule".equals(a.scope())) out.add(a);
    out.sort(Comparator.comparingInt(Annotations::line).reversed());
    return out;
  }

  /**
   * OPA's chain: the rule's own blocks (at least one entry, for the rule), then its document scope,
   * its package, and the subpackages scopes from the closest package outward.
   */
  private static Value chain(AnnotationIndex index, RuleDef rule) {
    List<Value> chain = new ArrayList<>();
    List<Value> rulePath = path(rule.path());
    List<Annotations> own = ruleScoped(rule);
    if (own.isEmpty()) chain.add(ObjectValue.builder().put("path", ArrayValue.of(rulePath)).build());
    for (Annotations a : own) chain.add(entry(rulePath, a));
    Annotations doc = index.documents.get(rule.path());
    if (doc != null) chain.add(entry(rulePath, doc));
    String pkg = index.packageOfFile.getOrDefault(rule.file(), "data");
    Annotations pkgAnn = index.packages.get(pkg);
    if (pkgAnn != null) chain.add(entry(path(pkg), pkgAnn));
    for (String p = pkg; p.contains("."); p = p.substring(0, p.lastIndexOf('.'))) {
      Annotations sub = index.subpackages.get(p);
      if (sub != null) chain.add(entry(path(p), sub));
    }
    return ArrayValue.of(chain);
  }

  private static Value entry(List<Value> path, Annotations a) {
    return ObjectValue.builder().put("path", ArrayValue.of(path)).put("annotations", toValue(a)).build();
  }

  /** A dotted path below data ({@code data.a.b}) as OPA's chain writes it: ["a", "b"]. */
  private static List<Value> path(String dotted) {
    List<Value> out = new ArrayList<>();
    String[] segs = dotted.split("\\.");
    for (int i = 1; i < segs.length; i++) out.add(StringValue.of(segs[i]));
    return out;
  }

  /** One block as OPA's annotation object: known keys normalised, empty ones left out. */
  static Value toValue(Annotations a) {
    Map<String, Object> f = a.fields();
    ObjectValue.Builder o = ObjectValue.builder().put("scope", StringValue.of(a.scope()));
    putString(o, "title", f.get("title"));
    if (Boolean.TRUE.equals(f.get("entrypoint"))) o.put("entrypoint", BooleanValue.TRUE);
    putString(o, "description", f.get("description"));
    if (f.get("organizations") instanceof List<?> orgs && !orgs.isEmpty()) o.put("organizations", Values.fromJava(orgs));
    if (f.get("related_resources") instanceof List<?> rrs && !rrs.isEmpty()) {
      List<Value> out = new ArrayList<>();
      for (Object rr : rrs) out.add(relatedResource(rr));
      o.put("related_resources", ArrayValue.of(out));
    }
    if (f.get("authors") instanceof List<?> authors && !authors.isEmpty()) {
      List<Value> out = new ArrayList<>();
      for (Object author : authors) out.add(author(author));
      o.put("authors", ArrayValue.of(out));
    }
    if (f.get("schemas") instanceof List<?> schemas && !schemas.isEmpty()) o.put("schemas", Values.fromJava(schemas));
    if (f.get("custom") instanceof Map<?, ?> custom && !custom.isEmpty()) o.put("custom", Values.fromJava(custom));
    return o.build();
  }

  private static void putString(ObjectValue.Builder o, String key, Object v) {
    if (v instanceof String s && !s.isEmpty()) o.put(key, StringValue.of(s));
  }

  /** {@code "Jane Doe <jane@example.com>"} or {name, email}, as {name, email} without empty parts. */
  private static Value author(Object a) {
    String name = "";
    String email = "";
    if (a instanceof Map<?, ?> m) {
      name = m.get("name") instanceof String n ? n : "";
      email = m.get("email") instanceof String e ? e : "";
    } else if (a != null) {
      List<String> parts = new ArrayList<>(List.of(String.valueOf(a).trim().split("\\s+")));
      String last = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
      if (last.startsWith("<") && last.endsWith(">")) {
        email = last.substring(1, last.length() - 1);
        parts.remove(parts.size() - 1);
      }
      name = String.join(" ", parts);
    }
    ObjectValue.Builder o = ObjectValue.builder();
    if (!name.isEmpty()) o.put("name", StringValue.of(name));
    if (!email.isEmpty()) o.put("email", StringValue.of(email));
    return o.build();
  }

  /** A URL string or {ref, description}, as {ref, description?}. */
  private static Value relatedResource(Object rr) {
    ObjectValue.Builder o = ObjectValue.builder();
    if (rr instanceof Map<?, ?> m) {
      o.put("ref", StringValue.of(String.valueOf(m.get("ref"))));
      if (m.get("description") instanceof String d && !d.isEmpty()) o.put("description", StringValue.of(d));
    } else {
      o.put("ref", StringValue.of(String.valueOf(rr)));
    }
    return o.build();
  }
}
