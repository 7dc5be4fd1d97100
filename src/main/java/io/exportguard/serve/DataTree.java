package io.exportguard.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The base documents under {@code data}, and OPA's storage rules for writing them: PUT creates
 * missing parents ({@code mkdir -p}) and replaces; PATCH applies JSON Patch {@code add},
 * {@code remove} and {@code replace} (RFC 6902; the only operations OPA's store takes), all or
 * nothing, where the parent must exist and {@code remove}/{@code replace} need the target;
 * {@code -} appends to an array. Not thread-safe: the store serialises writers.
 */
final class DataTree {
  private ObjectNode root;

  DataTree(ObjectNode root) { this.root = root; }

  ObjectNode root() { return root; }

  /** The node at the path, or null. */
  JsonNode get(List<String> path) {
    JsonNode n = root;
    for (String s : path) {
      n = child(n, s);
      if (n == null) return null;
    }
    return n;
  }

  /** PUT: creates missing objects along the path and sets the value. */
  void put(List<String> path, JsonNode value) throws ApiException {
    if (path.isEmpty()) {
      if (!value.isObject()) throw ApiException.badRequest("data root must be an object");
      root = (ObjectNode) value.deepCopy();
      return;
    }
    JsonNode parent = root;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode next = child(parent, path.get(i));
      if (next == null) {
        if (!(parent instanceof ObjectNode o)) throw conflict(path.subList(0, i + 1));
        next = o.putObject(path.get(i));
      } else if (!next.isContainerNode()) {
        throw conflict(path.subList(0, i + 1));
      }
      parent = next;
    }
    set(parent, path, value, false);
  }

  /** DELETE: removes the document at the path; 404 when there is none. */
  void remove(List<String> path) throws ApiException {
    if (path.isEmpty()) {
      root = JsonNodeFactory.instance.objectNode();
      return;
    }
    JsonNode parent = get(path.subList(0, path.size() - 1));
    if (parent == null || child(parent, last(path)) == null) throw notFound(path);
    if (parent instanceof ObjectNode o) o.remove(last(path));
    else ((ArrayNode) parent).remove(index(parent, path));
  }

  /** PATCH: applies every operation to a copy, then keeps the copy; nothing changes when one fails. */
  void patch(List<String> base, JsonNode ops) throws ApiException {
    if (!ops.isArray()) throw ApiException.badRequest("body must be a JSON Patch array of operations");
    DataTree copy = new DataTree(root.deepCopy());
    for (JsonNode op : ops) {
      String kind = op.path("op").asText("");
      if (!op.has("path") || !op.get("path").isTextual()) throw ApiException.badRequest("patch operation needs a path");
      List<String> path = new ArrayList<>(base);
      path.addAll(pointer(op.get("path").asText()));
      switch (kind) {
        case "add", "replace" -> {
          if (!op.has("value")) throw ApiException.badRequest("patch operation " + kind + " needs a value");
          copy.patchSet(path, op.get("value"), kind.equals("replace"));
        }
        case "remove" -> copy.remove(path);
        default -> throw ApiException.badRequest("invalid patch operation: " + (kind.isEmpty() ? "(none)" : kind)
            + " (add, remove or replace)");
      }
    }
    root = copy.root;
  }

  private void patchSet(List<String> path, JsonNode value, boolean mustExist) throws ApiException {
    if (path.isEmpty()) {
      if (!value.isObject()) throw ApiException.badRequest("data root must be an object");
      root = (ObjectNode) value.deepCopy();
      return;
    }
    JsonNode parent = get(path.subList(0, path.size() - 1));
    if (parent == null) throw notFound(path.subList(0, path.size() - 1));
    if (!parent.isContainerNode()) throw conflict(path.subList(0, path.size() - 1));
    if (mustExist && child(parent, last(path)) == null) throw notFound(path);
    set(parent, path, value, !mustExist);
  }

  private static void set(JsonNode parent, List<String> path, JsonNode value, boolean insert) throws ApiException {
    String key = last(path);
    if (parent instanceof ObjectNode o) {
      o.set(key, value.deepCopy());
      return;
    }
    ArrayNode a = (ArrayNode) parent;
    if (key.equals("-")) {
      a.add(value.deepCopy());
      return;
    }
    int i = parseIndex(key);
    if (i < 0 || i > a.size() || (!insert && i == a.size())) throw notFound(path);
    if (insert) a.insert(i, value.deepCopy());
    else a.set(i, value.deepCopy());
  }

  /** JSON Pointer segments (RFC 6901), {@code ~1} for '/' and {@code ~0} for '~'; OPA also takes a path without the leading slash. */
  static List<String> pointer(String p) {
    List<String> out = new ArrayList<>();
    if (p.isEmpty() || p.equals("/")) return out;
    for (String s : (p.startsWith("/") ? p.substring(1) : p).split("/", -1)) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static JsonNode child(JsonNode n, String key) {
    if (n instanceof ObjectNode o) return o.get(key);
    if (n instanceof ArrayNode a) {
      int i = parseIndex(key);
      return i >= 0 && i < a.size() ? a.get(i) : null;
    }
    return null;
  }

  private static int index(JsonNode array, List<String> path) throws ApiException {
    int i = parseIndex(last(path));
    if (i < 0 || i >= array.size()) throw notFound(path);
    return i;
  }

  private static int parseIndex(String s) {
    if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) return -1;
    return Integer.parseInt(s);
  }

  private static String last(List<String> path) { return path.get(path.size() - 1); }

  static String display(List<String> path) { return "/" + String.join("/", path); }

  private static ApiException notFound(List<String> path) {
    return ApiException.notFound("storage_not_found_error: " + display(path) + ": document does not exist");
  }

  private static ApiException conflict(List<String> path) {
    return new ApiException(404, ApiException.RESOURCE_CONFLICT, "storage_write_conflict_error: " + display(path)
        + ": document is not an object or array");
  }
}
