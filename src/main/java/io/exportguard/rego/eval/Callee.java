package io.exportguard.rego.eval;

import io.exportguard.rego.builtins.BuiltinDecl;

/**
 * What a call invokes: a builtin or a user function, named as {@code with} refers to it
 * ({@code count}, {@code data.pkg.f}).
 */
sealed interface Callee {
  String name();

  record BuiltinCallee(String name, BuiltinDecl decl) implements Callee {}

  record FunctionCallee(String name, FunctionGroup group) implements Callee {}
}
