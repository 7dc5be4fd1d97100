package io.exportguard.rego.eval;

import io.exportguard.rego.builtins.BuiltinDecl;
import io.exportguard.rego.builtins.BuiltinException;
import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.Value;
import java.util.Arrays;

/**
 * Calls builtins and user functions, honouring {@code with} replacements. Builtin errors make the
 * call undefined unless the query asked for strict builtin errors; evaluation errors (conflicts,
 * cancellation) always end the query.
 */
final class Calls {
  private Calls() {}

  static boolean invoke(Evaluator ev, Callee callee, Value[] args, Evaluator.Values k) {
    if (!ev.ctx.functionOverrides.isEmpty()) {
      Object replacement = ev.ctx.functionOverrides.get(callee.name());
      if (replacement instanceof Value v) return k.accept(v);
      if (replacement instanceof Callee c) {
        Context mocked = ev.ctx;
        Value[] result = {null};
        ev.ctx = mocked.withoutFunctionMocks();
        try {
          invoke(ev, c, args, v -> {
            if (!(c instanceof Callee.BuiltinCallee b && b.decl().relation())) {
              result[0] = v;
              return true;
            }
            return false;
          });
        } finally {
          ev.ctx = mocked;
        }
        if (result[0] != null) return k.accept(result[0]);
        if (c instanceof Callee.BuiltinCallee b && b.decl().relation()) return relation(ev, c, args, k, mocked);
        return false;
      }
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

  /** A relation builtin standing in for another function: every result, each under the mocking context. */
  private static boolean relation(Evaluator ev, Callee c, Value[] args, Evaluator.Values k, Context mocked) {
    ev.ctx = mocked.withoutFunctionMocks();
    Value all;
    try {
      all = callBuiltin(ev, ((Callee.BuiltinCallee) c).decl(), args);
    } finally {
      ev.ctx = mocked;
    }
    if (!(all instanceof ArrayValue arr)) return false;
    for (int i = 0; i < arr.size(); i++) if (k.accept(arr.get(i))) return true;
    return false;
  }

  private static Value callBuiltin(Evaluator ev, BuiltinDecl decl, Value[] args) {
    Value special = Metadata.call(ev, decl.name(), args);
    if (special != null) return special;
    if (decl.impl() == null) {
      throw new EvalException(EvalException.BUILTIN, decl.name() + ": not implemented");
    }
    try {
      return decl.impl().call(ev.session, Arrays.asList(args.clone()));
    } catch (BuiltinException e) {
      if (ev.session.options.strictBuiltinErrors()) throw new EvalException(e.code(), e.getMessage());
      return null;
    } catch (EvalException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      if (ev.session.options.strictBuiltinErrors()) {
        throw new EvalException(EvalException.BUILTIN, decl.name() + ": " + e);
      }
      return null;
    }
  }
}
