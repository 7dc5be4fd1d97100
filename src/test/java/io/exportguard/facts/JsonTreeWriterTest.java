package io.exportguard.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link JsonTreeWriter} writes exactly the text the facts mapper's writer gives (indented), for every kind of node. */
class JsonTreeWriterTest {
  private static final JsonNodeFactory PLAIN = JsonNodeFactory.instance;
  private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);

  private static String mapper(JsonNode n) throws Exception {
    return FactsJson.mapper().writer().writeValueAsString(n);
  }

  static List<JsonNode> trees() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNodeFactory f : List.of(PLAIN, EXACT)) {
      ObjectNode o = f.objectNode();
      o.put("int", 7).put("negative", -3).put("long", 12345678901234L).put("short", (short) 5)
          .put("double", 1.5).put("tiny", 1e-9).put("huge", 1.7976931348623157e308).put("float", 0.1f)
          .put("decimal", new BigDecimal("1.10")).put("exponent", new BigDecimal("1E+3"))
          .put("scaled", new BigDecimal("-0.000"))
          .put("bigInteger", new BigInteger("123456789012345678901234567890"))
          .put("text", "quote \" backslash \\ slash / tab \t newline \n nul \u0000 bell \u0007 é ✓ 😀 \u2028")
          .put("empty", "").put("yes", true).put("no", false).putNull("nothing");
      o.put("binary", new byte[] {0, 1, 2, (byte) 255});
      o.set("emptyObject", f.objectNode());
      o.set("emptyArray", f.arrayNode());
      o.set("missing", f.missingNode());
      ArrayNode a = o.putArray("nested");
      a.add(f.objectNode().set("deeper", f.arrayNode().add(1).add(f.nullNode()).add("x")));
      a.add(f.arrayNode());
      out.add(o);
      out.add(f.textNode("just text"));
      out.add(f.numberNode(new BigDecimal("3.14159265358979323846264338327950288")));
      out.add(f.nullNode());
      out.add(f.arrayNode().add(o.deepCopy()));
    }
    // Real documents: every policy document of the fixtures, and the facts trees of FactsTreeTest.
    try (Stream<Path> s = Stream.of("src/test/resources/scan/policies", "src/test/resources/preflight")
        .map(Path::of).filter(Files::isDirectory).flatMap(JsonTreeWriterTest::jsonFiles)) {
      for (Path p : s.toList()) out.add(JsonTreeReader.read(Files.readString(p)));
    }
    for (Facts f : FactsTreeTest.cases()) out.add(FactsTree.of(f));
    return out;
  }

  private static Stream<Path> jsonFiles(Path dir) {
    try {
      return Files.walk(dir).filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void writesTheMappersTextForEveryKindOfNode() throws Exception {
    List<JsonNode> trees = trees();
    assertThat(trees).hasSizeGreaterThan(15);
    for (JsonNode n : trees) assertThat(JsonTreeWriter.text(n)).isEqualTo(mapper(n));
  }

  @Test
  void aPojoNodeIsLeftToTheMapper() throws Exception {
    ObjectNode o = PLAIN.objectNode();
    o.putPOJO("pojo", java.util.Map.of("k", 1));
    assertThat(JsonTreeWriter.text(o)).isEqualTo(mapper(o)).contains("\"k\" : 1");
  }
}
