package io.exportguard.rego.eval;

import io.exportguard.rego.value.Value;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates a literal under its {@code with} modifiers: a new context for the literal, the outer
 * one restored for whatever follows each of its solutions.
 */
final class Withs {
  private Withs() {}

  static boolean eval(Evaluator ev, Literal lit, Value[] f, Evaluator.Next k) {
    Context outer = ev.ctx;
    Value input = outer.input;
    Context.DataOverride[] data = outer.dataOverrides;
    Map<String, Object> functions = outer.functionOverrides;
    for (Literal.With w : lit.withs()) {
      Object replacement = w.replacement();
      if (replacement == null) {
        replacement = first(ev, w.value(), f);
        if (replacement == null) return false; // an undefined replacement makes the literal undefined
      }
      switch (w.kind()) {
        case INPUT -> {
          Value[] path = path(ev, w.path(), f);
          input = path.length == 0 ? (Value) replacement : Overrides.upsert(input, path, 0, (Value) replacement);
        }
        case DATA -> {
          data = Arrays.copyOf(data, data.length + 1);
          data[data.length - 1] = new Context.DataOverride(path(ev, w.path(), f), (Value) replacement);
        }
        case FUNCTION -> {
          if (functions.isEmpty() || functions == outer.functionOverrides) functions = new HashMap<>(functions);
          functions.put(w.function(), replacement);
        }
        default -> throw new IllegalStateException();
      }
    }
    Context inner = new Context(input, data, functions);
    ev.ctx = inner;
    try {
      return ev.evalLiteralPlain(lit, f, () -> {
        ev.ctx = outer;
        try {
          return k.next();
        } finally {
          ev.ctx = inner;
        }
      });
    } finally {
      ev.ctx = outer;
    }
  }

  private static Value first(Evaluator ev, Term t, Value[] f) {
    Value[] out = {null};
    ev.evalTerm(t, f, v -> {
      out[0] = v;
      return true;
    });
    return out[0];
  }

  private static Value[] path(Evaluator ev, Term[] terms, Value[] f) {
    Value[] out = new Value[terms.length];
    for (int i = 0; i < terms.length; i++) {
      out[i] = first(ev, terms[i], f);
      if (out[i] == null) throw new EvalException(EvalException.INTERNAL, "with target path is not ground");
    }
    return out;
  }
}
