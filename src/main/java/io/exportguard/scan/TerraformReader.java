package io.exportguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.facts.BucketFacts;
import io.exportguard.facts.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a Terraform plan's alicloud resources into {@link Declarations}, to the provider's
 * documented schemas: {@code alicloud_image_export} (image_id, oss_bucket, oss_prefix; the
 * provider's region), {@code alicloud_ram_role} (role_name or name, assume_role_policy_document or
 * document, or the deprecated services and ram_users), {@code alicloud_ram_policy} (policy_name or
 * name, policy_document or document, or the deprecated statement blocks),
 * {@code alicloud_ram_role_policy_attachment}, {@code alicloud_oss_bucket} (bucket, acl, policy,
 * server_side_encryption_rule, versioning, storage_class) and its {@code _acl}, {@code _policy} and
 * {@code _server_side_encryption} resources, {@code alicloud_image}, and the account id from the
 * {@code alicloud_account} / {@code alicloud_caller_identity} data sources. Values known only after
 * apply stay unknown; the references between resources (an attachment naming a role, a bucket
 * policy naming the bucket) are resolved through the plan's configuration, modules included.
 */
final class TerraformReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The resource and data source types {@link #readAll} reads; a plan's other resources are neither built nor indexed. */
  static final Set<String> TYPES = Set.of("alicloud_ram_role", "alicloud_ram_policy",
      "alicloud_ram_role_policy_attachment", "alicloud_oss_bucket", "alicloud_oss_bucket_acl",
      "alicloud_oss_bucket_policy", "alicloud_oss_bucket_server_side_encryption", "alicloud_image",
      "alicloud_image_export", "alicloud_account", "alicloud_caller_identity");

  private final PlanIndex plan;
  private final TerraformSources sources;
  private final Declarations out = new Declarations();

  private TerraformReader(PlanIndex plan, TerraformSources sources) {
    this.plan = plan;
    this.sources = sources;
  }

  /** True when a parsed file is a plan's JSON: a format version and planned values or resource changes. */
  static boolean isPlan(JsonNode root) {
    return root.isObject() && root.has("format_version")
        && (root.has("planned_values") || root.has("resource_changes"));
  }

  static Declarations read(SourceFile file, TerraformSources sources) throws ScanInputException {
    JsonNode root = file.root();
    JsonNode version = root.get("format_version");
    if (version == null || !version.isTextual() || !version.asText().matches("[0-9]+\\.[0-9]+")) {
      throw file.error(root, "not a Terraform plan: format_version is missing or not a version");
    }
    if (!version.asText().startsWith("1.") && !version.asText().startsWith("0.")) {
      throw file.error(version, "Terraform plan format " + version.asText() + " is not supported (1.x is)");
    }
    JsonNode changes = root.get("resource_changes");
    if (changes != null && !changes.isArray()) throw file.error(changes, "resource_changes is not a list");
    TerraformReader r = new TerraformReader(new PlanIndex(file, TYPES), sources);
    r.readAll();
    return r.out;
  }

  private void readAll() {
    for (PlanIndex.Instance i : plan.ofType("alicloud_ram_role")) role(i);
    for (PlanIndex.Instance i : plan.ofType("alicloud_ram_policy")) policy(i);
    for (PlanIndex.Instance i : plan.ofType("alicloud_ram_role_policy_attachment")) attachment(i);
    for (PlanIndex.Instance i : plan.ofType("alicloud_oss_bucket")) bucket(i);
    for (PlanIndex.Instance i : plan.ofType("alicloud_oss_bucket_acl")) {
      setting(i, Declarations.Setting.ACL, plan.string(i, "acl").map(v -> (Object) v), null);
    }
    for (PlanIndex.Instance i : plan.ofType("alicloud_oss_bucket_policy")) {
      Fact<String> text = plan.string(i, "policy");
      setting(i, Declarations.Setting.POLICY, Policies.fromText(text).map(v -> (Object) v), text.value());
    }
    for (PlanIndex.Instance i : plan.ofType("alicloud_oss_bucket_server_side_encryption")) {
      setting(i, Declarations.Setting.ENCRYPTION, encryption(plan.string(i, "sse_algorithm"),
          plan.string(i, "kms_master_key_id")).map(v -> (Object) v), null);
    }
    for (PlanIndex.Instance i : plan.ofType("alicloud_image")) image(i);
    for (PlanIndex.Instance i : plan.ofType("alicloud_image_export")) export(i);
    for (PlanIndex.Instance i : plan.dataOfType("alicloud_account")) account(i, "id");
    for (PlanIndex.Instance i : plan.dataOfType("alicloud_caller_identity")) account(i, "account_id");
  }

  private String key(PlanIndex.Instance i) { return plan.file.file() + "#" + i.address(); }

  private SourceLocation at(PlanIndex.Instance i) {
    SourceLocation here = plan.file.at(i.node(), i.address());
    SourceLocation tf = sources.find(plan, i);
    return tf == null ? here : here.definedAt(tf);
  }

  private void role(PlanIndex.Instance i) {
    Fact<String> name = first(plan.string(i, "role_name"), plan.string(i, "name"));
    Fact<String> text = first(plan.string(i, "assume_role_policy_document"), plan.string(i, "document"));
    if (text.isKnown() && text.value() == null) text = legacyTrust(i);
    Fact<String> arn = plan.string(i, "arn");
    out.roles.add(new Declarations.Role(key(i), name, Policies.fromText(text), text.value(), arn,
        Fact.known(!i.deleted()), i.existedBefore(), at(i)));
    if (arn.isPresent() && Policies.accountOf(arn.value()) != null) {
      out.accounts.add(new Declarations.Account(Policies.accountOf(arn.value()), at(i)));
    }
  }

  /** The trust document the provider builds from the deprecated services and ram_users arguments. */
  private Fact<String> legacyTrust(PlanIndex.Instance i) {
    Fact<JsonNode> services = plan.attribute(i, "services");
    Fact<JsonNode> users = plan.attribute(i, "ram_users");
    if (!services.isKnown()) return Fact.unknown(services.reason());
    if (!users.isKnown()) return Fact.unknown(users.reason());
    if (!nonEmptyList(services.value()) && !nonEmptyList(users.value())) return Fact.known(null);
    ObjectNode principal = NODES.objectNode();
    if (nonEmptyList(users.value())) principal.set("RAM", users.value());
    if (nonEmptyList(services.value())) principal.set("Service", services.value());
    ObjectNode doc = NODES.objectNode();
    ObjectNode statement = doc.putArray("Statement").addObject();
    statement.put("Action", "sts:AssumeRole");
    statement.put("Effect", "Allow");
    statement.set("Principal", principal);
    Fact<String> version = plan.string(i, "version");
    doc.put("Version", version.isPresent() ? version.value() : "1");
    return Fact.known(Policies.text(doc));
  }

  private void policy(PlanIndex.Instance i) {
    Fact<String> name = first(plan.string(i, "policy_name"), plan.string(i, "name"));
    Fact<String> text = first(plan.string(i, "policy_document"), plan.string(i, "document"));
    if (text.isKnown() && text.value() == null) text = legacyStatements(i);
    out.policies.add(new Declarations.Policy(key(i), name, Policies.fromText(text), text.value(), at(i)));
  }

  /** The document the provider builds from the deprecated statement blocks. */
  private Fact<String> legacyStatements(PlanIndex.Instance i) {
    Fact<JsonNode> statements = plan.attribute(i, "statement");
    if (!statements.isKnown()) return Fact.unknown(statements.reason());
    if (!nonEmptyList(statements.value())) return Fact.known(null);
    ObjectNode doc = NODES.objectNode();
    ArrayNode list = doc.putArray("Statement");
    for (JsonNode s : statements.value()) {
      ObjectNode st = list.addObject();
      st.set("Effect", s.path("effect").isMissingNode() ? NODES.nullNode() : s.get("effect"));
      st.set("Action", s.path("action").isMissingNode() ? NODES.arrayNode() : s.get("action"));
      st.set("Resource", s.path("resource").isMissingNode() ? NODES.arrayNode() : s.get("resource"));
    }
    Fact<String> version = plan.string(i, "version");
    doc.put("Version", version.isPresent() ? version.value() : "1");
    return Fact.known(Policies.text(doc));
  }

  private void attachment(PlanIndex.Instance i) {
    PlanIndex.Ref role = plan.reference(i, "role_name");
    PlanIndex.Ref policy = plan.reference(i, "policy_name");
    Fact<String> type = plan.string(i, "policy_type");
    if (!type.isKnown() && policy != null && policy.target().type().equals("alicloud_ram_policy")) {
      // alicloud_ram_policy.type is computed, and is always Custom for a policy the account creates.
      type = Fact.known("Custom");
    }
    out.attachments.add(new Declarations.Attachment(plan.string(i, "role_name"),
        role != null && role.target().type().equals("alicloud_ram_role") ? key(role.target()) : null,
        plan.string(i, "policy_name"),
        policy != null && policy.target().type().equals("alicloud_ram_policy") ? key(policy.target()) : null,
        type, at(i)));
  }

  private void bucket(PlanIndex.Instance i) {
    Fact<String> acl = plan.string(i, "acl");
    if (!acl.isKnown() && !i.existedBefore()) {
      // acl is optional and computed: a new bucket without one gets OSS's default, private.
      acl = Fact.known(null);
    }
    Fact<String> policyText = plan.string(i, "policy");
    Fact<JsonNode> sse = plan.attribute(i, "server_side_encryption_rule");
    Fact<BucketFacts.Encryption> encryption;
    if (!sse.isKnown()) encryption = Fact.unknown(sse.reason());
    else if (!nonEmptyList(sse.value())) encryption = Fact.known(null);
    else encryption = encryption(text(sse.value().get(0), "sse_algorithm"), text(sse.value().get(0), "kms_master_key_id"));
    Fact<JsonNode> versioning = plan.attribute(i, "versioning");
    Fact<String> status = versioning.isPresent() && versioning.value().isArray() && versioning.value().size() > 0
        ? text(versioning.value().get(0), "status") : versioning.map(v -> null);
    out.buckets.add(new Declarations.Bucket(key(i), plan.string(i, "bucket"), plan.providerArgument(i, "region"), acl,
        Policies.fromText(policyText), policyText.value(), encryption, status, plan.string(i, "storage_class"),
        Fact.known(!i.deleted()), i.existedBefore(), at(i)));
  }

  private void setting(PlanIndex.Instance i, Declarations.Setting setting, Fact<Object> value, String text) {
    PlanIndex.Ref bucket = plan.reference(i, "bucket");
    out.bucketSettings.add(new Declarations.BucketSetting(setting, plan.string(i, "bucket"),
        bucket != null && bucket.target().type().equals("alicloud_oss_bucket") ? key(bucket.target()) : null,
        value, text, i.deleted(), at(i)));
  }

  private static Fact<BucketFacts.Encryption> encryption(Fact<String> algorithm, Fact<String> kmsKey) {
    if (!algorithm.isKnown()) return Fact.unknown(algorithm.reason());
    if (!kmsKey.isKnown() && "KMS".equalsIgnoreCase(algorithm.value())) return Fact.unknown(kmsKey.reason());
    String a = algorithm.value() == null || algorithm.value().isEmpty() ? "none" : algorithm.value();
    String k = kmsKey.value() == null || kmsKey.value().isEmpty() ? null : kmsKey.value();
    return Fact.known(new BucketFacts.Encryption(a, k));
  }

  /**
   * An alicloud_image: created by the apply, so it exists, is the account's own and Available when
   * an export runs; its name, platform and architecture as set, its disks from its source
   * ({@link ImageDisks}). What comes from the source instance or snapshot stays unknown.
   */
  private void image(PlanIndex.Instance i) {
    Fact<JsonNode> mapping = plan.attribute(i, "disk_device_mapping");
    Fact<List<ImageDisks.Mapping>> entries = mapping.isPresent() && mapping.value().isArray()
        ? Fact.known(mappings(mapping.value())) : mapping.isKnown() ? Fact.known(null) : Fact.unknown(mapping.reason());
    Fact<String> name = first(plan.string(i, "image_name"), plan.string(i, "name"));
    if (name.isKnown() && name.value() == null) {
      name = Fact.unknown(i.address() + " sets no image_name: the name it is given is not known before apply");
    }
    out.images.add(new Declarations.Image(key(i), plan.string(i, "id"), name, plan.string(i, "description"),
        plan.string(i, "platform"), plan.string(i, "architecture"),
        ImageDisks.of(i.address(), entries, plan.string(i, "instance_id"), plan.string(i, "snapshot_id")), at(i)));
  }

  private static List<ImageDisks.Mapping> mappings(JsonNode mapping) {
    List<ImageDisks.Mapping> out = new ArrayList<>();
    for (JsonNode d : mapping) {
      String type = d.path("disk_type").asText("");
      out.add(new ImageDisks.Mapping(d.path("device").asText(null), type.isEmpty() ? null : type,
          d.path("size").canConvertToInt() && d.path("size").asInt() > 0 ? d.path("size").asInt() : null,
          d.path("snapshot_id").asText(null)));
    }
    return out;
  }

  private void export(PlanIndex.Instance i) {
    PlanIndex.Ref image = plan.reference(i, "image_id");
    PlanIndex.Ref bucket = plan.reference(i, "oss_bucket");
    out.exports.add(new Declarations.Export(key(i), plan.file.file() + "#" + i.address(),
        plan.providerArgument(i, "region"), plan.string(i, "image_id"),
        image != null && image.target().type().equals("alicloud_image") ? key(image.target()) : null,
        plan.string(i, "oss_bucket"),
        bucket != null && bucket.target().type().equals("alicloud_oss_bucket") ? key(bucket.target()) : null,
        plan.string(i, "oss_prefix"), at(i)));
  }

  private void account(PlanIndex.Instance i, String attribute) {
    Fact<String> id = plan.string(i, attribute);
    if (id.isPresent() && id.value().matches("[0-9]+")) out.accounts.add(new Declarations.Account(id.value(), at(i)));
  }

  /**
   * The argument that is set, the current name before its deprecated one (newer provider versions
   * compute one from the other); unknown when neither is set and one is known only after apply.
   */
  private static Fact<String> first(Fact<String> current, Fact<String> deprecated) {
    if (current.isPresent()) return current;
    if (deprecated.isPresent()) return deprecated;
    return current.isKnown() ? deprecated : current;
  }

  private static Fact<String> text(JsonNode block, String field) {
    JsonNode v = block == null ? null : block.get(field);
    return Fact.known(v == null || v.isNull() ? null : v.asText());
  }

  private static boolean nonEmptyList(JsonNode v) { return v != null && v.isArray() && v.size() > 0; }
}
