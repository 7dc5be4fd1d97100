package io.exportguard.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds a JSON file's tree from Jackson's tokens, each object and array marked with the line (high
 * 32 bits) and byte offset (low 32 bits) of its opening token ({@link SourceFile} turns that into
 * the key's or the container's line and column when asked). Iterative, so deep documents cannot
 * overflow the stack (Jackson bounds the nesting depth).
 *
 * <p>A Terraform plan is mostly resources the scan does not read (networks, instances). In a file
 * that starts as {@code terraform show -json} writes a plan (a root object whose first field is
 * {@code format_version}), the resource entries whose {@code type} is not one the scan reads are
 * passed over without building their trees: those of the root's {@code resource_changes} and
 * {@code resource_drift}, and of the {@code resources} of every module object ({@code root_module}
 * of {@code planned_values}, {@code prior_state.values} and {@code configuration}, their
 * {@code child_modules}, and {@code module_calls.<name>.module}). Values inside a resource are never
 * filtered. Jackson still reads every token, so a syntax error anywhere is still one; Terraform
 * writes a resource's type before its values, and an entry whose type comes later is built and
 * then dropped.
 */
final class JsonTreeBuilder {
  private static final Set<String> ROOT_RESOURCE_LISTS = Set.of("resource_changes", "resource_drift");
  private static final Set<String> ROOT_MODULE_HOLDERS = Set.of("planned_values", "configuration", "prior_state");

  private final JsonParser p;
  private final JsonNodeFactory nodes;
  private final Predicate<String> planTypes;

  /** One open object or array; the flags say what it is in a plan. */
  private static final class Frame {
    final JsonNode node;
    final Frame parent;
    final String name;
    final boolean module;
    final boolean resourceList;
    final boolean resource;
    boolean dropped;

    Frame(JsonNode node, Frame parent, String name, boolean plan) {
      this.node = node;
      this.parent = parent;
      this.name = name;
      boolean object = node.isObject();
      this.module = plan && object && isModule(parent, name);
      this.resourceList = plan && !object && name != null && parent != null
          && (parent.parent == null && ROOT_RESOURCE_LISTS.contains(name) || parent.module && name.equals("resources"));
      this.resource = object && parent != null && parent.resourceList;
    }

    /** A module object: a root_module where a plan has one, a child module, a module call's module. */
    private static boolean isModule(Frame parent, String name) {
      if (parent == null) return false;
      if ("root_module".equals(name)) {
        Frame holder = "values".equals(parent.name) && parent.parent != null ? parent.parent : parent;
        return holder.parent != null && holder.parent.parent == null && ROOT_MODULE_HOLDERS.contains(holder.name);
      }
      if (name == null) return "child_modules".equals(parent.name) && parent.parent != null && parent.parent.module;
      return "module".equals(name) && parent.parent != null && "module_calls".equals(parent.parent.name)
          && parent.parent.parent != null && parent.parent.parent.module;
    }
  }

  /** @param planTypes the resource types a plan's tree keeps, or null to keep everything */
  JsonTreeBuilder(JsonParser p, JsonNodeFactory nodes, Predicate<String> planTypes) {
    this.p = p;
    this.nodes = nodes;
    this.planTypes = planTypes;
  }

  /** The owner of the marks on the nodes this builder makes. */
  Object owner() { return this; }

  /** The value starting at the current token, {@code first}. */
  JsonNode build(JsonToken first) throws IOException {
    if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) return scalar(first);
    Deque<Frame> open = new ArrayDeque<>();
    Frame root = new Frame(container(first), null, null, false);
    open.push(root);
    boolean plan = false;
    boolean rootFieldSeen = false;
    String field = null;
    while (true) {
      JsonToken t = p.nextToken();
      if (t == null) throw new IOException("unexpected end of input");
      Frame f = open.peek();
      switch (t) {
        case END_OBJECT, END_ARRAY -> {
          open.pop();
          if (open.isEmpty()) return f.node;
          if (!f.dropped) attach(open.peek().node, f.name, f.node);
        }
        case FIELD_NAME -> {
          field = p.currentName();
          if (f == root && !rootFieldSeen) {
            rootFieldSeen = true;
            plan = planTypes != null && field.equals("format_version");
          }
        }
        case START_OBJECT, START_ARRAY -> {
          if (f.dropped) {
            p.skipChildren();
            continue;
          }
          open.push(new Frame(container(t), f, f.node.isObject() ? field : null, plan));
        }
        default -> {
          if (f.dropped) continue;
          JsonNode v = scalar(t);
          if (f.resource && v.isTextual() && "type".equals(field) && !planTypes.test(v.textValue())) {
            f.dropped = true;
            continue;
          }
          attach(f.node, f.node.isObject() ? field : null, v);
        }
      }
    }
  }

  private JsonNode container(JsonToken t) {
    JsonLocation l = p.currentTokenLocation();
    long mark = ((long) Math.max(l.getLineNr(), 0) << 32) | (Math.max(l.getByteOffset(), 0L) & 0xffffffffL);
    return t == JsonToken.START_OBJECT ? new MarkedNodes.MarkedObject(nodes, this, mark)
        : new MarkedNodes.MarkedArray(nodes, this, mark);
  }

  private JsonNode scalar(JsonToken t) throws IOException { return scalar(p, nodes, t); }

  /** The scalar value of the current token, numbers exact (integers as int, long or big integer; decimals as BigDecimal). */
  static JsonNode scalar(JsonParser p, JsonNodeFactory nodes, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> nodes.textNode(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> nodes.numberNode(p.getIntValue());
        case LONG -> nodes.numberNode(p.getLongValue());
        default -> nodes.numberNode(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NULL -> nodes.nullNode();
      default -> nodes.textNode(p.getText());
    };
  }

  static void attach(JsonNode parent, String name, JsonNode child) {
    if (parent instanceof ObjectNode o) o.set(name, child);
    else ((ArrayNode) parent).add(child);
  }
}
