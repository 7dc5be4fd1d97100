package io.exportguard.sandbox.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.sandbox.http.JsonTrees;
import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.Scenario.Disk;
import io.exportguard.sandbox.scenario.Scenario.Image;
import io.exportguard.sandbox.scenario.Scenario.Snapshot;
import io.exportguard.sandbox.state.AccountState;
import io.exportguard.sandbox.state.TaskRecord;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ECS (Version 2014-05-26): DescribeRegions, DescribeImages, DescribeSnapshots, DescribeTasks,
 * DescribeTaskAttribute, CancelTask and ExportImage. Lists use the service's wrapper shape
 * ({@code Images: {Image: [...]}}), which is the only one the core SDK's reader accepts.
 */
public final class EcsApi {
  private static final Set<String> IMAGE_STATUSES = Set.of("Creating", "Waiting", "Available", "UnAvailable", "CreateFailed", "Deprecated");
  private final AccountState state;
  private final Scenario scenario;
  private final ExportImageRules exportRules;
  /** Images never change while the sandbox runs, so each is rendered once. */
  private final Map<String, Map<String, Object>> renderedImages = new java.util.concurrent.ConcurrentHashMap<>();

  /** Lookups built once, so accounts with tens of thousands of images stay fast. */
  private final Map<String, Snapshot> snapshots = new java.util.HashMap<>();
  private final Map<String, Image> snapshotOwners = new java.util.HashMap<>();
  private final Map<String, List<Image>> imagesByRegion = new java.util.HashMap<>();

  public EcsApi(AccountState state) {
    this.state = state;
    this.scenario = state.scenario();
    this.exportRules = new ExportImageRules(state);
    for (Snapshot s : scenario.snapshots()) {
      snapshots.put(s.id(), s);
    }
    for (Image image : scenario.images()) {
      imagesByRegion.computeIfAbsent(image.region(), r -> new ArrayList<>()).add(image);
      for (Disk d : image.disks()) {
        snapshotOwners.putIfAbsent(d.snapshotId(), image);
      }
    }
  }

  public Map<String, RpcAction> actions() {
    Map<String, RpcAction> actions = new LinkedHashMap<>();
    actions.put("DescribeRegions", this::describeRegions);
    actions.put("DescribeImages", this::describeImages);
    actions.put("DescribeSnapshots", this::describeSnapshots);
    actions.put("DescribeTasks", this::describeTasks);
    actions.put("DescribeTaskAttribute", this::describeTaskAttribute);
    actions.put("CancelTask", this::cancelTask);
    actions.put("ExportImage", exportRules::export);
    return actions;
  }

  private Map<String, Object> describeRegions(RpcCall call) {
    List<Object> regions = new ArrayList<>();
    for (Scenario.Region r : scenario.regions()) {
      Map<String, Object> region = new LinkedHashMap<>();
      region.put("RegionId", r.id());
      region.put("LocalName", r.localName());
      region.put("RegionEndpoint", "ecs." + r.id() + ".aliyuncs.com");
      region.put("Status", "available");
      regions.add(region);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Regions", Map.of("Region", regions));
    return body;
  }

  /** The region the call names, which must exist. */
  private String region(RpcCall call) {
    String region = call.required("RegionId");
    if (scenario.region(region).isEmpty()) {
      throw new RpcError(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");
    }
    return region;
  }

  private Map<String, Object> describeImages(RpcCall call) {
    String region = region(call);
    Set<String> ids = csv(call.param("ImageId"));
    String alias = call.param("ImageOwnerAlias");
    Set<String> statuses = csv(call.param("Status"));
    if (statuses.isEmpty()) {
      statuses = Set.of("Available");
    }
    for (String s : statuses) {
      if (!s.equals("ALL") && !IMAGE_STATUSES.contains(s)) {
        throw RpcError.invalid("Status");
      }
    }
    boolean all = statuses.contains("ALL");
    String name = call.param("ImageName");
    String osType = call.param("OSType");
    Page page = Page.of(call, 10);
    List<Image> matching = new ArrayList<>();
    for (Image image : imagesByRegion.getOrDefault(region, List.of())) {
      if ((ids.isEmpty() || ids.contains(image.id()))
          && (alias == null || alias.equals(image.ownerAlias())) && (all || statuses.contains(image.status()))
          && (name == null || name.equals(image.name())) && (osType == null || osType.equalsIgnoreCase(image.osType()))) {
        matching.add(image);
      }
    }
    List<Object> images = new ArrayList<>();
    for (Image image : page.slice(matching)) {
      images.add(renderedImages.computeIfAbsent(image.id(), id -> imageJson(image)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("RegionId", region);
    page.describe(body, matching.size());
    body.put("Images", Map.of("Image", images));
    return body;
  }

  private Map<String, Object> imageJson(Image image) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ImageId", image.id());
    m.put("ImageName", image.name());
    m.put("Description", image.description());
    m.put("Status", image.status());
    m.put("Progress", image.status().equals("Available") ? "100%" : "0%");
    m.put("ImageOwnerAlias", image.ownerAlias());
    if (image.ownerAlias().equals("others")) {
      m.put("ImageOwnerId", 1000000000000001L);
    }
    m.put("ProductCode", image.productCode());
    m.put("IsSubscribed", false);
    m.put("IsPublic", image.ownerAlias().equals("system") || image.ownerAlias().equals("marketplace"));
    m.put("IsSelfShared", "");
    m.put("IsCopied", false);
    m.put("IsSupportCloudinit", true);
    m.put("IsSupportIoOptimized", true);
    m.put("Usage", "none");
    m.put("OSType", image.osType());
    m.put("Platform", image.platform());
    m.put("OSName", image.platform() + " " + image.architecture());
    m.put("OSNameEn", image.platform() + " " + image.architecture());
    m.put("Architecture", image.architecture());
    m.put("BootMode", "BIOS");
    m.put("Size", image.systemDisk().sizeGiB());
    m.put("CreationTime", Times.RESOURCE_CREATED);
    m.put("ImageVersion", "");
    m.put("ImageFamily", "");
    m.put("ResourceGroupId", "");
    List<Object> tags = new ArrayList<>();
    for (Scenario.Tag t : image.tags()) {
      tags.add(Map.of("TagKey", t.key(), "TagValue", t.value()));
    }
    m.put("Tags", Map.of("Tag", tags));
    List<Object> disks = new ArrayList<>();
    for (Disk d : image.disks()) {
      Map<String, Object> disk = new LinkedHashMap<>();
      disk.put("SnapshotId", d.snapshotId());
      disk.put("Size", String.valueOf(d.sizeGiB()));
      disk.put("Device", d.device());
      disk.put("Type", d.type());
      disk.put("Format", "");
      disk.put("ImportOSSBucket", "");
      disk.put("ImportOSSObject", "");
      disk.put("Progress", "100%");
      disk.put("RemainTime", 0);
      disk.put("Encrypted", snapshots.containsKey(d.snapshotId()) && snapshots.get(d.snapshotId()).encrypted());
      disks.add(disk);
    }
    m.put("DiskDeviceMappings", Map.of("DiskDeviceMapping", disks));
    return m;
  }

  private Map<String, Object> describeSnapshots(RpcCall call) {
    String region = region(call);
    Set<String> ids = new LinkedHashSet<>();
    String rawIds = call.param("SnapshotIds");
    if (rawIds != null) {
      try {
        JsonNode parsed = JsonTrees.read(rawIds);
        if (parsed == null || !parsed.isArray() || parsed.size() > 100) {
          throw RpcError.invalid("SnapshotIds");
        }
        parsed.forEach(n -> ids.add(n.asText()));
      } catch (IOException e) {
        throw RpcError.invalid("SnapshotIds");
      }
    }
    String status = Optional.ofNullable(call.param("Status")).orElse("all");
    if (!Set.of("progressing", "accomplished", "failed", "all").contains(status)) {
      throw RpcError.invalid("Status");
    }
    String encrypted = call.param("Encrypted");
    List<Map<String, Object>> matching = new ArrayList<>();
    // With ids, look each up (in the account's order); without, walk them all.
    List<Snapshot> candidates = ids.isEmpty() ? scenario.snapshots()
        : scenario.snapshots().size() <= ids.size() ? scenario.snapshots().stream().filter(s -> ids.contains(s.id())).toList()
        : ids.stream().map(snapshots::get).filter(s -> s != null).toList();
    for (Snapshot s : candidates) {
      Optional<Image> owner = Optional.ofNullable(snapshotOwners.get(s.id()));
      String snapshotRegion = owner.map(Image::region).orElse(scenario.regions().get(0).id());
      if (snapshotRegion.equals(region) && (status.equals("all") || status.equals(s.status()))
          && (encrypted == null || Boolean.parseBoolean(encrypted) == s.encrypted())) {
        Optional<Disk> disk = owner.flatMap(i -> i.disks().stream().filter(d -> d.snapshotId().equals(s.id())).findFirst());
        matching.add(snapshotJson(s, region, disk));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (call.param("MaxResults") != null || call.param("NextToken") != null) {
      int max = call.integer("MaxResults", 10, 1, 100);
      int from = 0;
      if (call.param("NextToken") != null) {
        try {
          from = Integer.parseInt(call.param("NextToken"));
        } catch (NumberFormatException e) {
          throw new RpcError(400, "InvalidParameter.NextToken", "The specified parameter \"NextToken\" is not valid.");
        }
      }
      int to = Math.min(matching.size(), from + max);
      body.put("TotalCount", matching.size());
      body.put("NextToken", to < matching.size() ? String.valueOf(to) : "");
      body.put("Snapshots", Map.of("Snapshot", from >= matching.size() ? List.of() : matching.subList(from, to)));
      return body;
    }
    Page page = Page.of(call, 10);
    page.describe(body, matching.size());
    body.put("NextToken", "");
    body.put("Snapshots", Map.of("Snapshot", page.slice(matching)));
    return body;
  }

  private Map<String, Object> snapshotJson(Snapshot s, String region, Optional<Disk> disk) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("SnapshotId", s.id());
    m.put("SnapshotName", "");
    m.put("Status", s.status());
    m.put("Progress", s.status().equals("accomplished") ? "100%" : "0%");
    m.put("Encrypted", s.encrypted());
    m.put("KMSKeyId", s.kmsKeyId() == null ? "" : s.kmsKeyId());
    m.put("SourceDiskId", "d-" + s.id().replaceFirst("^s-", ""));
    m.put("SourceDiskSize", disk.map(d -> String.valueOf(d.sizeGiB())).orElse("0"));
    m.put("SourceDiskType", disk.map(Disk::type).orElse("data"));
    m.put("ProductCode", s.productCode());
    m.put("Usage", disk.isPresent() ? "image" : "none");
    m.put("Category", "standard");
    m.put("SnapshotType", "user");
    m.put("RegionId", region);
    m.put("CreationTime", Times.RESOURCE_CREATED);
    m.put("LastModifiedTime", Times.RESOURCE_CREATED);
    m.put("Available", s.status().equals("accomplished"));
    m.put("Tags", Map.of("Tag", List.of()));
    return m;
  }

  private Map<String, Object> describeTasks(RpcCall call) {
    String region = region(call);
    Set<String> ids = csv(call.param("TaskIds"));
    if (ids.size() > 100) {
      throw RpcError.invalid("TaskIds");
    }
    String action = call.param("TaskAction");
    String status = call.param("TaskStatus");
    Instant startTime = time(call, "StartTime");
    Instant endTime = time(call, "EndTime");
    Set<String> resources = new LinkedHashSet<>();
    for (int n = 1; call.param("ResourceIds." + n) != null; n++) {
      resources.add(call.param("ResourceIds." + n));
    }
    Page page = Page.of(call, 10);
    List<TaskRecord> matching = new ArrayList<>();
    for (TaskRecord t : state.tasks()) {
      if (t.regionId().equals(region) && (ids.isEmpty() || ids.contains(t.id()))
          && (action == null || action.equals(t.action())) && (status == null || status.equals(t.status()))
          && (resources.isEmpty() || resources.contains(t.imageId()))
          && (startTime == null || !t.createdAt().isBefore(startTime)) && (endTime == null || !t.createdAt().isAfter(endTime))) {
        matching.add(t);
      }
    }
    List<Object> tasks = new ArrayList<>();
    for (TaskRecord t : page.slice(matching)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("TaskId", t.id());
      m.put("TaskAction", t.action());
      m.put("TaskStatus", t.status());
      m.put("ResourceId", t.imageId());
      m.put("CreationTime", Times.minutes(t.createdAt()));
      m.put("FinishedTime", Times.minutes(t.finishedAt()));
      m.put("SupportCancel", String.valueOf(t.inProgress()));
      tasks.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("RegionId", region);
    page.describe(body, matching.size());
    body.put("TaskSet", Map.of("Task", tasks));
    return body;
  }

  /** A UTC time filter; the API takes {@code yyyy-MM-ddTHH:mmZ}, and seconds are accepted too. */
  private static Instant time(RpcCall call, String name) {
    String v = call.param(name);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v.length() == 17 ? v.substring(0, 16) + ":00Z" : v);
    } catch (DateTimeParseException e) {
      throw RpcError.invalid(name);
    }
  }

  private TaskRecord task(RpcCall call, String region) {
    String id = call.required("TaskId");
    return state.task(id).filter(t -> t.regionId().equals(region))
        .orElseThrow(() -> new RpcError(404, "InvalidTaskId.NotFound", "The specified TaskId does not exist."));
  }

  private Map<String, Object> describeTaskAttribute(RpcCall call) {
    String region = region(call);
    TaskRecord t = task(call, region);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("TaskId", t.id());
    body.put("RegionId", t.regionId());
    body.put("TaskAction", t.action());
    String status = t.status();
    body.put("TaskStatus", status);
    body.put("TaskProcess", t.progress(state.now()));
    body.put("CreationTime", Times.minutes(t.createdAt()));
    body.put("FinishedTime", Times.minutes(t.finishedAt()));
    body.put("SupportCancel", String.valueOf(t.inProgress()));
    List<Object> operations = new ArrayList<>();
    if (t.export() != null) {
      boolean failed = status.equals("Cancelled") || status.equals("Failed");
      String errorCode = status.equals("Cancelled") ? "TaskCancelled" : failed ? nonNull(t.errorCode(), "ExportImageFailed") : "";
      String errorMsg = status.equals("Cancelled") ? "The task was cancelled."
          : failed ? nonNull(t.errorMessage(), "The image export failed.") : "";
      for (TaskRecord.PlannedObject o : t.export().objects()) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("OperationStatus", status.equals("Finished") ? "Success" : failed ? "Failed" : "Processing");
        op.put("ErrorCode", errorCode);
        op.put("ErrorMsg", errorMsg);
        List<Object> items = List.of(item("OSSBucket", t.export().bucket()), item("OSSObject", o.key()),
            item("ImageFormat", t.export().format()), item("DiskDevice", o.diskDevice()));
        op.put("RelatedItemSet", Map.of("RelatedItem", items));
        operations.add(op);
      }
    }
    int total = operations.size();
    body.put("TotalCount", total);
    body.put("SuccessCount", status.equals("Finished") ? total : 0);
    body.put("FailedCount", status.equals("Cancelled") || status.equals("Failed") ? total : 0);
    body.put("OperationProgressSet", Map.of("OperationProgress", operations));
    return body;
  }

  private static String nonNull(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static Map<String, Object> item(String name, String value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Name", name);
    m.put("Value", value);
    return m;
  }

  private Map<String, Object> cancelTask(RpcCall call) {
    String region = region(call);
    TaskRecord t = task(call, region);
    if (!state.cancel(t)) {
      throw new RpcError(403, "IncorrectTaskStatus", "The current status of the task does not support this operation.");
    }
    return new LinkedHashMap<>();
  }

  private static Set<String> csv(String value) {
    Set<String> out = new LinkedHashSet<>();
    if (value != null) {
      Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }

}
