package io.exportguard.rego.compiler;

import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.Body;
import io.exportguard.rego.ast.Expr;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.builtins.BuiltinRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the compiler stages over parsed modules, in OPA's order: resolve refs, rule tree (with
 * conflicts), zero-argument calls of rules, rewrite locals, template strings, check functions, with values that need evaluating bound first, safety (with reordering),
 * lifting the dynamic terms of negated literals, recursion, then the argument types found while checking functions. Compiling stops after the
 * first stage that found errors, reporting all of that stage's errors. Each module is checked by
 * the rules of its Rego version: v0 modules may use deprecated builtins, shadow imports and name
 * rules or variables {@code input}/{@code data}, as OPA 0.x allowed.
 */
public final class Compiler {
  private Compiler() {}

  /** Compiles the modules together; every error found by the failing stage is reported. */
  public static CompiledPolicy compile(List<Module> modules, BuiltinRegistry builtins) throws RegoException {
    return compile(modules, builtins, false);
  }

  /**
   * Like {@link #compile(List, BuiltinRegistry)}; {@code strict} is OPA's strict mode: v1's checks
   * for every module, and unused imports and assigned variables are errors.
   */
  public static CompiledPolicy compile(List<Module> modules, BuiltinRegistry builtins, boolean strict)
      throws RegoException {
    Errors errors = new Errors(modules);
    List<Module> mods = RefResolver.resolve(modules, errors, strict);
    failIf(errors);
    RuleTree tree = RuleTreeBuilder.build(mods, errors);
    failIf(errors);
    Map<String, Integer> userFunctions = FunctionChecker.userFunctions(tree);
    mods = mapRules(mods, new ZeroArgCalls(tree, userFunctions)::rule);

    LocalRewriter locals = new LocalRewriter(errors);
    locals.strict(strict);
    List<Module> rewritten = new ArrayList<>(mods.size());
    for (Module m : mods) {
      locals.v1Checks(strict || m.regoVersion().v1Rules());
      rewritten.add(m.withRules(map(m.rules(), locals::rewriteRule)));
    }
    mods = rewritten;
    failIf(errors);
    TemplateLowering templates = new TemplateLowering(errors, builtins);
    mods = mapRules(mods, templates::lowerRule);
    failIf(errors);

    Errors typeErrors = new Errors(modules);
    FunctionChecker functions = new FunctionChecker(userFunctions, builtins, errors, typeErrors);
    for (Module m : mods) {
      // OPA 1.x rejects deprecated builtins in v1 modules only.
      functions.allowDeprecated(!strict && !m.regoVersion().v1Rules());
      for (Rule r : m.rules()) functions.checkRule(r);
    }
    functions.allowDeprecated(false);
    failIf(errors);

    mods = mapRules(mods, new WithLifting(userFunctions)::lift);
    Safety safety = new Safety(errors, functions::arity);
    mods = mapRules(mods, safety::rule);
    failIf(errors);
    mods = mapRules(mods, new NegationLifting(true)::lift);

    RuleTree finalTree = RuleTreeBuilder.build(mods, null);
    new RecursionChecker(finalTree, errors).check();
    failIf(errors);
    failIf(typeErrors);
    return new Policy(List.copyOf(mods), finalTree, userFunctions, builtins);
  }

  private static List<Module> mapRules(List<Module> mods, java.util.function.UnaryOperator<Rule> f) {
    List<Module> out = new ArrayList<>(mods.size());
    for (Module m : mods) out.add(m.withRules(map(m.rules(), f)));
    return out;
  }

  private static List<Rule> map(List<Rule> rules, java.util.function.UnaryOperator<Rule> f) {
    List<Rule> out = new ArrayList<>(rules.size());
    for (Rule r : rules) out.add(f.apply(r));
    return out;
  }

  private static void failIf(Errors errors) throws RegoException {
    if (errors.any()) throw new RegoException(errors.list());
  }

  /** The compiled policy: immutable after construction. */
  private record Policy(List<Module> modules, RuleTree ruleTree, Map<String, Integer> userFunctions,
                        BuiltinRegistry builtins) implements CompiledPolicy {

    @Override
    public CompiledQuery compileQuery(Body query) throws RegoException {
      Errors errors = new Errors(modules);
      Body q = new ZeroArgCalls(ruleTree, userFunctions).body(RefResolver.resolveQuery(query));
      q = new LocalRewriter(errors).rewriteQuery(q);
      failIf(errors);
      q = new TemplateLowering(errors, builtins).lowerQuery(q);
      failIf(errors);
      Errors typeErrors = new Errors(modules);
      FunctionChecker functions = new FunctionChecker(userFunctions, builtins, errors, typeErrors);
      functions.checkBody(q);
      failIf(errors);
      q = new WithLifting(userFunctions).liftQuery(q);
      q = new Safety(errors, functions::arity).query(q);
      failIf(errors);
      q = new NegationLifting(false).liftQuery(q);

      failIf(typeErrors);
      Set<String> vars = new LinkedHashSet<>();
      for (Expr e : q.exprs()) Vars.shallow(e, vars);
      // Keep source order of first appearance, as the parsed query had it.
      Set<String> ordered = new LinkedHashSet<>();
      for (Expr e : query.exprs()) Vars.shallow(e, ordered);
      ordered.retainAll(vars);
      List<String> result = new ArrayList<>();
      for (String v : ordered) {
        if (v.indexOf('$') < 0 && !v.equals("_") && !v.equals("data") && !v.equals("input")) result.add(v);
      }
      return new CompiledQuery(q, result);
    }
  }
}
