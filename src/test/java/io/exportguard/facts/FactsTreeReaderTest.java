package io.exportguard.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link FactsJson#parse} reads exactly what the mapper's {@code readTree} and {@code treeToValue}
 * make of a facts document: the same records and tree, or a failure where the mapper fails. The
 * documents are every facts document of {@code FactsTreeTest} and, for each, every field and list
 * item replaced in turn by a value of each JSON kind (and removed), so a value the field reader
 * takes as it is and one the mapper coerces or refuses are both covered.
 */
class FactsTreeReaderTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What a field's value is replaced with: every JSON kind, and a few values Jackson coerces. */
  private static List<JsonNode> replacements() {
    ObjectNode object = NODES.objectNode().put("a", 1);
    ObjectNode policy = NODES.objectNode().put("Version", "1");
    policy.putArray("Statement").addObject().put("Effect", "Allow").put("n", 2.5);
    return List.of(NODES.nullNode(), NODES.textNode("text"), NODES.textNode("true"), NODES.textNode("12"),
        NODES.numberNode(7), NODES.numberNode(0), NODES.numberNode(1), NODES.numberNode(3.5),
        NODES.numberNode(12345678901234L), NODES.numberNode(new java.math.BigDecimal("3.14159265358979323846264338")),
        NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")), NODES.booleanNode(true), NODES.booleanNode(false), NODES.arrayNode(),
        NODES.arrayNode().add("x"), NODES.arrayNode().addNull(), NODES.objectNode(), object, policy);
  }

  @Test
  void readsWhatTheMapperReadsForEveryDocumentAndEveryMutationOfIt() throws Exception {
    int documents = 0;
    int fieldByField = 0;
    for (Facts f : FactsTreeTest.cases()) {
      if (!Facts.SCHEMA.equals(f.schema())) continue; // refused before either reader, by the same check
      ObjectNode base = FactsTree.of(f);
      List<String> texts = new ArrayList<>();
      texts.add(FactsJson.mapper().writeValueAsString(base));
      for (Consumer<ObjectNode> mutation : mutations(base)) {
        ObjectNode copy = base.deepCopy();
        mutation.accept(copy);
        texts.add(FactsJson.mapper().writeValueAsString(copy));
      }
      assertThat(sameAsTheMapper(texts.get(0))).as("a document as written is read field by field").isTrue();
      for (String text : texts) {
        documents++;
        if (sameAsTheMapper(text)) fieldByField++;
      }
    }
    assertThat(documents).as("documents compared").isGreaterThan(3_000);
    // Both ways are exercised: the mutations that keep each field's type are read field by field.
    assertThat(fieldByField).isGreaterThan(500).isLessThan(documents);
  }

  /** Whether the field reader read this document (rather than the mapper), after checking the outcome is the mapper's. */
  private static boolean sameAsTheMapper(String text) throws Exception {
    JsonNode tree = FactsJson.mapper().readTree(text);
    Facts expected;
    try {
      expected = FactsJson.mapper().treeToValue(tree, Facts.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      assertThatThrownBy(() -> FactsJson.parse(text, "f")).as(text).isInstanceOf(FactsFormatException.class)
          .hasMessageContaining(why);
      return false;
    }
    FactsDocument doc = FactsJson.parse(text, "f");
    assertThat(doc.facts()).as(text).isEqualTo(new FactsDocument(expected, tree).facts());
    assertThat(doc.json()).as(text).isEqualTo(tree);
    return FactsTreeReader.read(JsonTreeReader.read(text)) != null;
  }

  /** Every field and list item of the tree, below the root: replaced by each replacement, and removed. */
  private static List<Consumer<ObjectNode>> mutations(ObjectNode root) {
    List<Consumer<ObjectNode>> out = new ArrayList<>();
    collect(root, new ArrayList<>(), out);
    return out;
  }

  private static void collect(JsonNode node, List<Object> path, List<Consumer<ObjectNode>> out) {
    if (!(node instanceof ContainerNode<?>)) return;
    List<Object> keys = new ArrayList<>();
    if (node.isObject()) node.fieldNames().forEachRemaining(keys::add);
    else for (int i = 0; i < node.size(); i++) keys.add(i);
    for (Object key : keys) {
      List<Object> at = new ArrayList<>(path);
      at.add(key);
      if (!at.equals(List.of("schema"))) {
        for (JsonNode r : replacements()) out.add(root -> set(root, at, r.deepCopy()));
        out.add(root -> set(root, at, null));
      }
      collect(key instanceof String s ? node.get(s) : node.get((Integer) key), at, out);
    }
  }

  /** Sets (or with null removes) the value at a path of field names and list indexes. */
  private static void set(ObjectNode root, List<Object> path, JsonNode value) {
    JsonNode parent = root;
    for (Object key : path.subList(0, path.size() - 1)) {
      parent = key instanceof String s ? parent.get(s) : parent.get((Integer) key);
    }
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode o) {
      if (value == null) o.remove((String) last);
      else o.set((String) last, value);
    } else if (parent instanceof ArrayNode a) {
      if (value == null) a.remove((Integer) last);
      else a.set((Integer) last, value);
    }
  }
}
