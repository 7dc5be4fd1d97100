package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegoEvalCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  Path policy;
  Path input;

  @BeforeEach
  void files() throws Exception {
    policy = dir.resolve("p.rego");
    Files.writeString(policy, """
        package ex

        import future.keywords.or

        allow if input.role == "admin" or input.role == "root"
        off := false
        msg := $"hello {input.name}, {input.missing}"
        xs := [1, 2, 3]
        """);
    input = dir.resolve("in.yaml");
    Files.writeString(input, "role: admin\nname: ann\n");
  }

  @Test
  void resultDocumentHasOpasShape() throws Exception {
    Cli r = Cli.run("rego", "eval", "-d", policy.toString(), "-i", input.toString(), "data.ex.msg");
    assertThat(r.code()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    JsonNode e = doc.at("/result/0/expressions/0");
    assertThat(e.get("value").asText()).isEqualTo("hello ann, <undefined>");
    assertThat(e.get("text").asText()).isEqualTo("data.ex.msg");
    assertThat(e.at("/location/row").asInt()).isEqualTo(1);
    assertThat(e.at("/location/col").asInt()).isEqualTo(1);
    assertThat(doc.at("/result/0").has("bindings")).isFalse();
    assertThat(r.out()).startsWith("{\n  \"result\": [\n");
  }

  @Test
  void aFalseRuleShowsFalseAndUndefinedIsAnEmptyObject() throws Exception {
    JsonNode off = JSON.readTree(Cli.run("rego", "eval", "-d", policy.toString(), "data.ex.off").out());
    assertThat(off.at("/result/0/expressions/0/value").asBoolean(true)).isFalse();
    Cli undefined = Cli.run("rego", "eval", "-d", policy.toString(), "data.ex.allow");
    assertThat(undefined.code()).isZero();
    assertThat(undefined.out().strip()).isEqualTo("{}");
  }

  @Test
  void bindingsAndOneExpressionPerLiteral() throws Exception {
    Cli r = Cli.run("rego", "eval", "-d", policy.toString(), "x := data.ex.xs[i]; x > 1");
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("result")).hasSize(2);
    assertThat(doc.at("/result/0/bindings/x").asInt()).isEqualTo(2);
    assertThat(doc.at("/result/0/bindings/i").asInt()).isEqualTo(1);
    assertThat(doc.at("/result/0/expressions/0/text").asText()).isEqualTo("x := data.ex.xs[i]");
    assertThat(doc.at("/result/0/expressions/1/text").asText()).isEqualTo("x > 1");
    assertThat(doc.at("/result/0/expressions/1/location/col").asInt()).isEqualTo(21);
    assertThat(doc.at("/result/0/expressions/0/value").asBoolean()).isTrue();
  }

  @Test
  void prettyFormat() {
    Cli one = Cli.run("rego", "eval", "-d", policy.toString(), "-i", input.toString(), "--format", "pretty", "data.ex.allow");
    assertThat(one.out().strip()).isEqualTo("true");
    Cli table = Cli.run("rego", "eval", "-d", policy.toString(), "-f", "pretty", "x := data.ex.xs[_]");
    assertThat(table.out()).contains("| x |").contains("| 1 |").contains("| 3 |");
    Cli none = Cli.run("rego", "eval", "-d", policy.toString(), "-f", "pretty", "data.ex.allow");
    assertThat(none.out().strip()).isEqualTo("undefined");
  }

  @Test
  void v0PoliciesAndQueries() throws Exception {
    Path v0 = dir.resolve("v0.rego");
    Files.writeString(v0, "package old\n\ndeny[msg] { input.x > 1; msg := \"big\" }\n");
    Path in = dir.resolve("x.json");
    Files.writeString(in, "{\"x\": 2}");
    Cli r = Cli.run("rego", "eval", "--v0-compatible", "-d", v0.toString(), "-i", in.toString(), "data.old.deny");
    assertThat(r.code()).isZero();
    assertThat(JSON.readTree(r.out()).at("/result/0/expressions/0/value/0").asText()).isEqualTo("big");
  }

  @Test
  void errorsExitTwo() throws Exception {
    Cli parse = Cli.run("rego", "eval", "-d", policy.toString(), "data.ex.[");
    assertThat(parse.code()).isEqualTo(2);
    assertThat(parse.err()).contains("rego_parse_error");
    Cli badFormat = Cli.run("rego", "eval", "-f", "yaml", "1");
    assertThat(badFormat.code()).isEqualTo(2);
    Path broken = dir.resolve("broken.rego");
    Files.writeString(broken, "package b\np := \n");
    Cli compile = Cli.run("rego", "eval", "-d", broken.toString(), "data.b");
    assertThat(compile.code()).isEqualTo(2);
    assertThat(compile.err()).contains(broken + ":3:1: rego_parse_error").doesNotContain("\tat ");
    Cli missingInput = Cli.run("rego", "eval", "-i", dir.resolve("none.json").toString(), "1");
    assertThat(missingInput.code()).isEqualTo(2);
    assertThat(missingInput.err()).contains("no such file");
  }
}
