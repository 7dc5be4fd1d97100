package io.exportguard.rego.ast;

import java.util.List;

/**
 * A template string, {@code $"{name} has {count(xs)} items"} or the raw {@code $`...`} form.
 * Each part is a literal: literal text and constants are scalar terms; an expression part is the
 * term written between the braces with its {@code with} modifiers. An expression that is undefined
 * renders as {@code <undefined>}; strings render as they are, other values in Rego syntax. The
 * compiler rewrites the whole term into a call of {@code internal.template_string}.
 *
 * @param raw written with backticks (line breaks allowed, no escapes but {@code \{})
 */
public record TemplateString(List<TermExpr> parts, boolean raw, Location loc) implements Term {
  public TemplateString {
    parts = List.copyOf(parts);
  }
}
