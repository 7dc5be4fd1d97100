package io.exportguard.rego.eval;

import io.exportguard.rego.builtins.BuiltinDecl;
import io.exportguard.rego.builtins.BuiltinException;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Calls builtins and user functions, honouring {@code with} replacements. Builtin errors make the
 * call undefined unless the query asked for strict builtin errors; evaluation errors (conflicts,
 * cancellation, budget) always end the query. What a builtin returns is charged to the budget.
 */
final class Calls {
  private Calls() {}

  static boolean invoke(Evaluator ev, Callee callee, Value[] args, Evaluator.EachValue k) {
    if (!ev.ctx.functionOverrides.isEmpty()) {
      Object replacement = ev.ctx.functionOverrides.get(callee.name());
      if (replacement instanceof Value v) return k.accept(v);
      if (replacement instanceof Callee c) return invokeReplacement(ev, c, args, k);
    }
    if (callee instanceof Callee.FunctionCallee fc) {
      Value v = ev.session.documents.callFunction(ev, fc.group(), args.clone());
      return v != null && k.accept(v);
    }
    BuiltinDecl decl = ((Callee.BuiltinCallee) callee).decl();
    Value result = callBuiltin(ev, decl, args);
    if (result == null) return false;
    if (decl.relation() && result instanceof ArrayValue all) {
      for (int i = 0; i < all.size(); i++) if (k.accept(all.get(i))) return true;
      return false;
    }
    return k.accept(result);
  }

  /**
   * Calls the function that replaces another under {@code with}. It runs without the replacements,
   * so it reaches the original functions and never another replacement, as in OPA; what follows
   * the call runs in the caller's context again.
   */
  private static boolean invokeReplacement(Evaluator ev, Callee c, Value[] args, Evaluator.EachValue k) {
    Context mocked = ev.ctx;
    boolean relation = c instanceof Callee.BuiltinCallee b && b.decl().relation();
    List<Value> results = new ArrayList<>(1);
    ev.ctx = mocked.withoutFunctionMocks();
    try {
      invoke(ev, c, args, v -> {
        results.add(v);
        return !relation;
      });
    } finally {
      ev.ctx = mocked;
    }
    for (Value v : results) if (k.accept(v)) return true;
    return false;
  }

  private static Value callBuiltin(Evaluator ev, BuiltinDecl decl, Value[] args) {
    Value special = Metadata.call(ev, decl.name(), args);
    if (special != null) return special;
    if (decl.impl() == null) {
      throw new EvalException(EvalException.BUILTIN, decl.name() + ": not implemented");
    }
    try {
      ResultBounds.check(ev.session, decl.name(), args);
      Value result = decl.impl().call(ev.session, Arrays.asList(args.clone()));
      if (result != null) ev.session.chargeResult(result);
      return result;
    } catch (BuiltinException e) {
      if (e.halts() || ev.session.options.strictBuiltinErrors()) throw new EvalException(e.code(), e.getMessage());
      return null;
    } catch (EvalException e) {
      throw e;
    } catch (RuntimeException e) {
      // (A StackOverflowError is not caught: the engine reruns the query on a deeper stack.)
      if (ev.session.options.strictBuiltinErrors()) {
        throw new EvalException(EvalException.BUILTIN, decl.name() + ": " + e);
      }
      return null;
    }
  }
}
