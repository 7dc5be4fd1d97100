package io.exportguard.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.facts.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where a scanned file's objects and arrays start, and what a plan's tree keeps. */
class SourceFileTest {
  static SourceFile json(String text) throws ScanInputException {
    return SourceFile.parse("f.json", text.getBytes(StandardCharsets.UTF_8));
  }

  static String at(SourceFile f, JsonNode node) {
    SourceLocation l = f.at(node, null);
    return l.line() + ":" + l.column();
  }

  @Test
  void aFieldValueStartsAtItsKeyAndAnElementAtItsBracket() throws Exception {
    SourceFile f = json("{\n  \"a\" : {\"b\": [ {\"c\":1}, [2] ]},\n  \"x\\\"y\\\\\":\n    {}\n}");
    assertThat(at(f, f.root())).isEqualTo("1:1");
    assertThat(at(f, f.root().get("a"))).isEqualTo("2:3");
    assertThat(at(f, f.root().get("a").get("b"))).isEqualTo("2:10");
    assertThat(at(f, f.root().get("a").get("b").get(0))).isEqualTo("2:17");
    assertThat(at(f, f.root().get("a").get("b").get(1))).isEqualTo("2:26");
    // A key with escaped quotes and backslashes, its value on the next line: the key's line and column.
    assertThat(at(f, f.root().get("x\"y\\"))).isEqualTo("3:3");
  }

  @Test
  void linesEndAtLfCrLfOrCrAndColumnsCountBytesAsJacksonDoes() throws Exception {
    SourceFile f = json("\uFEFF[{\"a\":\r\n\r\n   {}}, {\"\u00e9t\u00e9\":[1,\r{}]}]");
    JsonNode root = f.root();
    assertThat(at(f, root)).isEqualTo("1:4");
    assertThat(at(f, root.get(0).get("a"))).isEqualTo("1:6");
    assertThat(at(f, root.get(1))).isEqualTo("3:9");
    assertThat(at(f, root.get(1).get("\u00e9t\u00e9").get(1))).isEqualTo("4:1");
  }

  @Test
  void scalarsAndNodesOfAnotherFileHaveNoPosition() throws Exception {
    SourceFile f = json("{\"a\": {\"b\": 1}}");
    SourceFile other = json("{\"a\": {\"b\": 1}}");
    assertThat(at(f, f.root().get("a").get("b"))).isEqualTo("0:0");
    assertThat(at(f, other.root().get("a"))).isEqualTo("0:0");
    assertThat(f.error(other.root().get("a"), "bad").line()).isZero();
    assertThat(f.error(f.root().get("a"), "bad").format()).startsWith("f.json:1:2: bad");
  }

  @Test
  void theTreeHasJacksonsValuesWithExactNumbers() throws Exception {
    String text = "{\"n\": [1.50, 1e3, 12345678901234567890, -0.0, 3, 2.0E-7], \"s\": \"\\u00e9\", \"t\": true, \"z\": null}";
    SourceFile f = json(text);
    assertThat(f.root().toString()).isEqualTo(new ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
        .readTree(text).toString());
    assertThat(f.root().get("n").get(0).decimalValue().scale()).isEqualTo(2);
  }

  @Test
  void yamlPositionsAreLineAndColumnOfTheKey() throws Exception {
    SourceFile f = SourceFile.parse("t.yaml", "a:\n  b:\n    - c: 1\n  d: !Join [x, [y]]\n".getBytes(StandardCharsets.UTF_8));
    assertThat(at(f, f.root().get("a").get("b"))).isEqualTo("2:3");
    assertThat(f.root().get("a").get("d").has("Fn::Join")).isTrue();
    assertThat(at(f, f.root().get("a").get("d"))).isEqualTo("4:3");
  }

  static final String PLAN = """
      {"format_version": "1.2",
       "resource_changes": [
         {"address": "alicloud_vpc.v", "type": "alicloud_vpc", "change": {"after": {"cidr_block": "10.0.0.0/8"}}},
         {"address": "alicloud_ram_role.r", "type": "alicloud_ram_role",
          "change": {"after": {"name": "r", "resources": [{"type": "an attribute, not a resource"}]}}},
         {"change": {"after": {}}, "address": "alicloud_instance.late", "type": "alicloud_instance"}
       ],
       "planned_values": {"root_module": {"resources": [{"type": "alicloud_vpc", "values": {}}],
         "child_modules": [{"resources": [{"type": "alicloud_ram_role", "values": {}}, {"type": "alicloud_vpc"}]}]}},
       "prior_state": {"values": {"root_module": {"resources": [{"type": "alicloud_vpc"}]}}},
       "configuration": {"root_module": {"resources": [{"type": "alicloud_vpc"}], "module_calls": {"m": {"module":
         {"resources": [{"type": "alicloud_vpc"}, {"type": "alicloud_ram_role"}]}}}}},
       "variables": {"resources": [{"type": "kept: not a resource list of a plan's shape"}]}
      }
      """;

  @Test
  void aPlansResourcesOfTypesNotReadAreNotBuilt() throws Exception {
    SourceFile f = SourceFile.parse("p.json", PLAN.getBytes(StandardCharsets.UTF_8), Set.of("alicloud_ram_role")::contains);
    JsonNode changes = f.root().get("resource_changes");
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).get("address").asText()).isEqualTo("alicloud_ram_role.r");
    assertThat(at(f, changes.get(0))).isEqualTo("4:4");
    assertThat(f.root().at("/planned_values/root_module/resources")).isEmpty();
    assertThat(f.root().at("/planned_values/root_module/child_modules/0/resources")).hasSize(1);
    assertThat(f.root().at("/prior_state/values/root_module/resources")).isEmpty();
    assertThat(f.root().at("/configuration/root_module/resources")).isEmpty();
    assertThat(f.root().at("/configuration/root_module/module_calls/m/module/resources")).hasSize(1);
    // Values inside a resource that is kept are never filtered.
    assertThat(changes.get(0).at("/change/after/resources")).hasSize(1);
    // Only resource lists are filtered (variables keep whatever they hold), and only those of a plan.
    assertThat(f.root().at("/variables/resources")).hasSize(1);
    assertThat(SourceFile.parse("p.json", PLAN.getBytes(StandardCharsets.UTF_8)).root().get("resource_changes")).hasSize(3);
    String notFirst = PLAN.replaceFirst("\\{\"format_version\": \"1.2\",", "{\"x\": 1, \"format_version\": \"1.2\",");
    assertThat(SourceFile.parse("p.json", notFirst.getBytes(StandardCharsets.UTF_8), Set.of("alicloud_ram_role")::contains)
        .root().get("resource_changes")).hasSize(3);
  }

  @Test
  void aSyntaxErrorInsideAResourcePassedOverIsStillBadInput() {
    String broken = PLAN.replace("\"cidr_block\": \"10.0.0.0/8\"", "\"cidr_block\" \"10.0.0.0/8\"");
    assertThatThrownBy(() -> SourceFile.parse("p.json", broken.getBytes(StandardCharsets.UTF_8), Set.of("alicloud_ram_role")::contains))
        .isInstanceOfSatisfying(ScanInputException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.format()).contains("p.json:3:").contains("not JSON").contains("^");
        });
  }
}
