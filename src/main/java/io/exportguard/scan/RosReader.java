package io.exportguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.exportguard.facts.BucketFacts;
import io.exportguard.facts.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a ROS template (ROSTemplateFormatVersion 2015-09-01, YAML or JSON, short function tags
 * included) into {@link Declarations}, to the resource types' documented properties:
 * {@code ALIYUN::RAM::Role} (RoleName, AssumeRolePolicyDocument, Policies, PolicyAttachments),
 * {@code ALIYUN::RAM::ManagedPolicy} (PolicyName, PolicyDocument or PolicyDocumentUnchecked, Roles),
 * {@code ALIYUN::RAM::AttachPolicyToRole} (PolicyName, PolicyType, RoleName), {@code
 * ALIYUN::OSS::Bucket} (BucketName, AccessControl, Policy, ServerSideEncryptionConfiguration,
 * VersioningConfiguration, StorageClass) and {@code ALIYUN::ECS::CustomImage}. ROS has no resource
 * that exports an image, so a template's export is the request given by flags.
 *
 * <p>Parameters take the values of {@code --parameters}, else their defaults; {@code ALIYUN::Region}
 * is the request's region and {@code ALIYUN::AccountId} the account id when given. A resource whose
 * {@code Condition} is false is not created; one with {@code Count} is read once per index.
 */
final class RosReader implements RosFunctions.Names {
  static final String VERSION = "2015-09-01";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Count above this is not expanded: the template's facts for that resource stay unknown. */
  private static final int MAX_COUNT = 100;

  /** What a template is read with besides itself. */
  record Context(Map<String, JsonNode> parameters, Fact<String> region, Fact<String> accountId) {}

  private final SourceFile file;
  private final JsonNode root;
  private final Context context;
  private final RosFunctions functions;
  private final Map<String, Fact<JsonNode>> parameters = new HashMap<>();
  private final Map<String, Fact<Boolean>> conditions = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  private final Declarations out = new Declarations();
  private Integer index;

  private RosReader(SourceFile file, Context context) {
    this.file = file;
    this.root = file.root();
    this.context = context;
    this.functions = new RosFunctions(file, this);
  }

  /** True when a parsed file is a ROS template. */
  static boolean isTemplate(JsonNode root) {
    return root.isObject() && root.has("ROSTemplateFormatVersion");
  }

  static Declarations read(SourceFile file, Context context) throws ScanInputException {
    JsonNode version = file.root().get("ROSTemplateFormatVersion");
    if (version == null || !VERSION.equals(version.asText())) {
      throw file.error(file.root(), "ROSTemplateFormatVersion must be " + VERSION);
    }
    RosReader r = new RosReader(file, context);
    r.readParameters();
    r.readResources();
    return r.out;
  }

  private void readParameters() throws ScanInputException {
    JsonNode declared = root.path("Parameters");
    if (!declared.isMissingNode() && !declared.isObject()) throw file.error(declared, "Parameters must be a map");
    for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode given = context.parameters().get(name);
      JsonNode value = given != null ? given : e.getValue().get("Default");
      parameters.put(name, value == null ? Fact.unknown("parameter " + name + " has no value and no default: pass it with --parameters")
          : Fact.known(typed(e.getValue().path("Type").asText("String"), value)));
    }
  }

  /** A parameter value as its type reads it: a CommaDelimitedList given as text becomes a list. */
  private static JsonNode typed(String type, JsonNode value) {
    if (type.equals("CommaDelimitedList") && value.isTextual()) {
      var list = NODES.arrayNode();
      for (String s : value.asText().split(",", -1)) list.add(s.strip());
      return list;
    }
    return value;
  }

  private void readResources() throws ScanInputException {
    JsonNode resources = root.get("Resources");
    if (resources == null || !resources.isObject()) throw file.error(root, "a ROS template needs a Resources map");
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String id = e.getKey();
      JsonNode r = e.getValue();
      if (!r.isObject() || !r.path("Type").isTextual()) throw file.error(r, "resource " + id + " needs a Type");
      Fact<Boolean> created = r.has("Condition") ? functions.bool(r.get("Condition")) : Fact.known(true);
      if (created.isKnown() && !created.value()) continue;
      Fact<Boolean> exists = created.isKnown() ? Fact.known(true)
          : Fact.unknown("resource " + id + " is created only under a condition: " + created.reason());
      if (!r.has("Count")) {
        read(id, id, r, exists);
        continue;
      }
      Fact<JsonNode> count = functions.eval(r.get("Count"));
      if (!count.isKnown() || count.value() == null || !count.value().canConvertToInt() || count.value().asInt() > MAX_COUNT) {
        String why = count.isKnown() ? "its Count is not a number up to " + MAX_COUNT : count.reason();
        read(id, id, r, Fact.unknown("resource " + id + " has a Count that is not known: " + why));
        continue;
      }
      for (int i = 0; i < count.value().asInt(); i++) {
        index = i;
        try {
          read(id, id + "[" + i + "]", r, exists);
        } finally {
          index = null;
        }
      }
    }
  }

  private String key(String name) { return file.file() + "#" + name; }

  private void read(String id, String name, JsonNode r, Fact<Boolean> exists) throws ScanInputException {
    SourceLocation at = file.at(r, name);
    JsonNode props = r.path("Properties");
    switch (r.get("Type").asText()) {
      case "ALIYUN::RAM::Role" -> role(name, props, exists, at);
      case "ALIYUN::RAM::ManagedPolicy" -> managedPolicy(name, props, at);
      case "ALIYUN::RAM::AttachPolicyToRole" -> out.attachments.add(new Declarations.Attachment(
          string(props, "RoleName"), refersTo(props.get("RoleName")), string(props, "PolicyName"),
          refersTo(props.get("PolicyName")), string(props, "PolicyType"), at));
      case "ALIYUN::OSS::Bucket" -> bucket(name, props, exists, at);
      case "ALIYUN::ECS::CustomImage" -> image(name, props, at);
      default -> {
        // Other resource types do not bear on an export; their values are not evaluated.
      }
    }
  }

  private void role(String name, JsonNode props, Fact<Boolean> exists, SourceLocation at) throws ScanInputException {
    Fact<String> roleName = string(props, "RoleName");
    Fact<JsonNode> trust = property(props, "AssumeRolePolicyDocument");
    Fact<String> arn = roleName.isPresent() && context.accountId().isPresent()
        ? Fact.known(Policies.roleArn(context.accountId().value(), roleName.value()))
        : Fact.unknown("the role's ARN needs the account id: pass --account-id");
    out.roles.add(new Declarations.Role(key(name), roleName, trust.isKnown() ? Policies.fromTree(trust.value()) : trust,
        trust.isPresent() ? Policies.text(trust.value()) : null, arn, exists, false, at));
    Fact<JsonNode> inline = property(props, "Policies");
    if (!inline.isKnown()) {
      out.attachments.add(new Declarations.Attachment(roleName, key(name), Fact.unknown(inline.reason()), null,
          Fact.known("Custom"), at));
    } else if (inline.value() != null && inline.value().isArray()) {
      int n = 0;
      for (JsonNode p : inline.value()) {
        Fact<String> policyName = Fact.known(p.path("PolicyName").asText(null));
        String policyKey = key(name + ".Policies[" + n++ + "]");
        out.policies.add(new Declarations.Policy(policyKey, policyName, Policies.fromTree(p.get("PolicyDocument")),
            Policies.text(p.get("PolicyDocument")), at));
        out.attachments.add(new Declarations.Attachment(roleName, key(name), policyName, policyKey, Fact.known("Custom"), at));
      }
    }
    Fact<JsonNode> attached = property(props, "PolicyAttachments");
    if (!attached.isKnown()) {
      out.attachments.add(new Declarations.Attachment(roleName, key(name), Fact.unknown(attached.reason()), null,
          Fact.unknown(attached.reason()), at));
    } else if (attached.value() != null) {
      for (String type : List.of("System", "Custom")) {
        for (JsonNode p : attached.value().path(type)) {
          out.attachments.add(new Declarations.Attachment(roleName, key(name), Fact.known(p.asText()), null,
              Fact.known(type), at));
        }
      }
    }
  }

  private void managedPolicy(String name, JsonNode props, SourceLocation at) throws ScanInputException {
    Fact<String> policyName = string(props, "PolicyName");
    Fact<JsonNode> doc = props.has("PolicyDocumentUnchecked") ? property(props, "PolicyDocumentUnchecked")
        : property(props, "PolicyDocument");
    out.policies.add(new Declarations.Policy(key(name), policyName, doc.isKnown() ? Policies.fromTree(doc.value()) : doc,
        doc.isPresent() ? Policies.text(doc.value()) : null, at));
    JsonNode rolesExpr = props.get("Roles");
    if (rolesExpr == null) return;
    Fact<JsonNode> roles = functions.eval(rolesExpr);
    if (!roles.isKnown() || roles.value() == null || !roles.value().isArray()) {
      out.attachments.add(new Declarations.Attachment(roles.isKnown() ? Fact.unknown("Roles of " + name + " is not a list")
          : Fact.unknown(roles.reason()), null, policyName, key(name), Fact.known("Custom"), at));
      return;
    }
    int n = 0;
    for (JsonNode role : roles.value()) {
      JsonNode raw = rolesExpr.isArray() && n < rolesExpr.size() ? rolesExpr.get(n) : null;
      n++;
      out.attachments.add(new Declarations.Attachment(Fact.known(role.asText()), refersTo(raw), policyName, key(name),
          Fact.known("Custom"), at));
    }
  }

  private void bucket(String name, JsonNode props, Fact<Boolean> exists, SourceLocation at) throws ScanInputException {
    Fact<JsonNode> policy = property(props, "Policy");
    Fact<JsonNode> sse = property(props, "ServerSideEncryptionConfiguration");
    Fact<BucketFacts.Encryption> encryption = !sse.isKnown() ? Fact.unknown(sse.reason()) : sse.value() == null
        ? Fact.known(null) : Fact.known(new BucketFacts.Encryption(sse.value().path("SSEAlgorithm").asText("none"),
            sse.value().path("KMSMasterKeyID").asText(null)));
    Fact<JsonNode> versioning = property(props, "VersioningConfiguration");
    out.buckets.add(new Declarations.Bucket(key(name), string(props, "BucketName"), context.region(),
        string(props, "AccessControl"), policy.isKnown() ? Policies.fromTree(policy.value()) : policy,
        policy.isPresent() ? Policies.text(policy.value()) : null, encryption,
        versioning.map(v -> v.path("Status").asText(null)), string(props, "StorageClass"), exists, false, at));
  }

  /** An ALIYUN::ECS::CustomImage, read as TerraformReader reads an alicloud_image. */
  private void image(String name, JsonNode props, SourceLocation at) throws ScanInputException {
    Fact<JsonNode> mapping = property(props, "DiskDeviceMapping");
    Fact<List<ImageDisks.Mapping>> entries;
    if (!mapping.isKnown()) {
      entries = Fact.unknown(mapping.reason());
    } else if (mapping.value() == null || !mapping.value().isArray()) {
      entries = Fact.known(null);
    } else {
      List<ImageDisks.Mapping> list = new ArrayList<>();
      for (JsonNode d : mapping.value()) {
        String type = d.path("DiskType").asText("");
        JsonNode size = d.path("Size");
        list.add(new ImageDisks.Mapping(d.path("Device").asText(null), type.isEmpty() ? null : type,
            size.canConvertToInt() || size.asText("").matches("[0-9]+") ? Integer.valueOf(size.asInt()) : null,
            d.path("SnapshotId").asText(null)));
      }
      entries = Fact.known(list);
    }
    Fact<String> imageName = string(props, "ImageName");
    if (imageName.isKnown() && imageName.value() == null) {
      imageName = Fact.unknown(name + " sets no ImageName: the name it is given is not known before deployment");
    }
    out.images.add(new Declarations.Image(key(name), Fact.unknown("the id of " + name + " is known only after deployment"),
        imageName, string(props, "Description"), string(props, "Platform"), string(props, "Architecture"),
        ImageDisks.of(name, entries, string(props, "InstanceId"), string(props, "SnapshotId")), at));
  }

  /** A property's value, evaluated; known null when absent. */
  private Fact<JsonNode> property(JsonNode props, String name) throws ScanInputException {
    Fact<JsonNode> v = functions.eval(props.get(name));
    return v.isKnown() && v.value() == RosFunctions.NO_VALUE ? Fact.known(null) : v;
  }

  private Fact<String> string(JsonNode props, String name) throws ScanInputException {
    Fact<JsonNode> v = property(props, name);
    if (!v.isPresent()) return v.map(JsonNode::asText);
    if (!v.value().isValueNode()) throw file.error(props.get(name), name + " must be a string, not " + RosFunctions.describe(v.value()));
    return Fact.known(v.value().asText());
  }

  /** The resource a {@code Ref} or {@code Fn::GetAtt} names, as a declaration key; null otherwise. */
  private String refersTo(JsonNode expr) {
    if (expr == null || !expr.isObject() || expr.size() != 1) return null;
    JsonNode ref = expr.get("Ref");
    if (ref != null && ref.isTextual() && isResource(ref.asText())) return key(ref.asText());
    JsonNode att = expr.get("Fn::GetAtt");
    String target = att == null ? null : att.isArray() && att.size() > 0 ? att.get(0).asText()
        : att.isTextual() && att.asText().contains(".") ? att.asText().substring(0, att.asText().indexOf('.')) : null;
    return target != null && isResource(target) ? key(target) : null;
  }

  // --- RosFunctions.Names ---

  @Override
  public Fact<JsonNode> parameter(String name) {
    Fact<JsonNode> p = parameters.get(name);
    if (p != null) return p;
    return switch (name) {
      case "ALIYUN::Region" -> context.region().isPresent() ? Fact.known(NODES.textNode(context.region().value()))
          : Fact.unknown("ALIYUN::Region is the stack's region: pass --region");
      case "ALIYUN::AccountId" -> context.accountId().isPresent() ? Fact.known(NODES.textNode(context.accountId().value()))
          : Fact.unknown("ALIYUN::AccountId is the deploying account: pass --account-id");
      case "ALIYUN::StackName", "ALIYUN::StackId", "ALIYUN::TenantId" ->
          Fact.unknown(name + " is set by ROS when the stack is created");
      default -> null;
    };
  }

  @Override
  public boolean isResource(String logicalId) { return root.path("Resources").has(logicalId); }

  @Override
  public Fact<JsonNode> resourceId(String logicalId) throws ScanInputException {
    JsonNode r = root.path("Resources").path(logicalId);
    String property = switch (r.path("Type").asText()) {
      case "ALIYUN::RAM::Role" -> "RoleName";
      case "ALIYUN::RAM::ManagedPolicy" -> "PolicyName";
      case "ALIYUN::OSS::Bucket" -> "BucketName";
      default -> null;
    };
    if (property == null) return Fact.unknown("the id of " + logicalId + " is known only after deployment");
    return resourceProperty(logicalId, property);
  }

  @Override
  public Fact<JsonNode> attribute(String logicalId, String attribute) throws ScanInputException {
    String type = root.path("Resources").path(logicalId).path("Type").asText();
    String why = "attribute " + attribute + " of " + logicalId + " is known only after deployment";
    switch (type + "." + attribute) {
      case "ALIYUN::RAM::Role.RoleName", "ALIYUN::RAM::ManagedPolicy.PolicyName", "ALIYUN::OSS::Bucket.Name" -> {
        return resourceId(logicalId);
      }
      case "ALIYUN::RAM::Role.Arn" -> {
        Fact<JsonNode> name = resourceId(logicalId);
        if (!name.isKnown()) return name;
        if (!context.accountId().isPresent()) return Fact.unknown(why + " (pass --account-id)");
        return Fact.known(NODES.textNode(Policies.roleArn(context.accountId().value(), name.value().asText())));
      }
      case "ALIYUN::OSS::Bucket.DomainName", "ALIYUN::OSS::Bucket.InternalDomainName" -> {
        Fact<JsonNode> name = resourceId(logicalId);
        if (!name.isKnown()) return name;
        if (!context.region().isPresent()) return Fact.unknown(why + " (pass --region)");
        String internal = attribute.startsWith("Internal") ? "-internal" : "";
        return Fact.known(NODES.textNode(name.value().asText() + ".oss-" + context.region().value() + internal
            + ".aliyuncs.com"));
      }
      default -> {
        return Fact.unknown(why);
      }
    }
  }

  private Fact<JsonNode> resourceProperty(String logicalId, String property) throws ScanInputException {
    String key = logicalId + "." + property;
    if (!evaluating.add(key)) {
      throw file.error(root.path("Resources").path(logicalId), "resource " + logicalId + " refers to itself");
    }
    try {
      Fact<JsonNode> v = functions.eval(root.path("Resources").path(logicalId).path("Properties").get(property));
      return v.isKnown() && v.value() == null ? Fact.unknown(logicalId + " has no " + property) : v;
    } finally {
      evaluating.remove(key);
    }
  }

  @Override
  public Fact<Boolean> condition(String name) throws ScanInputException {
    Fact<Boolean> known = conditions.get(name);
    if (known != null) return known;
    JsonNode c = root.path("Conditions").get(name);
    if (c == null) return null;
    if (!evaluating.add("Conditions." + name)) throw file.error(c, "condition " + name + " refers to itself");
    try {
      Fact<Boolean> v = functions.bool(c);
      conditions.put(name, v);
      return v;
    } finally {
      evaluating.remove("Conditions." + name);
    }
  }

  @Override
  public JsonNode mappings() { return root.path("Mappings"); }

  @Override
  public Integer index() { return index; }
}
