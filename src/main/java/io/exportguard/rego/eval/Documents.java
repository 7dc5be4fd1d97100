package io.exportguard.rego.eval;

import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.SetValue;
import io.exportguard.rego.value.Value;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code data} document: base documents and the virtual documents rules define, walked as one
 * tree. Rule values are computed whole, once per query and {@code with} context (memoised), then
 * selected from.
 */
final class Documents {
  private final Plan plan;

  Documents(Plan plan) { this.plan = plan; }

  boolean evalData(Evaluator ev, Term[] path, Value[] f, Evaluator.EachValue k) {
    Value[] keys = ev.ctx.dataOverrides.length == 0 ? null : new Value[path.length];
    return walkData(ev, path, 0, plan.root, plan.baseData, keys, f, k);
  }

  private boolean walkData(Evaluator ev, Term[] path, int i, RuleNode node, Value base, Value[] keys, Value[] f,
                           Evaluator.EachValue k) {
    if (keys != null) {
      Value replaced = Overrides.exact(ev.ctx, keys, i);
      if (replaced != null) return ev.walk(replaced, path, i, f, k);
    }
    if (node == null && keys == null) return base != null && walkBase(ev, base, path, i, f, k);
    if (node == null || node.definedByRules() || i == path.length) {
      Value v;
      if (node == null) v = base;
      else if (node.definedByRules()) v = ruleValue(ev, node);
      else v = namespaceValue(ev, node, base);
      if (keys != null) v = Overrides.patchBelow(ev.ctx, v, keys, i);
      return v != null && ev.walk(v, path, i, f, k);
    }
    Term seg = path[i];
    Value key = seg instanceof Term.Const c ? c.value() : seg instanceof Term.Var var ? f[var.slot()] : null;
    if (key != null) return step(ev, path, i, node, base, keys, key, f, k);
    if (Evaluator.evaluable(seg, f)) return ev.evalTerm(seg, f, kv -> step(ev, path, i, node, base, keys, kv, f, k));
    Set<Value> candidates = new LinkedHashSet<>();
    for (Map.Entry<Value, RuleNode> e : node.children.entrySet()) {
      if (!e.getValue().functionOnly()) candidates.add(e.getKey());
    }
    if (base instanceof ObjectValue o) candidates.addAll(o.entries().keySet());
    for (Value candidate : candidates) {
      boolean stop = ev.unifyValue(seg, candidate, f, () -> step(ev, path, i, node, base, keys, candidate, f, k));
      if (stop) return true;
    }
    return false;
  }

  private boolean step(Evaluator ev, Term[] path, int i, RuleNode node, Value base, Value[] keys, Value key,
                       Value[] f, Evaluator.EachValue k) {
    RuleNode child = node.children.get(key);
    if (child != null && child.functionOnly()) child = null;
    Value childBase = null;
    if (base instanceof ObjectValue o) {
      childBase = o.get(key);
      // Base documents are stored under string keys: data[2] finds the key "2", as in OPA.
      if (childBase == null && key instanceof NumberValue) childBase = o.get(StringValue.of(key.toString()));
    }
    if (child == null && childBase == null && keys == null) return false;
    if (keys != null) keys[i] = key;
    return walkData(ev, path, i + 1, child, childBase, keys, f, k);
  }

  /** Walks a base document; a number selects an object's member named by its text, as OPA's store does. */
  private static boolean walkBase(Evaluator ev, Value v, Term[] path, int i, Value[] f, Evaluator.EachValue k) {
    while (i < path.length) {
      Term seg = path[i];
      Value key = seg instanceof Term.Const c ? c.value() : seg instanceof Term.Var var ? f[var.slot()] : null;
      if (key == null || !(v instanceof ObjectValue o)) return ev.walk(v, path, i, f, k);
      Value next = o.get(key);
      if (next == null && key instanceof NumberValue) next = o.get(StringValue.of(key.toString()));
      if (next == null) return false;
      v = next;
      i++;
    }
    return k.accept(v);
  }

  /** The value of a namespace: its base document with every child's value laid over it. */
  private Value namespaceValue(Evaluator ev, RuleNode node, Value base) {
    TreeMap<Value, Value> m = new TreeMap<>();
    if (base instanceof ObjectValue o) m.putAll(o.entries());
    else if (base != null && node.children.isEmpty()) return base;
    for (Map.Entry<Value, RuleNode> e : node.children.entrySet()) {
      RuleNode child = e.getValue();
      Value childBase = m.get(e.getKey());
      Value v;
      if (child.definedByRules()) v = ruleValue(ev, child);
      else if (child.functionOnly()) continue;
      else v = namespaceValue(ev, child, childBase);
      if (v != null) m.put(e.getKey(), v);
    }
    return ObjectValue.wrap(m);
  }

  /** The value rules give a node, or null when undefined; memoised per context. */
  Value ruleValue(Evaluator ev, RuleNode node) {
    Value cached = ev.ctx.memo.get(node);
    if (cached != null) return cached == Context.UNDEFINED ? null : cached;
    ev.session.enter(node.path);
    Value v;
    try {
      if (!node.complete.isEmpty() || node.defaultDef != null) v = completeValue(ev, node);
      else if (!node.partialSet.isEmpty()) v = setValue(ev, node);
      else v = dynamicValue(ev, node);
    } finally {
      ev.session.exit();
    }
    ev.ctx.memo.put(node, v == null ? Context.UNDEFINED : v);
    return v;
  }

  private Value completeValue(Evaluator ev, RuleNode node) {
    Value result = null;
    for (RuleDef def : node.completeCandidates(ev.ctx.input)) {
      for (RuleDef d = def; d != null; d = d.elseRule()) {
        Value v = definitionValue(ev, d, null, "complete rules must not produce multiple outputs");
        if (v == null) continue;
        if (result != null && !result.equals(v)) {
          throw conflict("complete rules must not produce multiple outputs", d);
        }
        result = v;
        break;
      }
    }
    if (result == null && node.defaultDef != null) {
      result = definitionValue(ev, node.defaultDef, null, "complete rules must not produce multiple outputs");
    }
    return result;
  }

  /**
   * The single value one definition yields (params bound to args for functions), or null.
   * Distinct values from one body are a conflict.
   */
  private Value definitionValue(Evaluator ev, RuleDef d, Value[] args, String conflictMessage) {
    Value[] frame = new Value[d.slots()];
    Value[] result = {null};
    Evaluator.Next body = () -> ev.evalBody(d.body(), 0, frame, () -> ev.evalTerm(d.value(), frame, v -> {
      if (result[0] != null && !result[0].equals(v)) throw conflict(conflictMessage, d);
      result[0] = v;
      return d.constantValue();
    }));
    ev.session.ruleStack.push(d);
    try {
      if (args == null) body.next();
      else bindParams(ev, d.params(), args, 0, frame, body);
    } catch (EvalException e) {
      throw e.at(d.file(), d.line(), d.column()); // an error in the rule's value rather than its body
    } finally {
      ev.session.ruleStack.pop();
    }
    return result[0];
  }

  private static boolean bindParams(Evaluator ev, Term[] params, Value[] args, int i, Value[] frame, Evaluator.Next k) {
    if (i == params.length) return k.next();
    return ev.unifyValue(params[i], args[i], frame, () -> bindParams(ev, params, args, i + 1, frame, k));
  }

  private Value setValue(Evaluator ev, RuleNode node) {
    TreeSet<Value> out = new TreeSet<>();
    for (RuleDef d : node.setCandidates(ev.ctx.input)) {
      Value[] frame = new Value[d.slots()];
      ev.session.ruleStack.push(d);
      try {
        ev.evalBody(d.body(), 0, frame, () -> ev.evalTerm(d.key()[0], frame, v -> {
          ev.session.chargeElements(1);
          out.add(v);
          return false;
        }));
      } finally {
        ev.session.ruleStack.pop();
      }
    }
    return SetValue.wrap(out);
  }

  /** Object-valued nodes: partial object rules and ref heads with variables, plus constant children. */
  private Value dynamicValue(Evaluator ev, RuleNode node) {
    ObjectBuilder out = new ObjectBuilder();
    for (RuleDef d : node.dynamic) {
      Value[] frame = new Value[d.slots()];
      ev.session.ruleStack.push(d);
      try {
        ev.evalBody(d.body(), 0, frame, () -> ev.evalArgs(d.key(), 0, new Value[d.key().length], frame,
            keys -> ev.evalTerm(d.value(), frame, v -> {
              ev.session.chargeElements(1);
              if (!out.put(keys, v, d.setLeaf())) throw conflict("object keys must be unique", d);
              return false;
            })));
      } finally {
        ev.session.ruleStack.pop();
      }
    }
    for (Map.Entry<Value, RuleNode> e : node.children.entrySet()) {
      RuleNode child = e.getValue();
      if (!child.hasRulesBelow()) continue;
      Value v = child.definedByRules() ? ruleValue(ev, child) : namespaceValue(ev, child, null);
      if (v != null && !out.put(new Value[] {e.getKey()}, v, false)) {
        throw new EvalException(EvalException.CONFLICT, "object keys must be unique");
      }
    }
    return out.build();
  }

  /** Calls a user function; null when undefined. Memoised per context and arguments. */
  Value callFunction(Evaluator ev, FunctionGroup g, Value[] args) {
    FunctionCall key = new FunctionCall(g, List.of(args));
    Value cached = ev.ctx.memo.get(key);
    if (cached != null) return cached == Context.UNDEFINED ? null : cached;
    ev.session.enter(g.name);
    Value result = null;
    try {
      String msg = "functions must not produce multiple outputs for same inputs";
      for (RuleDef def : g.defs) {
        if (def.params().length != args.length) continue;
        for (RuleDef d = def; d != null; d = d.elseRule()) {
          Value v = definitionValue(ev, d, args, msg);
          if (v == null) continue;
          if (result != null && !result.equals(v)) throw conflict(msg, d);
          result = v;
          break;
        }
      }
      if (result == null && g.defaultDef != null) result = definitionValue(ev, g.defaultDef, null, msg);
    } finally {
      ev.session.exit();
    }
    ev.ctx.memo.put(key, result == null ? Context.UNDEFINED : result);
    return result;
  }

  private static EvalException conflict(String message, RuleDef d) {
    return new EvalException(EvalException.CONFLICT, message).at(d.file(), d.line(), d.column());
  }

  /** Memo key of one function call. */
  private record FunctionCall(FunctionGroup group, List<Value> args) {
    @Override public String toString() { return group.name + Arrays.toString(args.toArray()); }

    // Written out, as the record's would be: the generated ones link through method handles on their
    // first call, a noticeable cost in a short run, which memoizes calls from its first check.
    @Override public boolean equals(Object o) {
      return o instanceof FunctionCall f && java.util.Objects.equals(group, f.group) && java.util.Objects.equals(args, f.args);
    }

    @Override public int hashCode() { return 31 * java.util.Objects.hashCode(group) + java.util.Objects.hashCode(args); }
  }
}
