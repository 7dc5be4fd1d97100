package io.exportguard.rego.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.compiler.CompiledPolicy;
import io.exportguard.rego.compiler.Compiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded mutation fuzzing over the conformance modules and this repository's cases for the newer
 * syntax (template strings, and/or/not, keywords in refs, v0): deleting, duplicating, swapping and
 * inserting tokens and characters must only ever give a parse or compile error
 * ({@link RegoException}), never another exception or a StackOverflowError. Every fifth module is
 * read as Rego v0. The number of inputs is {@code -Dfuzz.iterations} (default 100,000); the seed
 * is {@code -Dfuzz.seed}.
 */
class ParserFuzzTest {
  private static final BuiltinRegistry BUILTINS = BuiltinRegistry.standard();
  private static final CompiledPolicy QUERY_POLICY = queryPolicy();
  private static final String[] FRAGMENTS = {
    "{", "}", "[", "]", "(", ")", ",", ";", ":", ":=", "=", "==", "|", "&", "not ", " some ", " every ",
    " in ", " with ", " as ", " if ", " else ", " contains ", " default ", "import ", "package ", "_", "x",
    "data.", "input", "\"s\"", "`r`", "1e3", "-", "\n", "# METADATA\n# title: t\n", ".", "f(", "set()",
    "0", "true", "null", "\"\\u00zz\"", "\u00e9", "\uD83D\uDE00", "#",
    "$\"", "$`", "$\"a {x} b\"", "{x}", "\\{", "}\"", "$", " and ", " or ", "not {", "not (",
    "import future.keywords\n", "import future.keywords.and\n", "import future.keywords.not\n",
    "import rego.v1\n", "if.", ".if", "else.", "contains[", "{x := 1; x > 0}",
  };

  @Test
  void mutatedModulesOnlyEverFailWithRegoException() {
    List<String> corpus = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    for (ConformanceCorpus.Source s : ConformanceCorpus.sources()) (s.isQuery() ? queries : corpus).add(s.text());
    assumeTrue(!corpus.isEmpty(), "conformance cases not present in ../shared");
    List<ConformanceCorpus.Source> language = ConformanceCorpus.languageSources();
    assertThat(language).hasSizeGreaterThan(50);
    // The newer syntax is a small share of the corpus: weigh it up so mutations reach it often.
    for (int copy = 0; copy < 5; copy++) {
      for (ConformanceCorpus.Source s : language) (s.isQuery() ? queries : corpus).add(s.text());
    }
    int iterations = Integer.getInteger("fuzz.iterations", 100_000);
    long seed = Long.getLong("fuzz.seed", 20_261_127L);
    Random rnd = new Random(seed);
    int parsed = 0;
    int compiled = 0;
    long start = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      // Every tenth input is a query, compiled against a module that defines a few rules.
      boolean query = i % 10 == 9;
      String base = query ? queries.get(rnd.nextInt(queries.size())) : corpus.get(rnd.nextInt(corpus.size()));
      String input = mutate(base, rnd);
      ParseOptions syntax = i % 5 == 4 ? ParseOptions.V0 : ParseOptions.V1;
      try {
        if (query) {
          QUERY_POLICY.compileQuery(Parser.parseQuery(input, syntax));
          continue;
        }
        Module m = Parser.parseModule("fuzz.rego", input, syntax);
        parsed++;
        List<Module> modules = List.of(m);
        if (i % 20 == 0) {
          // Now and then a second module in the same package, for cross-module conflicts and recursion.
          String other = "package " + m.pkg().dotted() + "\n" + mutate(corpus.get(rnd.nextInt(corpus.size())), rnd)
              .replaceFirst("(?m)^package .*$", "");
          modules = List.of(m, Parser.parseModule("fuzz2.rego", other, syntax));
        }
        CompiledPolicy p = Compiler.compile(modules, BUILTINS);
        compiled++;
        assertThat(p.modules()).hasSameSizeAs(modules);
      } catch (RegoException expected) {
        assertThat(expected.errors()).isNotEmpty();
      } catch (Throwable t) {
        throw new AssertionError("iteration " + i + " (seed " + seed + ") threw " + t + " on:\n" + input, t);
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf("fuzz: %d inputs, %d parsed, %d compiled, %.1f s%n", iterations, parsed, compiled, secs);
    // The mutator must not be so destructive that nothing parses, or so gentle that nothing fails.
    assertThat(parsed).isBetween(iterations / 100, iterations - iterations / 5);
  }

  private static CompiledPolicy queryPolicy() {
    try {
      String src = "package test\np := 1\nq contains x if some x in [1, 2]\nf(x) := x\nr[k] := v if some k, v in {\"a\": 1}\n";
      return Compiler.compile(List.of(Parser.parseModule("q.rego", src)), BUILTINS);
    } catch (RegoException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One to three mutations, at token or character granularity. */
  static String mutate(String src, Random rnd) {
    String s = src;
    int n = 1 + rnd.nextInt(3);
    for (int k = 0; k < n; k++) {
      if (rnd.nextBoolean()) s = mutateTokens(s, rnd);
      else s = mutateChars(s, rnd);
    }
    return s;
  }

  private static String mutateTokens(String s, Random rnd) {
    List<Token> toks = new Lexer(s).tokenize();
    if (toks.size() < 2) return s;
    Token a = toks.get(rnd.nextInt(toks.size() - 1));
    int aEnd = end(toks, a);
    switch (rnd.nextInt(4)) {
      case 0: // delete
        return s.substring(0, a.offset()) + s.substring(aEnd);
      case 1: // duplicate
        return s.substring(0, aEnd) + " " + s.substring(a.offset(), aEnd) + s.substring(aEnd);
      case 2: { // swap with another token
        Token b = toks.get(rnd.nextInt(toks.size() - 1));
        if (b.offset() <= a.offset()) return s;
        int bEnd = end(toks, b);
        if (bEnd > s.length() || aEnd > b.offset()) return s;
        return s.substring(0, a.offset()) + s.substring(b.offset(), bEnd) + s.substring(aEnd, b.offset())
            + s.substring(a.offset(), aEnd) + s.substring(bEnd);
      }
      default: // insert a fragment
        return s.substring(0, a.offset()) + FRAGMENTS[rnd.nextInt(FRAGMENTS.length)] + s.substring(a.offset());
    }
  }

  /** Where a token's text ends: just before the next token (minus whitespace), as a source offset. */
  private static int end(List<Token> toks, Token t) {
    int i = toks.indexOf(t);
    return Math.min(toks.get(i + 1).offset(), t.offset() + Math.max(1, lengthGuess(t)));
  }

  private static int lengthGuess(Token t) {
    return switch (t.kind()) {
      case STRING -> t.text().length() + 2;
      case RAW_STRING -> t.text().length() + 2;
      default -> t.text().length();
    };
  }

  private static String mutateChars(String s, Random rnd) {
    if (s.isEmpty()) return FRAGMENTS[rnd.nextInt(FRAGMENTS.length)];
    int i = rnd.nextInt(s.length());
    switch (rnd.nextInt(4)) {
      case 0:
        return s.substring(0, i) + s.substring(i + 1);
      case 1: {
        int len = Math.min(1 + rnd.nextInt(8), s.length() - i);
        return s.substring(0, i + len) + s.substring(i, i + len) + s.substring(i + len);
      }
      case 2: {
        int j = rnd.nextInt(s.length());
        if (i == j) return s;
        char[] cs = s.toCharArray();
        char c = cs[i];
        cs[i] = cs[j];
        cs[j] = c;
        return new String(cs);
      }
      default:
        return s.substring(0, i) + FRAGMENTS[rnd.nextInt(FRAGMENTS.length)] + s.substring(i);
    }
  }

  /** Pathological nesting and length give a parse or compile error, never a stack overflow. */
  @ParameterizedTest
  @ValueSource(strings = {"array", "comprehension", "object", "paren", "body", "chain", "unary", "ref",
      "template", "or", "and-group", "not-body"})
  void deepOrLongInputsAreErrorsNotCrashes(String shape) {
    for (int n : new int[] {10, 150, 1_000, 50_000}) {
      String src = "package x\n" + switch (shape) {
        case "array" -> "p := " + "[".repeat(n) + "1";
        case "comprehension" -> "p := " + "[x | x := ".repeat(n);
        case "object" -> "p := " + "{\"a\": ".repeat(n);
        case "paren" -> "p := " + "(".repeat(n);
        case "body" -> "p if { " + "not x; ".repeat(n) + "every y in [] { ".repeat(n) + " }";
        case "chain" -> "p := 1 " + "+ 1 ".repeat(n) + "else := 2 ".repeat(n);
        case "unary" -> "p := " + "-".repeat(n) + "x";
        case "template" -> "p := " + "$\"{".repeat(n) + "1" + "}\"".repeat(n);
        case "or" -> "import future.keywords\np if x " + "or x ".repeat(n) + "and x ".repeat(n);
        case "and-group" -> "import future.keywords\np if " + "(x and ".repeat(n) + "x" + ")".repeat(n);
        case "not-body" -> "import future.keywords\np if " + "not { ".repeat(n) + "x" + " }".repeat(n);
        default -> "p := x." + "a.".repeat(n) + "b";
      };
      try {
        Compiler.compile(List.of(Parser.parseModule("deep.rego", src)), BUILTINS);
      } catch (RegoException expected) {
        assertThat(expected.errors()).isNotEmpty();
      }
    }
  }
}
