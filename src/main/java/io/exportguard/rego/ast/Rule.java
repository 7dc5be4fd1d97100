package io.exportguard.rego.ast;

import io.exportguard.rego.Annotations;
import java.util.List;

/**
 * One rule definition (several definitions of the same name are several rules).
 *
 * @param kind what the head defines
 * @param head the head ref as written, relative to the package ({@code p}, {@code a.b.c},
 *     {@code a.b[x]}); after compiling, absolute: {@code data.pkg.a.b[x]}
 * @param args function parameters (terms, may be patterns such as {@code [x, y]}); empty otherwise
 * @param key PARTIAL_SET only: the element term ({@code x} of {@code p contains x}); else null
 * @param value the value term; {@code true} when none is written; null for PARTIAL_SET
 * @param assign the head was written with {@code :=} (else {@code =} or no value)
 * @param isDefault {@code default p := v} (body empty, value ground)
 * @param body the body; empty means true
 * @param elseRule the next link of an {@code else} chain (same head and args; kind COMPLETE or FUNCTION), or null
 * @param annotations the METADATA blocks written directly above the rule
 * @param loc where the rule starts (the head, or {@code default})
 */
public record Rule(RuleKind kind, Ref head, List<Term> args, Term key, Term value, boolean assign,
                   boolean isDefault, Body body, Rule elseRule, List<Annotations> annotations,
                   Location loc) implements Node {
  public Rule {
    args = List.copyOf(args);
    annotations = List.copyOf(annotations);
  }

  /** The rule's name: the head ref's first var ({@code p} for {@code p.q[x]}, before compiling). */
  public String name() {
    return head.head() instanceof Var v ? v.name() : "";
  }

  public Rule withHead(Ref h) { return new Rule(kind, h, args, key, value, assign, isDefault, body, elseRule, annotations, loc); }

  public Rule withBody(Body b) { return new Rule(kind, head, args, key, value, assign, isDefault, b, elseRule, annotations, loc); }

  public Rule withElse(Rule e) { return new Rule(kind, head, args, key, value, assign, isDefault, body, e, annotations, loc); }

  /** A copy with other args/key/value/body (the compiler's rewrites). */
  public Rule withParts(List<Term> a, Term k, Term v, Body b) {
    return new Rule(kind, head, a, k, v, assign, isDefault, b, elseRule, annotations, loc);
  }
}
