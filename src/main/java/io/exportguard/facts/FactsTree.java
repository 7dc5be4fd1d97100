package io.exportguard.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON tree of a {@link Facts} document, and of the audit's own areas (an export task, its
 * bucket, a principal), built field by field: the same tree (same fields, same order, same node
 * types) that Jackson's bean serialization of the records gives, without its start-up cost
 * (introspecting every record class is a large share of a preflight's CPU). A new field in a facts
 * record must be added here too; {@code FactsTreeTest} compares the two.
 */
public final class FactsTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FactsTree() {}

  /** The tree of a facts document. */
  public static ObjectNode of(Facts f) {
    ObjectNode o = NODES.objectNode();
    o.put("schema", f.schema());
    o.set("request", request(f.request()));
    o.set("region", region(f.region()));
    o.set("image", image(f.image()));
    o.set("role", role(f.role()));
    o.set("bucket", bucket(f.bucket()));
    o.set("tasks", tasks(f.tasks()));
    o.set("errors", list(f.errors(), FactsTree::error));
    o.set("skipped", list(f.skipped(), FactsTree::skipped));
    if (f.unknown() != null && !f.unknown().isEmpty()) o.set("unknown", list(f.unknown(), FactsTree::unknown));
    return o;
  }

  private static JsonNode request(Request r) {
    if (r == null) return NullNode.instance;
    ObjectNode o = NODES.objectNode();
    o.put("regionId", r.regionId());
    o.put("imageId", r.imageId());
    o.put("ossBucket", r.ossBucket());
    o.put("ossPrefix", r.ossPrefix());
    o.put("imageFormat", r.imageFormat());
    o.put("roleName", r.roleName());
    return o;
  }

  private static JsonNode region(RegionFacts r) {
    if (r == null) return NullNode.instance;
    ObjectNode o = NODES.objectNode();
    o.put("id", r.id());
    o.put("exists", r.exists());
    o.put("localName", r.localName());
    o.put("endpoint", r.endpoint());
    o.put("status", r.status());
    o.set("knownRegions", list(r.knownRegions(), NODES::textNode));
    return o;
  }

  private static JsonNode image(ImageFacts i) {
    if (i == null) return NullNode.instance;
    ObjectNode o = NODES.objectNode();
    o.put("id", i.id());
    o.put("exists", i.exists());
    o.put("name", i.name());
    o.put("description", i.description());
    o.put("status", i.status());
    o.put("ownerAlias", i.ownerAlias());
    o.put("productCode", i.productCode());
    o.put("osType", i.osType());
    o.put("platform", i.platform());
    o.put("architecture", i.architecture());
    o.put("sizeGiB", i.sizeGiB());
    o.set("tags", list(i.tags(), FactsTree::tag));
    o.set("disks", list(i.disks(), FactsTree::disk));
    o.put("dataDiskCount", i.dataDiskCount());
    return o;
  }

  private static JsonNode tag(ImageFacts.Tag t) {
    ObjectNode o = NODES.objectNode();
    o.put("key", t.key());
    o.put("value", t.value());
    return o;
  }

  private static JsonNode disk(ImageFacts.Disk d) {
    ObjectNode o = NODES.objectNode();
    o.put("device", d.device());
    o.put("type", d.type());
    o.put("sizeGiB", d.sizeGiB());
    o.put("snapshotId", d.snapshotId());
    o.set("snapshot", snapshot(d.snapshot()));
    return o;
  }

  private static JsonNode snapshot(ImageFacts.Snapshot s) {
    if (s == null) return NullNode.instance;
    ObjectNode o = NODES.objectNode();
    o.put("id", s.id());
    o.put("exists", s.exists());
    o.put("encrypted", s.encrypted());
    o.put("kmsKeyId", s.kmsKeyId());
    o.put("productCode", s.productCode());
    o.put("status", s.status());
    return o;
  }

  private static JsonNode role(RoleFacts r) {
    if (r == null) return NullNode.instance;
    ObjectNode o = NODES.objectNode();
    o.put("name", r.name());
    o.put("exists", r.exists());
    o.put("arn", r.arn());
    o.put("accountId", r.accountId());
    o.set("trustPolicy", json(r.trustPolicy()));
    o.put("trustPolicyText", r.trustPolicyText());
    o.set("attachedPolicies", list(r.attachedPolicies(), FactsTree::attachedPolicy));
    return o;
  }

  private static JsonNode attachedPolicy(RoleFacts.AttachedPolicy p) {
    ObjectNode o = NODES.objectNode();
    o.put("name", p.name());
    o.put("type", p.type());
    o.put("defaultVersion", p.defaultVersion());
    o.set("document", json(p.document()));
    o.put("documentText", p.documentText());
    return o;
  }

  private static JsonNode bucket(BucketFacts b) {
    if (b == null) return NullNode.instance;
    ObjectNode o = NODES.objectNode();
    o.put("name", b.name());
    o.put("exists", b.exists());
    o.put("location", b.location());
    o.put("regionId", b.regionId());
    o.put("acl", b.acl());
    o.put("storageClass", b.storageClass());
    o.set("encryption", encryption(b.encryption()));
    o.put("versioning", b.versioning());
    o.set("policy", json(b.policy()));
    o.put("policyText", b.policyText());
    return o;
  }

  private static JsonNode encryption(BucketFacts.Encryption e) {
    if (e == null) return NullNode.instance;
    ObjectNode o = NODES.objectNode();
    o.put("algorithm", e.algorithm());
    o.put("kmsKeyId", e.kmsKeyId());
    return o;
  }

  private static JsonNode tasks(TaskFacts t) {
    if (t == null) return NullNode.instance;
    ObjectNode o = NODES.objectNode();
    o.set("exportsInProgress", list(t.exportsInProgress(), FactsTree::task));
    o.set("exportsThisWeek", list(t.exportsThisWeek(), FactsTree::task));
    return o;
  }

  private static JsonNode task(TaskFacts.Task t) {
    ObjectNode o = NODES.objectNode();
    o.put("taskId", t.taskId());
    o.put("imageId", t.imageId());
    o.put("status", t.status());
    o.put("createdAt", t.createdAt());
    return o;
  }

  private static JsonNode error(FactError e) {
    ObjectNode o = NODES.objectNode();
    o.put("area", e.area());
    o.put("api", e.api());
    o.put("code", e.code());
    o.put("message", e.message());
    return o;
  }

  private static JsonNode skipped(Skipped s) {
    ObjectNode o = NODES.objectNode();
    o.put("area", s.area());
    o.put("reason", s.reason());
    // As Jackson writes it: the isOutOfScope() getter wins over the component, so false is written, never null.
    o.put("outOfScope", s.isOutOfScope());
    return o;
  }

  private static JsonNode unknown(Unknown u) {
    ObjectNode o = NODES.objectNode();
    o.put("fact", u.fact());
    o.put("reason", u.reason());
    return o;
  }

  /** A JSON value held in the facts (a policy document): a copy, so the tree owns all its nodes. */
  private static JsonNode json(JsonNode n) {
    return n == null ? NullNode.instance : n.deepCopy();
  }

  /** The tree of an audited export task (area {@code exportTask}). */
  public static ObjectNode of(ExportTaskFacts t) {
    ObjectNode o = NODES.objectNode();
    o.put("taskId", t.taskId());
    o.put("regionId", t.regionId());
    o.put("imageId", t.imageId());
    o.put("status", t.status());
    o.put("createdAt", t.createdAt());
    o.put("finishedAt", t.finishedAt());
    o.put("ossBucket", t.ossBucket());
    o.put("imageFormat", t.imageFormat());
    o.set("objects", list(t.objects(), NODES::textNode));
    o.put("errorCode", t.errorCode());
    o.put("errorMessage", t.errorMessage());
    return o;
  }

  /** The tree of the bucket an audited export wrote to (area {@code exportBucket}). */
  public static ObjectNode of(ExportBucketFacts b) {
    ObjectNode o = NODES.objectNode();
    o.put("name", b.name());
    o.put("owner", b.owner());
    o.put("ownerId", b.ownerId());
    o.put("regionId", b.regionId());
    o.put("acl", b.acl());
    o.set("policy", json(b.policy()));
    o.put("policyText", b.policyText());
    return o;
  }

  /** The tree of an audited RAM principal (area {@code principal}). */
  public static ObjectNode of(PrincipalFacts p) {
    ObjectNode o = NODES.objectNode();
    o.put("type", p.type());
    o.put("name", p.name());
    o.put("arn", p.arn());
    o.put("accountId", p.accountId());
    o.set("attachedPolicies", list(p.attachedPolicies(), FactsTree::attachedPolicy));
    o.set("groups", list(p.groups(), FactsTree::group));
    return o;
  }

  private static JsonNode group(PrincipalFacts.Group g) {
    ObjectNode o = NODES.objectNode();
    o.put("name", g.name());
    o.set("attachedPolicies", list(g.attachedPolicies(), FactsTree::attachedPolicy));
    return o;
  }

  private static <T> JsonNode list(List<T> items, Function<T, JsonNode> node) {
    if (items == null) return NullNode.instance;
    ArrayNode a = NODES.arrayNode(items.size());
    for (T item : items) a.add(item == null ? NullNode.instance : node.apply(item));
    return a;
  }
}
