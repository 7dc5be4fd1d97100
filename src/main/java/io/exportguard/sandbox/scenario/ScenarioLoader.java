package io.exportguard.sandbox.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.exportguard.sandbox.http.JsonTrees;
import io.exportguard.sandbox.scenario.Scenario.AccessKey;
import io.exportguard.sandbox.scenario.Scenario.Account;
import io.exportguard.sandbox.scenario.Scenario.Behaviour;
import io.exportguard.sandbox.scenario.Scenario.Bucket;
import io.exportguard.sandbox.scenario.Scenario.Disk;
import io.exportguard.sandbox.scenario.Scenario.Fault;
import io.exportguard.sandbox.scenario.Scenario.Group;
import io.exportguard.sandbox.scenario.Scenario.Image;
import io.exportguard.sandbox.scenario.Scenario.Policy;
import io.exportguard.sandbox.scenario.Scenario.Quotas;
import io.exportguard.sandbox.scenario.Scenario.Region;
import io.exportguard.sandbox.scenario.Scenario.Role;
import io.exportguard.sandbox.scenario.Scenario.Snapshot;
import io.exportguard.sandbox.scenario.Scenario.StoredObject;
import io.exportguard.sandbox.scenario.Scenario.Tag;
import io.exportguard.sandbox.scenario.Scenario.Task;
import io.exportguard.sandbox.scenario.Scenario.TaskExport;
import io.exportguard.sandbox.scenario.Scenario.User;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Loads a scenario from a built-in name ({@code demo-pass}, resource {@code scenarios/<name>.yaml})
 * or a file, and validates it completely: unknown keys, wrong types, bad enum values, duplicate ids
 * and dangling references are each reported as one {@link ScenarioException} naming the key path.
 */
public final class ScenarioLoader {
  /** A generated account of 10,000 images is about 3 MB; SnakeYAML stops at 3 MB by default. */
  static final int MAX_CODE_POINTS = 64 * 1024 * 1024;
  /** The YAML reader, loaded only when a scenario is read from YAML (a built-in one is read pre-parsed). */
  private static final class Yaml {
    static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder().loaderOptions(loaderOptions()).build())
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private static LoaderOptions loaderOptions() {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(MAX_CODE_POINTS);
      return options;
    }
  }
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
  private static final Pattern REGION_ID = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");

  private ScenarioLoader() {}

  /** A built-in scenario name when one exists, otherwise a path to a scenario file. */
  public static Scenario load(String nameOrPath) {
    if (nameOrPath == null || nameOrPath.isBlank()) {
      throw new ScenarioException("scenario: a built-in name or a file path is required");
    }
    if (isBuiltIn(nameOrPath)) {
      try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource(nameOrPath))) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        JsonNode preParsed = BuiltInScenarioForms.read(nameOrPath, text);
        if (preParsed != null) return build(nameOrPath + ".yaml", Node.root(nameOrPath + ".yaml", preParsed));
        return parse(nameOrPath + ".yaml", text);
      } catch (IOException e) {
        throw new ScenarioException("scenario " + nameOrPath + ": cannot read the built-in scenario: " + e.getMessage());
      }
    }
    Path path = Path.of(nameOrPath);
    if (!Files.isRegularFile(path)) {
      throw new ScenarioException("scenario " + nameOrPath
          + ": no built-in scenario of that name and no such file (built-in: demo-pass, demo-fail, or an ExportImage error code)");
    }
    try {
      return parse(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ScenarioException("scenario " + nameOrPath + ": cannot read the file: " + e.getMessage());
    }
  }

  public static boolean isBuiltIn(String name) {
    return !name.contains("/") && !name.contains("\\") && ScenarioLoader.class.getResource(resource(name)) != null;
  }

  /** The text of a built-in scenario (its first line says which request triggers its code). */
  public static String builtInText(String name) {
    try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource(name))) {
      if (in == null) {
        throw new ScenarioException("scenario " + name + ": no built-in scenario of that name");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException("scenario " + name + ": " + e.getMessage());
    }
  }

  private static String resource(String name) {
    return "/scenarios/" + name + ".yaml";
  }

  /** Parses and validates scenario text; {@code source} names it in errors. */
  public static Scenario parse(String source, String yaml) {
    return build(source, Node.root(source, yamlTree(source, yaml)));
  }

  /** The YAML text's tree, as the scenario is built from it. */
  static JsonNode yamlTree(String source, String yaml) {
    try {
      return Yaml.MAPPER.readTree(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw new ScenarioException("scenario " + source + where + ": " + yamlProblem(e.getOriginalMessage()));
    }
  }

  /** SnakeYAML's message without its indented source excerpts: "while parsing ...: expected ...". */
  private static String yamlProblem(String message) {
    String text = message.lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).reduce((a, b) -> a + ": " + b).orElse("");
    return text.isEmpty() ? "not valid YAML" : text;
  }

  private static Scenario build(String source, Node root) {
    root.onlyKeys("account", "regions", "images", "snapshots", "roles", "policies", "users", "groups", "buckets",
        "objects", "tasks", "quotas", "behaviour", "faults");
    Account account = account(root);
    List<Region> regions = regions(root);
    List<Snapshot> snapshots = snapshots(root);
    List<Image> images = images(root, regions, snapshots);
    List<Policy> policies = policies(root);
    List<Role> roles = roles(root, policies);
    List<Group> groups = groups(root, policies);
    List<User> users = users(root, policies, groups);
    List<Bucket> buckets = buckets(root, account.id());
    List<StoredObject> objects = objects(root, buckets);
    List<Task> tasks = tasks(root, images);
    Quotas quotas = ScenarioSettings.quotas(root);
    Behaviour behaviour = ScenarioSettings.behaviour(root);
    List<Fault> faults = ScenarioSettings.faults(root);
    return new Scenario(source, account, regions, images, snapshots, roles, policies, users, groups, buckets, objects,
        tasks, quotas, behaviour, faults);
  }

  private static Account account(Node root) {
    Node a = root.object("account");
    if (a == null) {
      throw root.error("account", "is required");
    }
    a.onlyKeys("id", "accessKeys");
    String id = a.stringOrInteger("id");
    if (!id.matches("[0-9]{1,20}")) {
      throw a.error("id", "must be a numeric account id, not '" + id + "'");
    }
    List<AccessKey> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node k : a.objects("accessKeys")) {
      k.onlyKeys("id", "secret", "securityToken");
      AccessKey key = new AccessKey(k.string("id"), k.string("secret"), k.string("securityToken", null));
      unique(seen, key.id(), k, "id");
      keys.add(key);
    }
    if (keys.isEmpty()) {
      throw a.error("accessKeys", "needs at least one access key");
    }
    return new Account(id, List.copyOf(keys));
  }

  private static List<Region> regions(Node root) {
    if (!root.has("regions")) {
      return List.of(new Region("cn-hangzhou", "China (Hangzhou)", true));
    }
    List<Region> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node r : root.objects("regions")) {
      r.onlyKeys("id", "localName", "exportSupported");
      String id = regionId(r, "id");
      unique(seen, id, r, "id");
      out.add(new Region(id, r.string("localName", id), r.bool("exportSupported", true)));
    }
    if (out.isEmpty()) {
      throw root.error("regions", "needs at least one region (leave the key out for cn-hangzhou only)");
    }
    return List.copyOf(out);
  }

  private static List<Snapshot> snapshots(Node root) {
    List<Snapshot> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node s : root.objects("snapshots")) {
      s.onlyKeys("id", "encrypted", "kmsKeyId", "productCode", "status");
      String id = s.string("id");
      unique(seen, id, s, "id");
      out.add(new Snapshot(id, s.bool("encrypted", false), s.string("kmsKeyId", null), s.string("productCode", ""),
          s.oneOf("status", "accomplished", "progressing", "accomplished", "failed")));
    }
    return List.copyOf(out);
  }

  private static List<Image> images(Node root, List<Region> regions, List<Snapshot> snapshots) {
    Set<String> snapshotIds = new HashSet<>();
    snapshots.forEach(s -> snapshotIds.add(s.id()));
    List<Image> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node i : root.objects("images")) {
      i.onlyKeys("id", "region", "name", "description", "tags", "status", "ownerAlias", "productCode", "osType",
          "platform", "architecture", "licenseExportable", "disks");
      String id = i.string("id");
      unique(seen, id, i, "id");
      String region = i.string("region");
      if (regions.stream().noneMatch(r -> r.id().equals(region))) {
        throw i.error("region", "no region " + region + " (declare it under regions)");
      }
      List<Tag> tags = new ArrayList<>();
      for (Node t : i.objects("tags")) {
        t.onlyKeys("key", "value");
        tags.add(new Tag(t.string("key"), t.string("value", "")));
      }
      List<Disk> disks = new ArrayList<>();
      Set<String> devices = new HashSet<>();
      for (Node d : i.objects("disks")) {
        d.onlyKeys("device", "type", "sizeGiB", "snapshotId");
        String device = d.string("device");
        if (!devices.add(device)) {
          throw d.error("device", "duplicate device " + device);
        }
        String snapshotId = d.string("snapshotId");
        if (!snapshotIds.contains(snapshotId)) {
          throw d.error("snapshotId", "no snapshot " + snapshotId);
        }
        disks.add(new Disk(device, d.oneOf("type", null, "system", "data"),
            (int) d.requiredInteger("sizeGiB", 1, 65536), snapshotId));
      }
      long systemDisks = disks.stream().filter(d -> d.type().equals("system")).count();
      if (systemDisks != 1) {
        throw i.error("disks", "needs exactly one disk of type system, found " + systemDisks);
      }
      out.add(new Image(id, region, i.string("name"), i.string("description", ""), List.copyOf(tags),
          i.oneOf("status", "Available", "Available", "Creating", "Waiting", "UnAvailable", "CreateFailed", "Deprecated"),
          i.oneOf("ownerAlias", "self", "self", "others", "system", "marketplace"),
          i.string("productCode", ""), i.oneOf("osType", "linux", "linux", "windows"),
          i.string("platform", "CentOS"), i.oneOf("architecture", "x86_64", "x86_64", "i386", "arm64"),
          i.bool("licenseExportable", true), List.copyOf(disks)));
    }
    return List.copyOf(out);
  }

  private static List<Policy> policies(Node root) {
    List<Policy> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node p : root.objects("policies")) {
      p.onlyKeys("name", "type", "description", "defaultVersion", "document");
      String name = p.string("name");
      unique(seen, name, p, "name");
      String version = p.string("defaultVersion", "v1");
      if (!version.matches("v[0-9]+")) {
        throw p.error("defaultVersion", "must look like v1, v2, ..., not '" + version + "'");
      }
      out.add(new Policy(name, p.oneOf("type", "Custom", "Custom", "System"), p.string("description", ""), version,
          document(p, "document", true)));
    }
    return List.copyOf(out);
  }

  private static List<Role> roles(Node root, List<Policy> policies) {
    List<Role> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node r : root.objects("roles")) {
      r.onlyKeys("name", "description", "trustPolicy", "attachedPolicies");
      String name = r.string("name");
      unique(seen, name, r, "name");
      out.add(new Role(name, r.string("description", ""), document(r, "trustPolicy", true), attached(r, policies)));
    }
    return List.copyOf(out);
  }

  private static List<Group> groups(Node root, List<Policy> policies) {
    List<Group> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node g : root.objects("groups")) {
      g.onlyKeys("name", "description", "attachedPolicies");
      String name = g.string("name");
      unique(seen, name, g, "name");
      out.add(new Group(name, g.string("description", ""), attached(g, policies)));
    }
    return List.copyOf(out);
  }

  private static List<User> users(Node root, List<Policy> policies, List<Group> groups) {
    List<User> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node u : root.objects("users")) {
      u.onlyKeys("name", "displayName", "attachedPolicies", "groups");
      String name = u.string("name");
      unique(seen, name, u, "name");
      List<String> memberOf = u.strings("groups");
      for (int k = 0; k < memberOf.size(); k++) {
        String group = memberOf.get(k);
        if (groups.stream().noneMatch(g -> g.name().equals(group))) {
          throw u.error("groups[" + k + "]", "no group " + group);
        }
      }
      out.add(new User(name, u.string("displayName", name), attached(u, policies), List.copyOf(memberOf)));
    }
    return List.copyOf(out);
  }

  /** The names under {@code attachedPolicies}, each a declared policy. */
  private static List<String> attached(Node n, List<Policy> policies) {
    List<String> attached = n.strings("attachedPolicies");
    for (int k = 0; k < attached.size(); k++) {
      String policy = attached.get(k);
      if (policies.stream().noneMatch(p -> p.name().equals(policy))) {
        throw n.error("attachedPolicies[" + k + "]", "no policy " + policy);
      }
    }
    return List.copyOf(attached);
  }

  private static List<Bucket> buckets(Node root, String accountId) {
    List<Bucket> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node b : root.objects("buckets")) {
      b.onlyKeys("name", "region", "acl", "encryption", "kmsKeyId", "versioning", "policy", "owner");
      String name = b.string("name");
      if (!BUCKET_NAME.matcher(name).matches()) {
        throw b.error("name", "'" + name + "' is not a valid bucket name (3-63 of a-z, 0-9, -, starting and ending with a letter or digit)");
      }
      unique(seen, name, b, "name");
      String encryption = b.oneOf("encryption", "none", "none", "AES256", "KMS");
      out.add(new Bucket(name, regionId(b, "region"),
          b.oneOf("acl", "private", "private", "public-read", "public-read-write"), encryption,
          b.string("kmsKeyId", null), b.has("versioning") ? b.oneOf("versioning", null, "Enabled", "Suspended") : null,
          document(b, "policy", false), owner(b, accountId)));
    }
    return List.copyOf(out);
  }

  private static String owner(Node b, String accountId) {
    if (!b.has("owner")) {
      return accountId;
    }
    String owner = b.stringOrInteger("owner");
    if (!owner.matches("[0-9]{1,20}")) {
      throw b.error("owner", "must be a numeric account id, not '" + owner + "'");
    }
    return owner;
  }

  private static List<StoredObject> objects(Node root, List<Bucket> buckets) {
    List<StoredObject> out = new ArrayList<>();
    for (Node o : root.objects("objects")) {
      o.onlyKeys("bucket", "key", "size");
      String bucket = o.string("bucket");
      if (buckets.stream().noneMatch(b -> b.name().equals(bucket))) {
        throw o.error("bucket", "no bucket " + bucket);
      }
      String key = o.string("key");
      if (key.isEmpty() || key.startsWith("/")) {
        throw o.error("key", "must be a non-empty object key not starting with /");
      }
      out.add(new StoredObject(bucket, key, o.integer("size", 0, 0, 1L << 20)));
    }
    return List.copyOf(out);
  }

  private static List<Task> tasks(Node root, List<Image> images) {
    Set<String> imageIds = new HashSet<>();
    images.forEach(i -> imageIds.add(i.id()));
    List<Task> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node t : root.objects("tasks")) {
      t.onlyKeys("id", "action", "imageId", "status", "createdAt", "ossBucket", "ossPrefix", "imageFormat",
          "errorCode", "errorMessage");
      String id = t.string("id");
      unique(seen, id, t, "id");
      String imageId = t.string("imageId");
      if (!imageIds.contains(imageId)) {
        throw t.error("imageId", "no image " + imageId);
      }
      Instant createdAt = Instant.now();
      String created = t.string("createdAt", null);
      if (created != null) {
        try {
          createdAt = Instant.parse(created);
        } catch (DateTimeParseException e) {
          throw t.error("createdAt", "must be an ISO-8601 UTC time like 2026-01-01T00:00:00Z, not '" + created + "'");
        }
      }
      String action = t.oneOf("action", "ExportImage", "ExportImage", "ImportImage", "RedeployInstance",
          "ModifyDiskSpec", "ArchiveSnapshot");
      String status = t.oneOf("status", "Processing", "Waiting", "Processing", "Finished", "Failed", "Cancelled");
      out.add(new Task(id, action, imageId, status, createdAt, taskExport(t, action),
          failure(t, status, "errorCode"), failure(t, status, "errorMessage")));
    }
    return List.copyOf(out);
  }

  /** Where an ExportImage task of the scenario exported to; null when it names no bucket. */
  private static TaskExport taskExport(Node t, String action) {
    if (!t.has("ossBucket")) {
      if (t.has("ossPrefix") || t.has("imageFormat")) {
        throw t.error("ossBucket", "is required when ossPrefix or imageFormat is given");
      }
      return null;
    }
    if (!action.equals("ExportImage")) {
      throw t.error("ossBucket", "only an ExportImage task exports to a bucket");
    }
    String bucket = t.string("ossBucket");
    if (!BUCKET_NAME.matcher(bucket).matches()) {
      throw t.error("ossBucket", "'" + bucket + "' is not a valid bucket name");
    }
    return new TaskExport(bucket, t.string("ossPrefix", null),
        t.oneOf("imageFormat", "raw", "raw", "vhd", "qcow2", "vmdk", "vdi"));
  }

  /** A failed task's error code or message; only a Failed task has them. */
  private static String failure(Node t, String status, String key) {
    if (t.has(key) && !status.equals("Failed")) {
      throw t.error(key, "only a Failed task has an " + key);
    }
    return t.string(key, null);
  }

  /** A policy document given as a mapping or as JSON text; returned as JSON text. */
  private static String document(Node n, String key, boolean required) {
    JsonNode v = n.raw(key);
    if (v == null) {
      if (required) {
        throw n.error(key, "is required");
      }
      return null;
    }
    try {
      if (v.isObject()) {
        return JsonTrees.write(v);
      }
      if (v.isTextual()) {
        JsonNode parsed = JsonTrees.read(v.asText());
        if (parsed == null || !parsed.isObject()) {
          throw n.error(key, "must be a JSON object");
        }
        return v.asText();
      }
    } catch (JsonProcessingException e) {
      throw n.error(key, "is not valid JSON: " + e.getOriginalMessage());
    }
    throw n.error(key, "must be a policy document (a mapping or JSON text)");
  }

  private static String regionId(Node n, String key) {
    String id = n.string(key);
    if (!REGION_ID.matcher(id).matches()) {
      throw n.error(key, "'" + id + "' is not a region id like cn-hangzhou");
    }
    return id;
  }

  private static void unique(Set<String> seen, String id, Node n, String key) {
    if (!seen.add(id)) {
      throw n.error(key, "duplicate " + key + " " + id);
    }
  }
}
