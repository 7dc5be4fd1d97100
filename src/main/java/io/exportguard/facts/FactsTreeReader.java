package io.exportguard.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A facts tree read back into the {@link Facts} records field by field: the records Jackson's
 * {@code treeToValue} makes of the same tree, without the mapper (making it and its record
 * deserialisers costs an {@code eval --facts} ~100 ms of start-up). Only a tree whose every value
 * has exactly its field's type is read here: where Jackson would coerce (a number into a string
 * field, a string into a boolean one) or fail, {@link #read} returns null and the caller asks the
 * mapper, whose result and messages then stand. Unknown fields are ignored, as the mapper ignores
 * them. {@code FactsTreeReaderTest} compares the two over mutations of every field.
 */
final class FactsTreeReader {
  /** Thrown, without a stack trace, where the tree needs the mapper. */
  private static final class NotPlain extends RuntimeException {
    NotPlain() {
      super(null, null, false, false);
    }
  }

  private static final NotPlain NOT_PLAIN = new NotPlain();

  private FactsTreeReader() {}

  /** The facts of a tree that is a JSON object, or null when the mapper must read it. */
  static Facts read(JsonNode tree) {
    try {
      return new Facts(str(tree, "schema"), obj(tree, "request", FactsTreeReader::request),
          obj(tree, "region", FactsTreeReader::region), obj(tree, "image", FactsTreeReader::image),
          obj(tree, "role", FactsTreeReader::role), obj(tree, "bucket", FactsTreeReader::bucket),
          obj(tree, "tasks", FactsTreeReader::tasks), list(tree, "errors", FactsTreeReader::error),
          list(tree, "skipped", FactsTreeReader::skipped), list(tree, "unknown", FactsTreeReader::unknown));
    } catch (RuntimeException e) {
      return null; // NotPlain, or a record's constructor refusing a value: the mapper says how
    }
  }

  private static Request request(JsonNode n) {
    return new Request(str(n, "regionId"), str(n, "imageId"), str(n, "ossBucket"), str(n, "ossPrefix"),
        str(n, "imageFormat"), str(n, "roleName"));
  }

  private static RegionFacts region(JsonNode n) {
    return new RegionFacts(str(n, "id"), bool(n, "exists"), str(n, "localName"), str(n, "endpoint"), str(n, "status"),
        strings(n, "knownRegions"));
  }

  private static ImageFacts image(JsonNode n) {
    return new ImageFacts(str(n, "id"), bool(n, "exists"), str(n, "name"), str(n, "description"), str(n, "status"),
        str(n, "ownerAlias"), str(n, "productCode"), str(n, "osType"), str(n, "platform"), str(n, "architecture"),
        integer(n, "sizeGiB"), list(n, "tags", FactsTreeReader::tag), list(n, "disks", FactsTreeReader::disk),
        primitiveInt(n, "dataDiskCount"));
  }

  private static ImageFacts.Tag tag(JsonNode n) {
    return new ImageFacts.Tag(str(n, "key"), str(n, "value"));
  }

  private static ImageFacts.Disk disk(JsonNode n) {
    return new ImageFacts.Disk(str(n, "device"), str(n, "type"), integer(n, "sizeGiB"), str(n, "snapshotId"),
        obj(n, "snapshot", FactsTreeReader::snapshot));
  }

  private static ImageFacts.Snapshot snapshot(JsonNode n) {
    return new ImageFacts.Snapshot(str(n, "id"), bool(n, "exists"), boxedBool(n, "encrypted"), str(n, "kmsKeyId"),
        str(n, "productCode"), str(n, "status"));
  }

  private static RoleFacts role(JsonNode n) {
    return new RoleFacts(str(n, "name"), bool(n, "exists"), str(n, "arn"), str(n, "accountId"), json(n, "trustPolicy"),
        str(n, "trustPolicyText"), list(n, "attachedPolicies", FactsTreeReader::attachedPolicy));
  }

  private static RoleFacts.AttachedPolicy attachedPolicy(JsonNode n) {
    return new RoleFacts.AttachedPolicy(str(n, "name"), str(n, "type"), str(n, "defaultVersion"), json(n, "document"),
        str(n, "documentText"));
  }

  private static BucketFacts bucket(JsonNode n) {
    return new BucketFacts(str(n, "name"), bool(n, "exists"), str(n, "location"), str(n, "regionId"), str(n, "acl"),
        str(n, "storageClass"), obj(n, "encryption", FactsTreeReader::encryption), str(n, "versioning"),
        json(n, "policy"), str(n, "policyText"));
  }

  private static BucketFacts.Encryption encryption(JsonNode n) {
    return new BucketFacts.Encryption(str(n, "algorithm"), str(n, "kmsKeyId"));
  }

  private static TaskFacts tasks(JsonNode n) {
    return new TaskFacts(list(n, "exportsInProgress", FactsTreeReader::task),
        list(n, "exportsThisWeek", FactsTreeReader::task));
  }

  private static TaskFacts.Task task(JsonNode n) {
    return new TaskFacts.Task(str(n, "taskId"), str(n, "imageId"), str(n, "status"), str(n, "createdAt"));
  }

  private static FactError error(JsonNode n) {
    return new FactError(str(n, "area"), str(n, "api"), str(n, "code"), str(n, "message"));
  }

  private static Skipped skipped(JsonNode n) {
    return new Skipped(str(n, "area"), str(n, "reason"), boxedBool(n, "outOfScope"));
  }

  private static Unknown unknown(JsonNode n) {
    return new Unknown(str(n, "fact"), str(n, "reason"));
  }

  /** Absent or null: null; an object: read; anything else needs the mapper. */
  private static <T> T obj(JsonNode parent, String field, Function<JsonNode, T> reader) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isObject()) throw NOT_PLAIN;
    return reader.apply(n);
  }

  /**
   * Absent or null: null; an array of objects: each item read (a null item stays null), in an
   * ArrayList as the mapper's.
   */
  private static <T> List<T> list(JsonNode parent, String field, Function<JsonNode, T> reader) {
    return items(parent, field, item -> {
      if (!item.isObject()) throw NOT_PLAIN;
      return reader.apply(item);
    });
  }

  /** As {@link #list}, of strings. */
  private static List<String> strings(JsonNode parent, String field) {
    return items(parent, field, FactsTreeReader::text);
  }

  private static <T> List<T> items(JsonNode parent, String field, Function<JsonNode, T> reader) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isArray()) throw NOT_PLAIN;
    List<T> out = new ArrayList<>(n.size());
    for (JsonNode item : n) out.add(item.isNull() ? null : reader.apply(item));
    return out;
  }

  private static String text(JsonNode n) {
    if (!n.isTextual()) throw NOT_PLAIN;
    return n.textValue();
  }

  private static String str(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) return null;
    return text(n);
  }

  private static boolean bool(JsonNode parent, String field) {
    Boolean b = boxedBool(parent, field);
    return b != null && b;
  }

  private static Boolean boxedBool(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isBoolean()) throw NOT_PLAIN;
    return n.booleanValue();
  }

  private static Integer integer(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isInt()) throw NOT_PLAIN;
    return n.intValue();
  }

  private static int primitiveInt(JsonNode parent, String field) {
    Integer i = integer(parent, field);
    return i == null ? 0 : i;
  }

  /**
   * A JSON value held as a tree (a policy document): absent is null, JSON null the null node, as the
   * mapper gives them; any other value is copied (a tree read from JSON text holds only the node
   * types the mapper makes again).
   */
  private static JsonNode json(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null) return null;
    if (n.isNull()) return NullNode.instance;
    return n.deepCopy();
  }
}
