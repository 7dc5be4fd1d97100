package io.exportguard.rego.eval;

import io.exportguard.rego.builtins.RegoText;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;

/** {@code print}'s output: arguments separated by spaces, strings raw, other values in Rego syntax ({@link RegoText}). */
final class Printing {
  private Printing() {}

  static String line(Evaluator ev, Term[] args, Value[] f) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (i > 0) sb.append(' ');
      Value[] first = {null};
      ev.evalTerm(args[i], f, v -> {
        first[0] = v;
        return true;
      });
      if (first[0] == null) sb.append("<undefined>");
      else if (first[0] instanceof StringValue s) sb.append(s.value());
      else {
        ev.session.ensureBudget(0, ValueSize.chars(first[0], ev.session));
        RegoText.write(first[0], sb);
      }
    }
    ev.session.chargeChars(sb.length());
    return sb.toString();
  }
}
