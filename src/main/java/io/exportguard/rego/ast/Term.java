package io.exportguard.rego.ast;

/**
 * A Rego term: a scalar, a variable, a reference, a composite, a comprehension, a call or a
 * template string (the compiler rewrites the last into a call).
 */
public sealed interface Term extends Node
    permits Scalar, Var, Ref, ArrayTerm, ObjectTerm, SetTerm, ArrayCompr, SetCompr, ObjectCompr, Call, TemplateString {
}
