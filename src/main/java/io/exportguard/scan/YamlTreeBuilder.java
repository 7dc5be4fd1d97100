package io.exportguard.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Builds a YAML file's tree from Jackson's tokens, each object and array marked with its packed line
 * and column ({@link SourceFile#pack}): a field value's at its key. A local tag on a value
 * ({@code !Ref Name}, {@code !Join [...]}) becomes the one-key object it abbreviates
 * ({@code {"Ref": "Name"}}, {@code {"Fn::Join": [...]}}), as ROS reads it.
 */
final class YamlTreeBuilder {
  private static final JsonNodeFactory NODES = SourceFile.NODES;

  private final JsonParser p;
  private final Map<JsonNode, String> tags = new IdentityHashMap<>();

  YamlTreeBuilder(JsonParser p) {
    this.p = p;
  }

  /**
   * The value starting at the current token; {@code keyAt} is the packed position of its field
   * name, or -1 when it is not a field value. Iterative over containers, so deep documents cannot
   * overflow the stack (Jackson bounds the nesting depth).
   */
  JsonNode value(JsonToken t, long keyAt) throws IOException {
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return scalar(t, keyAt);
    Deque<JsonNode> open = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    JsonNode top = container(t, keyAt);
    open.push(top);
    String field = null;
    long fieldAt = -1L;
    while (!open.isEmpty()) {
      JsonToken next = p.nextToken();
      if (next == null) throw new IOException("unexpected end of input");
      JsonNode parent = open.peek();
      if (next == JsonToken.END_OBJECT || next == JsonToken.END_ARRAY) {
        JsonNode done = open.pop();
        if (!open.isEmpty()) {
          String name = names.pop();
          JsonTreeBuilder.attach(open.peek(), name, tagged(done));
        }
        continue;
      }
      if (next == JsonToken.FIELD_NAME) {
        field = p.currentName();
        fieldAt = here();
        continue;
      }
      long at = parent.isObject() ? fieldAt : -1L;
      String name = parent.isObject() ? field : null;
      if (next == JsonToken.START_OBJECT || next == JsonToken.START_ARRAY) {
        JsonNode child = container(next, at);
        open.push(child);
        names.push(name == null ? "" : name);
      } else {
        JsonTreeBuilder.attach(parent, name, scalar(next, at));
      }
    }
    return tagged(top);
  }

  private JsonNode container(JsonToken t, long keyAt) throws IOException {
    long mark = keyAt >= 0 ? keyAt : here();
    JsonNode node = t == JsonToken.START_OBJECT ? new MarkedNodes.MarkedObject(NODES, this, mark)
        : new MarkedNodes.MarkedArray(NODES, this, mark);
    String tag = tag();
    if (tag != null) tags.put(node, tag);
    return node;
  }

  private JsonNode scalar(JsonToken t, long keyAt) throws IOException {
    JsonNode v = JsonTreeBuilder.scalar(p, NODES, t);
    String tag = tag();
    if (tag == null) return v;
    // A tagged scalar (!Ref Name) is the function object it abbreviates, positioned at the value.
    ObjectNode fn = new MarkedNodes.MarkedObject(NODES, this, keyAt >= 0 ? keyAt : here());
    fn.set(functionName(tag), v);
    return fn;
  }

  /** The local tag of the current YAML value ({@code !Ref}), or null (untagged, a standard {@code !!} tag). */
  private String tag() throws IOException {
    Object id = p.getTypeId();
    String tag = id == null ? null : id.toString();
    return tag == null || tag.isEmpty() || tag.startsWith("tag:") || tag.startsWith("!") ? null : tag;
  }

  /** A tagged container (!Join [...]) as its function object, where the container is. */
  private JsonNode tagged(JsonNode node) {
    String tag = tags.remove(node);
    if (tag == null) return node;
    ObjectNode fn = new MarkedNodes.MarkedObject(NODES, this, ((MarkedNodes.Marked) node).mark());
    fn.set(functionName(tag), node);
    return fn;
  }

  private static String functionName(String tag) {
    String name = tag.startsWith("!") ? tag.substring(1) : tag;
    return name.equals("Ref") || name.startsWith("Fn::") ? name : "Fn::" + name;
  }

  private long here() {
    JsonLocation l = p.currentTokenLocation();
    return SourceFile.pack(l.getLineNr(), l.getColumnNr());
  }
}
