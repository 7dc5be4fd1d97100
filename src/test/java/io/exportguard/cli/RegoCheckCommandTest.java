package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegoCheckCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void compilingPoliciesExitZeroSilently() throws Exception {
    write("a/p.rego", """
        package a

        import future.keywords.or

        msg := $"user {input.user} is {input.role}"
        allow if input.role == "admin" or input.role == "root"
        """);
    Cli r = Cli.run("rego", "check", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out() + r.err()).isEmpty();
  }

  @Test
  void everyErrorIsReportedWithFileLineColumnSourceAndCaretAndExitsOne() throws Exception {
    Path p = write("p.rego", "package a\n\np if {\n  x := \n}\n\nq := [1, \n");
    Path q = write("q.rego", "package b\n\nr := undefined_fn(1)\n");
    Cli r = Cli.run("rego", "check", p.toString(), q.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("2 errors occurred:")
        .contains(p + ":5:1: rego_parse_error: unexpected } token\n}\n^")
        .contains(p + ":8:1: rego_parse_error: unexpected eof token")
        .doesNotContain("\tat ");
    Cli compile = Cli.run("rego", "check", q.toString());
    assertThat(compile.code()).isEqualTo(1);
    assertThat(compile.err()).contains(q + ":3:6: rego_type_error: undefined function undefined_fn\n"
        + "r := undefined_fn(1)\n     ^");
  }

  @Test
  void v0CompatibleReadsOpa0Syntax() throws Exception {
    Path p = write("v0.rego", "package a\n\ndeny[msg] {\n  msg := \"no\"\n}\n\nok { any([true]) }\n");
    assertThat(Cli.run("rego", "check", p.toString()).code()).isEqualTo(1);
    Cli r = Cli.run("rego", "check", "--v0-compatible", p.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void strictModeRejectsUnusedImportsAndAssignments() throws Exception {
    Path p = write("s.rego", "package a\n\nimport data.lib.x\n\np if {\n  y := 1\n  true\n}\n");
    assertThat(Cli.run("rego", "check", p.toString()).code()).isZero();
    Cli r = Cli.run("rego", "check", "--strict", p.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(p + ":3:1: rego_compile_error: import data.lib.x unused");
    Cli assigned = Cli.run("rego", "check", "-S", write("t.rego", "package a\n\np if {\n  y := 1\n  true\n}\n").toString());
    assertThat(assigned.err()).contains("rego_compile_error: assigned var y unused");
  }

  @Test
  void capabilitiesDeclareCustomBuiltinsAndLimitTheOthers() throws Exception {
    Path p = write("c.rego", "package a\n\np := acme.lookup(\"k\")\nq := count([1])\n");
    Path caps = write("caps.json", """
        {"builtins": [{"name": "acme.lookup", "decl": {"type": "function", "args": [{"type": "string"}],
          "result": {"type": "any"}}}],
         "features": ["rego_v1", "template_strings", "keywords_in_refs"],
         "future_keywords": ["and", "or", "not"]}
        """);
    Cli r = Cli.run("rego", "check", "--capabilities", caps.toString(), p.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("undefined function count").doesNotContain("acme.lookup");
    assertThat(Cli.run("rego", "check", p.toString()).err()).contains("undefined function acme.lookup");
  }

  @Test
  void badInputExitsTwo() throws Exception {
    Cli missing = Cli.run("rego", "check", dir.resolve("nope.rego").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("exportguard rego check: " + dir.resolve("nope.rego") + ": no such file");
    Path p = write("ok.rego", "package a\n");
    Cli badCaps = Cli.run("rego", "check", "--capabilities", write("bad.json", "{\"builtins\": 3}").toString(), p.toString());
    assertThat(badCaps.code()).isEqualTo(2);
    assertThat(badCaps.err()).contains("capabilities: builtins must be an array");
    Cli notJson = Cli.run("rego", "check", "--capabilities", write("nj.json", "{oops").toString(), p.toString());
    assertThat(notJson.code()).isEqualTo(2);
    assertThat(notJson.err()).contains("nj.json:1:").contains("capabilities: not JSON");
  }
}
