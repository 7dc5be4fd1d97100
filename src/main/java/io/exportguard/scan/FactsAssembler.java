package io.exportguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.facts.BucketFacts;
import io.exportguard.facts.FactError;
import io.exportguard.facts.Facts;
import io.exportguard.facts.FactsDocument;
import io.exportguard.facts.FactsTree;
import io.exportguard.facts.ImageFacts;
import io.exportguard.facts.Request;
import io.exportguard.facts.RoleFacts;
import io.exportguard.facts.Skipped;
import io.exportguard.facts.SourceLocation;
import io.exportguard.facts.TargetFacts;
import io.exportguard.facts.TargetRef;
import io.exportguard.facts.Unknown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the scanned files declare into the facts document of one export request
 * ({@code exportguard.facts/v1}), the same document preflight gathers, so the same policies decide
 * with the same check ids, messages and {@code prevents} codes. What the files declare is used as it
 * will be once they are applied (a new role, its attached policies, a bucket with its ACL, policy and
 * encryption); what they do not declare comes from the facts gathered elsewhere ({@code --live},
 * {@code --facts}) when those are about the same region, image, role or bucket, and is otherwise
 * {@link Unknown}, so the checks that need it are skipped with the reason. Values known only after
 * apply are unknown the same way, never empty.
 *
 * <p>Each declaration's place in its file is recorded by fact name ({@code role},
 * {@code rolePolicies}, {@code bucket.acl}, ...) so findings point at the resource they are about.
 */
public final class FactsAssembler {

  /**
   * One export request to decide: declared by a file (an alicloud_image_export) or given by flags.
   *
   * @param file the file that declares it (declarations of the same file are preferred), or null
   * @param imageKey the declared image it refers to, or null
   * @param bucketKey the declared bucket it refers to, or null
   * @param undeclared why there is no request to decide (no export declared, no request flags), or
   *     null: then the prefix, format and role a request leaves out are ExportImage's defaults. When
   *     set, those stay unknown for the request-level checks (they would decide a request nobody
   *     made), while the default role name still says which declared role the role checks are about.
   */
  public record Target(String kind, String label, SourceLocation location, String file, Fact<String> regionId,
                       Fact<String> imageId, String imageKey, Fact<String> bucket, String bucketKey, Fact<String> prefix,
                       Fact<String> format, Fact<String> roleName, String undeclared) {}

  /** Facts gathered elsewhere (live, or a saved document) for what the files do not declare. */
  public interface Outside {
    /** The facts for a request whose unknown parts are null; null when there are none. */
    FactsDocument forRequest(Request request);
  }

  private final Declarations world;
  private final Fact<String> accountFlag;
  private final Outside outside;
  private final Set<String> notes = new LinkedHashSet<>();

  public FactsAssembler(Declarations world, Fact<String> accountFlag, Outside outside) {
    this.world = world;
    this.accountFlag = accountFlag;
    this.outside = outside;
  }

  /** What the scope statement should say about where facts came from (collected while assembling). */
  public synchronized List<String> notes() { return List.copyOf(notes); }

  /** The facts of one target. */
  public TargetFacts assemble(Target t) {
    Build b = new Build(t);
    return b.facts();
  }

  /** The state of one assembly. */
  private final class Build {
    final Target t;
    final List<Unknown> unknown = new ArrayList<>();
    final Map<String, SourceLocation> sources = new LinkedHashMap<>();
    final List<FactError> errors = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();
    Facts outsideFacts;

    Build(Target t) { this.t = t; }

    TargetFacts facts() {
      Declarations.Bucket declaredBucket = bucket();
      Fact<String> bucketName = t.bucket();
      if (!bucketName.isKnown() && declaredBucket != null && declaredBucket.name().isPresent()) {
        bucketName = declaredBucket.name();
      }
      Request request = new Request(value("request.regionId", t.regionId()), value("request.imageId", t.imageId()),
          value("request.ossBucket", bucketName), value("request.ossPrefix", t.prefix()),
          value("request.imageFormat", t.format().orElse(Request.DEFAULT_FORMAT)),
          value("request.roleName", t.roleName().orElse(Request.DEFAULT_ROLE)));
      if (t.location() != null) sources.put("request", t.location());
      if (t.undeclared() != null) {
        for (String field : List.of("request.ossPrefix", "request.imageFormat", "request.roleName")) {
          unknown.add(new Unknown(field, t.undeclared()));
        }
      }
      FactsDocument gathered = outside == null ? null : outside.forRequest(request);
      outsideFacts = gathered == null ? null : gathered.facts();

      var region = fromOutside("region", outsideFacts == null || !same(outsideFacts.request().regionId(), request.regionId())
          ? null : outsideFacts.region(), "whether region " + show(request.regionId()) + " exists and supports export is a"
          + " live fact outside the scanned files");
      ImageFacts image = image(request);
      var tasks = fromOutside("tasks", outsideFacts == null || !same(outsideFacts.request().regionId(), request.regionId())
          ? null : outsideFacts.tasks(), "the export tasks running in the region are live facts outside the scanned files");
      RoleFacts role = role(request);
      BucketFacts bucket = bucket(request, declaredBucket);

      Facts facts = new Facts(Facts.SCHEMA, request, region, image, role, bucket, tasks, errors, skipped, unknown);
      ObjectNode json = FactsTree.of(facts);
      for (Unknown u : unknown) remove(json, u.fact());
      return new TargetFacts(new TargetRef(t.kind(), t.label(), t.location()), new FactsDocument(facts, json), null, sources);
    }

    /** A known value, or null with the fact recorded as unknown. */
    <T> T value(String fact, Fact<T> v) {
      if (!v.isKnown()) unknown.add(new Unknown(fact, v.reason()));
      return v.value();
    }

    void unknownArea(String area, String reason) { unknown.add(new Unknown(area, reason)); }

    /** An area from the facts gathered elsewhere, with that area's errors and skips; unknown when absent. */
    <T> T fromOutside(String area, T value, String reason) {
      if (outsideFacts == null || value == null && !outsideFacts.failed(area)) {
        if (outsideFacts != null && outsideFacts.isSkipped(area)) {
          reason = outsideFacts.skipped().stream().filter(s -> s.area().equals(area)).findFirst().map(Skipped::reason)
              .orElse(reason);
        }
        unknownArea(area, reason);
        return null;
      }
      for (FactError e : outsideFacts.errors()) if (e.area().equals(area)) errors.add(e);
      return value;
    }

    // ---------------------------------------------------------------- image

    ImageFacts image(Request request) {
      Declarations.Image declared = null;
      for (Declarations.Image i : world.images) {
        if (i.key().equals(t.imageKey()) || (i.id().isPresent() && i.id().value().equals(request.imageId()))) {
          declared = i;
          break;
        }
      }
      if (declared == null) {
        boolean sameImage = outsideFacts != null && request.imageId() != null
            && request.imageId().equals(outsideFacts.request().imageId());
        String why = request.imageId() == null && t.imageId().isKnown()
            ? "no image is given (--image)" : "image " + show(request.imageId()) + " is not declared in the scanned files";
        ImageFacts image = fromOutside("image", sameImage ? outsideFacts.image() : null, why);
        if (image != null || (sameImage && outsideFacts.failed("snapshots"))) {
          for (FactError e : outsideFacts.errors()) if (e.area().equals("snapshots")) errors.add(e);
        } else {
          unknownArea("snapshots", why);
        }
        return image;
      }
      sources.put("image", declared.at());
      sources.put("snapshots", declared.at());
      // The image is created by the files, so it exists, is the account's own and is Available
      // when the export runs (Terraform and ROS wait for it); its lineage is its source's.
      unknownArea("image.productCode", "the image's product code comes from the instance or snapshot it is made"
          + " from, outside the scanned files");
      unknownArea("snapshots", "the image's snapshots are made when it is created; whether they are encrypted or"
          + " from the Marketplace depends on their source disks");
      String platform = value("image.platform", declared.platform());
      if (!declared.platform().isKnown() || platform == null) {
        if (declared.platform().isKnown()) unknownArea("image.platform", "the image's platform comes from its source");
        unknownArea("image.osType", "the image's OS type comes from its source");
      }
      String osType = platform == null ? null : platform.toLowerCase(Locale.ROOT).startsWith("windows") ? "windows" : "linux";
      List<ImageFacts.Disk> disks = value("image.disks", declared.disks());
      int data = disks == null ? 0 : (int) disks.stream().filter(d -> !"system".equals(d.type())).count();
      return new ImageFacts(request.imageId(), true, value("image.name", declared.name()),
          value("image.description", declared.description()), "Available", "self", null, osType, platform,
          value("image.architecture", declared.architecture()), null, List.of(), disks == null ? List.of() : disks, data);
    }

    // ---------------------------------------------------------------- role

    RoleFacts role(Request request) {
      String name = request.roleName();
      Declarations.Role declared = null;
      if (name != null) {
        for (Declarations.Role r : preferFile(world.roles, Declarations.Role::at)) {
          if (r.name().isPresent() && r.name().value().equalsIgnoreCase(name)) {
            declared = r;
            break;
          }
        }
      }
      List<Declarations.Attachment> attachments = name == null ? List.of() : attachmentsOf(declared, name);
      boolean sameRole = outsideFacts != null && outsideFacts.role() != null && name != null
          && name.equalsIgnoreCase(outsideFacts.role().name());
      if (declared == null && attachments.isEmpty()) {
        RoleFacts role = fromOutside("role", sameRole ? outsideFacts.role() : null,
            name == null ? "the role name is unknown" : "role " + name + " is not declared in the scanned files");
        if (role == null) unknownArea("rolePolicies", "role " + show(name) + " is not declared in the scanned files");
        else for (FactError e : outsideFacts.errors()) if (e.area().equals("rolePolicies")) errors.add(e);
        return role;
      }
      if (declared != null) {
        sources.put("role", declared.at());
        if (!declared.exists().isKnown()) {
          unknownArea("role", declared.exists().reason());
          unknownArea("rolePolicies", declared.exists().reason());
          return null;
        }
        if (!declared.exists().value()) {
          notes.add("role " + name + " is deleted by " + declared.at().primary().fileAndLine());
          return RoleFacts.missing(name);
        }
      } else {
        // Attaching a policy to a role presumes the role: it exists, its trust policy is elsewhere.
        if (sameRole) {
          for (FactError e : outsideFacts.errors()) if (e.area().equals("role")) errors.add(e);
        } else {
          unknownArea("role.trustPolicy", "role " + name + " is not declared in the scanned files, only policies"
              + " attached to it");
        }
      }
      RoleFacts base = declared == null && sameRole ? outsideFacts.role() : null;
      String account = accountId(base);
      Fact<String> arn = declared != null ? declared.arn() : Fact.known(base == null ? null : base.arn());
      if (!arn.isPresent() && account != null) arn = Fact.known(Policies.roleArn(account, name));
      if (!arn.isPresent()) {
        arn = Fact.unknown("the role's ARN holds the account id, which the scanned files do not give: pass"
            + " --account-id (or declare data \"alicloud_account\")");
      }
      String arnValue = value("role.arn", arn);
      JsonNode trust = declared != null ? value("role.trustPolicy", declared.trustPolicy())
          : base == null ? null : base.trustPolicy();
      String trustText = declared != null ? declared.trustText() : base == null ? null : base.trustPolicyText();
      List<RoleFacts.AttachedPolicy> policies;
      if (declared != null && declared.existedBefore() && base == null && attachments.isEmpty()) {
        // A role that exists already, with no attachment in the files: its policies are elsewhere, not none.
        policies = unknownPolicies(declared.at(), "role " + name + " exists before the scanned files are applied and"
            + " none of its policies are in them (--role-policy FILE, --live or --facts gives them)");
      } else {
        policies = policies(attachments, declared, base);
      }
      if (declared != null && declared.existedBefore() && (base == null) && !attachments.isEmpty()) {
        notes.add("role " + name + " exists before the scanned files are applied: policies attached to it outside"
            + " them are not seen (--live reads them)");
      }
      return new RoleFacts(name, true, arnValue, arnValue == null ? account : Policies.accountOf(arnValue), trust,
          trustText, policies);
    }

    /** The attachments to the role: by the reference a reader resolved, else by name. */
    List<Declarations.Attachment> attachmentsOf(Declarations.Role role, String name) {
      List<Declarations.Attachment> out = new ArrayList<>();
      for (Declarations.Attachment a : world.attachments) {
        boolean byKey = role != null && role.key().equals(a.roleKey());
        boolean byName = a.roleKey() == null || role == null
            ? a.roleName().isPresent() && a.roleName().value().equalsIgnoreCase(name) : false;
        if (byKey || byName) out.add(a);
        else if (a.roleKey() == null && !a.roleName().isKnown()) out.add(a);
      }
      return out;
    }

    /** The attached policies with their documents; null (and rolePolicies unknown) when one is not known. */
    List<RoleFacts.AttachedPolicy> policies(List<Declarations.Attachment> attachments, Declarations.Role role,
                                            RoleFacts outsideRole) {
      List<RoleFacts.AttachedPolicy> out = new ArrayList<>();
      SourceLocation first = null;
      for (Declarations.Attachment a : attachments) {
        if (first == null) first = a.at();
        if (a.roleKey() == null && !a.roleName().isKnown()) {
          return unknownPolicies(a.at(), "an attachment's role is not known: " + a.roleName().reason());
        }
        Declarations.Policy declared = policyOf(a);
        Fact<String> type = a.policyType();
        if (!type.isKnown() && declared != null) type = Fact.known("Custom");
        if (!a.policyName().isKnown() && declared == null) return unknownPolicies(a.at(), a.policyName().reason());
        String policyName = a.policyName().isKnown() ? a.policyName().value() : declared.name().value();
        if (!type.isKnown()) return unknownPolicies(a.at(), type.reason());
        boolean system = "System".equalsIgnoreCase(type.value());
        if (!system && declared != null) {
          if (!declared.document().isKnown()) return unknownPolicies(declared.at(), declared.document().reason());
          out.add(new RoleFacts.AttachedPolicy(policyName, "Custom", "v1", declared.document().value(),
              declared.documentText()));
          continue;
        }
        RoleFacts.AttachedPolicy known = outsidePolicy(policyName, system ? "System" : "Custom");
        if (known == null) {
          return unknownPolicies(a.at(), (system ? "the document of system policy " : "custom policy ") + policyName
              + (system ? " is not in the scanned files (--live or --facts reads it)"
                  : " is not declared in the scanned files"));
        }
        out.add(known);
      }
      if (outsideRole != null && outsideRole.attachedPolicies() != null) {
        for (RoleFacts.AttachedPolicy p : outsideRole.attachedPolicies()) {
          if (out.stream().noneMatch(o -> o.name().equals(p.name()))) out.add(p);
        }
      }
      sources.put("rolePolicies", first != null ? first : role != null ? role.at() : t.location());
      return out;
    }

    List<RoleFacts.AttachedPolicy> unknownPolicies(SourceLocation at, String reason) {
      unknownArea("rolePolicies", reason);
      sources.put("rolePolicies", at);
      return null;
    }

    Declarations.Policy policyOf(Declarations.Attachment a) {
      for (Declarations.Policy p : world.policies) if (p.key().equals(a.policyKey())) return p;
      if (!a.policyName().isPresent() || "System".equalsIgnoreCase(a.policyType().value())) return null;
      for (Declarations.Policy p : preferFile(world.policies, Declarations.Policy::at)) {
        if (p.name().isPresent() && p.name().value().equals(a.policyName().value())) return p;
      }
      return null;
    }

    /** A policy document of that name and type in the facts gathered elsewhere (system policies are the same everywhere). */
    RoleFacts.AttachedPolicy outsidePolicy(String name, String type) {
      if (outsideFacts == null || outsideFacts.role() == null || outsideFacts.role().attachedPolicies() == null) return null;
      for (RoleFacts.AttachedPolicy p : outsideFacts.role().attachedPolicies()) {
        if (p.name().equals(name) && type.equalsIgnoreCase(p.type()) && p.document() != null
            && (type.equals("System") || outsideFacts.role().name().equalsIgnoreCase(t.roleName().value()))) {
          return p;
        }
      }
      return null;
    }

    String accountId(RoleFacts outsideRole) {
      if (accountFlag.isPresent()) return accountFlag.value();
      for (Declarations.Account a : preferFile(world.accounts, Declarations.Account::at)) return a.id();
      if (outsideRole != null && outsideRole.accountId() != null) return outsideRole.accountId();
      if (outsideFacts != null && outsideFacts.role() != null) return Policies.accountOf(outsideFacts.role().arn());
      return null;
    }

    // ---------------------------------------------------------------- bucket

    Declarations.Bucket bucket() {
      for (Declarations.Bucket b : world.buckets) if (b.key().equals(t.bucketKey())) return b;
      if (!t.bucket().isPresent()) return null;
      for (Declarations.Bucket b : preferFile(world.buckets, Declarations.Bucket::at)) {
        if (b.name().isPresent() && b.name().value().equals(t.bucket().value())) return b;
      }
      return null;
    }

    BucketFacts bucket(Request request, Declarations.Bucket declared) {
      String name = request.ossBucket();
      List<Declarations.BucketSetting> settings = settingsOf(declared, name);
      boolean sameBucket = outsideFacts != null && outsideFacts.bucket() != null && name != null
          && name.equals(outsideFacts.bucket().name());
      if (declared == null && settings.isEmpty()) {
        String why = name == null ? "the bucket is not known" : "bucket " + name + " is not declared in the scanned files";
        BucketFacts bucket = fromOutside("bucket", sameBucket ? outsideFacts.bucket() : null, why);
        if (bucket == null) {
          unknownArea("bucketPolicy", why);
          unknownArea("bucketEncryption", why);
        } else {
          for (FactError e : outsideFacts.errors()) {
            if (e.area().equals("bucketPolicy") || e.area().equals("bucketEncryption")) errors.add(e);
          }
        }
        return bucket;
      }
      BucketFacts base = declared == null && sameBucket ? outsideFacts.bucket() : null;
      if (declared != null) {
        sources.put("bucket", declared.at());
        if (!declared.exists().isKnown()) {
          for (String area : List.of("bucket", "bucketPolicy", "bucketEncryption")) unknownArea(area, declared.exists().reason());
          return null;
        }
        if (!declared.exists().value()) return BucketFacts.missing(name);
      } else if (base == null) {
        // A setting of a bucket presumes the bucket: it exists; where, and its other settings, are elsewhere.
        unknownArea("bucket.regionId", "bucket " + show(name) + " is not declared in the scanned files, only settings of it");
      } else {
        for (FactError e : outsideFacts.errors()) if (e.area().equals("bucket")) errors.add(e);
      }
      String region = declared != null ? value("bucket.regionId", declared.regionId()) : base == null ? null : base.regionId();
      String location = region == null ? (base == null ? null : base.location()) : "oss-" + region;
      String acl = acl(declared, settings, base);
      JsonNode policy = null;
      String policyText = null;
      Declarations.BucketSetting policySetting = setting(settings, Declarations.Setting.POLICY);
      if (policySetting != null) {
        sources.put("bucketPolicy", policySetting.at());
        policy = (JsonNode) value("bucketPolicy", policySetting.destroyed() ? Fact.known(null) : policySetting.value());
        policyText = policySetting.destroyed() ? null : policySetting.text();
      } else if (declared != null) {
        policy = value("bucketPolicy", declared.policy());
        policyText = declared.policyText();
        if (declared.existedBefore()) {
          notes.add("bucket " + show(name) + " exists before the scanned files are applied: settings made outside them"
              + " are not seen (--live reads them)");
        }
      } else if (base != null) {
        policy = base.policy();
        policyText = base.policyText();
        for (FactError e : outsideFacts.errors()) if (e.area().equals("bucketPolicy")) errors.add(e);
      } else {
        unknownArea("bucketPolicy", "the policy of bucket " + show(name) + " is not in the scanned files");
      }
      BucketFacts.Encryption encryption;
      Declarations.BucketSetting sse = setting(settings, Declarations.Setting.ENCRYPTION);
      if (sse != null) {
        sources.put("bucketEncryption", sse.at());
        encryption = sse.destroyed() ? new BucketFacts.Encryption("none", null)
            : (BucketFacts.Encryption) value("bucketEncryption", sse.value());
      } else if (declared != null) {
        encryption = value("bucketEncryption", declared.encryption().orElse(new BucketFacts.Encryption("none", null)));
      } else if (base != null) {
        encryption = base.encryption();
        for (FactError e : outsideFacts.errors()) if (e.area().equals("bucketEncryption")) errors.add(e);
      } else {
        unknownArea("bucketEncryption", "the encryption of bucket " + show(name) + " is not in the scanned files");
        encryption = null;
      }
      String versioning = declared != null ? value("bucket.versioning", declared.versioning()) : base == null ? null : base.versioning();
      String storage = declared != null ? value("bucket.storageClass", declared.storageClass().orElse("Standard"))
          : base == null ? null : base.storageClass();
      return new BucketFacts(name, true, location, region, acl, storage, encryption, versioning, policy, policyText);
    }

    String acl(Declarations.Bucket declared, List<Declarations.BucketSetting> settings, BucketFacts base) {
      Declarations.BucketSetting s = setting(settings, Declarations.Setting.ACL);
      if (s != null) {
        sources.put("bucket.acl", s.at());
        return (String) value("bucket.acl", s.destroyed() ? Fact.known("private") : s.value());
      }
      if (declared != null) return value("bucket.acl", declared.acl().orElse("private"));
      if (base != null) return base.acl();
      unknownArea("bucket.acl", "the ACL of the bucket is not in the scanned files");
      return null;
    }

    /** Settings of the bucket: by resolved reference or by name; one whose bucket is unknown may be it. */
    List<Declarations.BucketSetting> settingsOf(Declarations.Bucket bucket, String name) {
      List<Declarations.BucketSetting> out = new ArrayList<>();
      for (Declarations.BucketSetting s : world.bucketSettings) {
        boolean byKey = bucket != null && bucket.key().equals(s.bucketKey());
        boolean byName = s.bucketKey() == null && name != null && s.bucketName().isPresent()
            && s.bucketName().value().equals(name);
        boolean maybe = s.bucketKey() == null && !s.bucketName().isKnown();
        if (byKey || byName || maybe) out.add(s);
      }
      return out;
    }

    /** The setting of a kind; several of one kind (or one whose bucket is unknown) make it unknown. */
    Declarations.BucketSetting setting(List<Declarations.BucketSetting> settings, Declarations.Setting kind) {
      Declarations.BucketSetting found = null;
      for (Declarations.BucketSetting s : settings) {
        if (s.setting() != kind) continue;
        if (!s.bucketName().isKnown() && s.bucketKey() == null) {
          return new Declarations.BucketSetting(kind, s.bucketName(), null,
              Fact.unknown("a " + kind.name().toLowerCase(Locale.ROOT) + " setting's bucket is not known: "
                  + s.bucketName().reason()), null, false, s.at());
        }
        if (found != null && !found.destroyed() && !s.destroyed()) {
          return new Declarations.BucketSetting(kind, s.bucketName(), null,
              Fact.unknown("two resources set the bucket's " + kind.name().toLowerCase(Locale.ROOT) + ": "
                  + found.at().address() + " and " + s.at().address()), null, false, s.at());
        }
        if (found == null || found.destroyed()) found = s;
      }
      return found;
    }

    /** Declarations of the target's own file first, then the others, each in order. */
    <D> List<D> preferFile(List<D> all, java.util.function.Function<D, SourceLocation> at) {
      if (t.file() == null) return all;
      List<D> out = new ArrayList<>(all.size());
      for (D d : all) if (t.file().equals(at.apply(d).file())) out.add(d);
      for (D d : all) if (!t.file().equals(at.apply(d).file())) out.add(d);
      return out;
    }
  }

  private static boolean same(String a, String b) { return a != null && a.equals(b); }

  private static String show(String s) { return s == null ? "(unknown)" : s; }

  /** Leaves an unknown fact out of the JSON (absent, never a misleading null or default). */
  private static void remove(ObjectNode json, String fact) {
    String path = switch (fact) {
      case "rolePolicies" -> "role.attachedPolicies";
      case "bucketPolicy" -> "bucket.policy";
      case "bucketEncryption" -> "bucket.encryption";
      case "snapshots" -> null;
      default -> fact;
    };
    if (path == null) return;
    int dot = path.indexOf('.');
    if (dot < 0) {
      json.remove(path);
      return;
    }
    if (json.get(path.substring(0, dot)) instanceof ObjectNode o) {
      o.remove(path.substring(dot + 1));
      if (path.equals("bucket.policy")) o.remove("policyText");
    }
  }
}
