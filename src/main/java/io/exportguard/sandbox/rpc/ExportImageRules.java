package io.exportguard.sandbox.rpc;

import io.exportguard.sandbox.policy.ExportRoleCheck;
import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.Scenario.Disk;
import io.exportguard.sandbox.scenario.Scenario.Image;
import io.exportguard.sandbox.state.AccountState;
import io.exportguard.sandbox.state.TaskRecord;
import io.exportguard.sandbox.state.TaskRecord.ExportPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ExportImage as the service does it. The rules run in this fixed order and the first that fails
 * answers (HTTP status in brackets):
 *
 * <ol>
 *   <li>{@code MissingParameter} [400]: RegionId, then ImageId, then OSSBucket.
 *   <li>{@code InvalidOSSPrefix.Malformed} [400]: OSSPrefix given but not 1–30 letters or digits.
 *   <li>{@code InvalidImageFormat.Malformed} [400]: ImageFormat given but not raw, vhd, qcow2, vmdk or vdi.
 *   <li>{@code InvalidOSSBucket.NotMatched} [400]: OSSBucket breaks the OSS naming rules.
 *   <li>{@code InvalidRegionId.NotFound} [404]: RegionId is not one of the scenario's regions.
 *   <li>{@code InvalidRegion.NotSupport} [400]: the region has {@code exportSupported: false}.
 *   <li>{@code UserNotInTheWhiteList} [403]: {@code quotas.exportWhitelisted: false}.
 *   <li>{@code InvalidImageId.NotFound} [404]: no such image in the region, or it is not the
 *       account's own ({@code ownerAlias} others or system).
 *   <li>{@code InvalidImageName.Malformed} [400]: the image's own name breaks the naming rule
 *       (2–128 characters, first a letter or a Chinese character, then those, digits, '.', '_', '-').
 *   <li>{@code IncorrectImageStatus} [400]: the image is not Available.
 *   <li>{@code ImageNotSupported} [400]: a marketplace image (ownerAlias marketplace or a product
 *       code on the image or one of its snapshots), or an image with an encrypted snapshot.
 *   <li>{@code InvalidImageLicense.NotSupported} [403]: the image has {@code licenseExportable: false}.
 *   <li>{@code InvalidImage.DiskAmountOrSize} [400]: more than 4 data disks, or one over 500 GiB.
 *   <li>{@code ImageIsExporting} [403]: an ExportImage task of this image is in progress.
 *   <li>{@code ConcurrentQuotaExceed.ExportImage} [403]: in-progress exports in the region have
 *       reached {@code quotas.concurrentExports}.
 *   <li>{@code WeeklyQuotaExceed.ExportImage} [403]: exports created in the last 7 days have reached
 *       {@code quotas.weeklyExports}.
 *   <li>{@code InvalidOSSBucket.NotFound} [400]: no such bucket, or it is in another region.
 *   <li>{@code NoSetRoletoECSServiceAcount} [403]: the role (RoleName, default
 *       AliyunECSImageExportDefaultRole) is missing, does not trust ecs.aliyuncs.com in the documented
 *       form, is not certainly allowed one of the eight OSS actions on the bucket or on every object it
 *       may write under the prefix, or a Deny (its policies, or the bucket policy for a principal that
 *       may be the role's session) may match one. The rules are the policy pack's (see {@link ExportRoleCheck}).
 *   <li>{@code DryRunOperation} [400]: DryRun=true and every rule passed.
 * </ol>
 *
 * <p>On success it creates a task that is Processing for {@code behaviour.exportSeconds} and then
 * Finished, writing one object per disk: {@code <prefix>_<imageId>_system.<ext>} and
 * {@code <prefix>_<imageId>_data-<device>.<ext>} ({@code <device>} the last part of the device
 * path, {@code <ext>} {@code raw.tar.gz} for raw, else the format; without a prefix the names start
 * at the image id).
 */
public final class ExportImageRules {
  public static final String DEFAULT_ROLE = "AliyunECSImageExportDefaultRole";
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,30}");
  private static final Set<String> FORMATS = Set.of("raw", "vhd", "qcow2", "vmdk", "vdi");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

  private final AccountState state;
  private final Scenario scenario;

  public ExportImageRules(AccountState state) {
    this.state = state;
    this.scenario = state.scenario();
  }

  Map<String, Object> export(RpcCall call) {
    String region = call.required("RegionId");
    String imageId = call.required("ImageId");
    String bucket = call.required("OSSBucket");
    String prefix = call.param("OSSPrefix");
    if (prefix != null && !PREFIX.matcher(prefix).matches()) {
      throw new RpcError(400, "InvalidOSSPrefix.Malformed", "The specified parameter \"OSSPrefix\" is not valid: 1-30 letters or digits.");
    }
    String format = Optional.ofNullable(call.param("ImageFormat")).orElse("raw");
    if (!FORMATS.contains(format)) {
      throw new RpcError(400, "InvalidImageFormat.Malformed", "The specified parameter \"ImageFormat\" is not valid: raw, vhd, qcow2, vmdk or vdi.");
    }
    if (!BUCKET.matcher(bucket).matches()) {
      throw new RpcError(400, "InvalidOSSBucket.NotMatched", "The specified OSSBucket \"" + bucket + "\" does not match the OSS bucket naming rules.");
    }
    Scenario.Region regionSpec = scenario.region(region)
        .orElseThrow(() -> new RpcError(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist."));
    if (!regionSpec.exportSupported()) {
      throw new RpcError(400, "InvalidRegion.NotSupport", "The specified region does not support exporting images.");
    }
    if (!scenario.quotas().exportWhitelisted()) {
      throw new RpcError(403, "UserNotInTheWhiteList", "The user is not in the white list of exporting images. Please submit a ticket.");
    }
    Image image = scenario.image(imageId).filter(i -> i.region().equals(region))
        .filter(i -> !i.ownerAlias().equals("others") && !i.ownerAlias().equals("system"))
        .orElseThrow(() -> new RpcError(404, "InvalidImageId.NotFound", "The specified ImageId does not exist under this account."));
    if (!validImageName(image.name())) {
      throw new RpcError(400, "InvalidImageName.Malformed", "The name of the specified image is not valid.");
    }
    if (!image.status().equals("Available")) {
      throw new RpcError(400, "IncorrectImageStatus", "Image is not available.");
    }
    checkSupported(image);
    if (!image.licenseExportable()) {
      throw new RpcError(403, "InvalidImageLicense.NotSupported", "The license of the specified image does not allow exporting it.");
    }
    List<Disk> data = image.dataDisks();
    if (data.size() > 4 || data.stream().anyMatch(d -> d.sizeGiB() > 500)) {
      throw new RpcError(400, "InvalidImage.DiskAmountOrSize", "The image has more than 4 data disks or a data disk larger than 500 GiB.");
    }
    checkTasks(image, region);
    Scenario.Bucket bucketSpec = scenario.bucket(bucket).filter(b -> b.region().equals(region))
        .orElseThrow(() -> new RpcError(400, "InvalidOSSBucket.NotFound", "The specified OSS bucket does not exist in this region."));
    String role = Optional.ofNullable(call.param("RoleName")).orElse(DEFAULT_ROLE);
    Optional<String> roleProblem = ExportRoleCheck.problem(scenario, role, bucketSpec.name(), prefix);
    if (roleProblem.isPresent()) {
      throw new RpcError(403, "NoSetRoletoECSServiceAcount",
          "The role for exporting images to OSS is not set up correctly: " + roleProblem.get() + ".");
    }
    if ("true".equalsIgnoreCase(call.param("DryRun"))) {
      throw new RpcError(400, "DryRunOperation", "Request validation has been passed with DryRun flag set.");
    }
    TaskRecord task = state.startExport(image.id(), region, ExportPlan.of(image, bucketSpec.name(), prefix, format));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("RegionId", region);
    body.put("TaskId", task.id());
    return body;
  }

  private void checkSupported(Image image) {
    boolean marketplace = image.ownerAlias().equals("marketplace") || !image.productCode().isEmpty();
    boolean encrypted = false;
    for (Disk d : image.disks()) {
      Optional<Scenario.Snapshot> s = scenario.snapshot(d.snapshotId());
      marketplace |= s.map(x -> !x.productCode().isEmpty()).orElse(false);
      encrypted |= s.map(Scenario.Snapshot::encrypted).orElse(false);
    }
    if (marketplace) {
      throw new RpcError(400, "ImageNotSupported", "Images from the Alibaba Cloud Marketplace, or created from them, cannot be exported.");
    }
    if (encrypted) {
      throw new RpcError(400, "ImageNotSupported", "Images that contain encrypted snapshots cannot be exported.");
    }
  }

  private void checkTasks(Image image, String region) {
    Instant weekAgo = state.now().minus(Duration.ofDays(7));
    int concurrent = 0;
    int weekly = 0;
    for (TaskRecord t : state.tasks()) {
      if (!t.action().equals("ExportImage") || !t.regionId().equals(region)) {
        continue;
      }
      if (t.inProgress() && t.imageId().equals(image.id())) {
        throw new RpcError(403, "ImageIsExporting", "The specified image is being exported.");
      }
      if (t.inProgress()) {
        concurrent++;
      }
      if (t.createdAt().isAfter(weekAgo)) {
        weekly++;
      }
    }
    if (concurrent >= scenario.quotas().concurrentExports()) {
      throw new RpcError(403, "ConcurrentQuotaExceed.ExportImage", "The number of concurrent image exports exceeds the quota.");
    }
    if (weekly >= scenario.quotas().weeklyExports()) {
      throw new RpcError(403, "WeeklyQuotaExceed.ExportImage", "The number of image exports this week exceeds the quota.");
    }
  }

  /** 2–128 characters; first an English letter or a Chinese character; then those, digits, '.', '_' or '-'. */
  static boolean validImageName(String name) {
    int[] cps = name.codePoints().toArray();
    if (cps.length < 2 || cps.length > 128 || name.startsWith("http://") || name.startsWith("https://")) {
      return false;
    }
    if (!letter(cps[0])) {
      return false;
    }
    for (int cp : cps) {
      if (!letter(cp) && !(cp >= '0' && cp <= '9') && cp != '.' && cp != '_' && cp != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean letter(int cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
