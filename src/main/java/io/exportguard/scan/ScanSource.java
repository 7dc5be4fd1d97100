package io.exportguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.facts.FactsSource;
import io.exportguard.facts.Request;
import io.exportguard.facts.TargetRef;
import io.exportguard.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static scan's facts source: reads the plans, templates and policy files, and delivers one
 * facts document per export they declare (each {@code alicloud_image_export}, a
 * {@value TargetRef#PLAN_RESOURCE} target) plus, when request flags are given or nothing declares an
 * export, the request the flags describe (a {@value #REQUEST} target) checked against what the files
 * declare. Without flags or a declared export there is no request: the checks of the request's
 * arguments are skipped ({@link #NO_REQUEST}) rather than decided on ExportImage's defaults, while
 * what the files declare (the role, the bucket) is still checked. Every file is read, and every reference resolved, before anything is delivered: bad input
 * is reported from {@link #open}, before any cloud call.
 */
public final class ScanSource implements FactsSource {
  /** The kind of the target a scan's request flags describe. */
  public static final String REQUEST = "request";

  /** Why a scan with no export declared and no request flags has no request to decide. */
  public static final String NO_REQUEST = "no export request declared: declare an alicloud_image_export (ROS has no"
      + " export resource) or give --region, --image and --bucket (with --prefix, --format or --role where they are"
      + " not ExportImage's defaults)";

  /** The ExportImage request given on the command line; null fields were not given. */
  public record RequestFlags(String region, String image, String bucket, String prefix, String format, String role) {
    boolean any() {
      return region != null || image != null || bucket != null || prefix != null || format != null || role != null;
    }
  }

  /**
   * What to scan.
   *
   * @param paths files and folders
   * @param parameters a ROS parameters file ({@code {Name: value}} or {@code [{ParameterKey, ParameterValue}]}), or null
   * @param terraformDir the root module's folder for plans' {@code .tf} lines (default: each plan's folder), or null
   * @param accountId the account the resources are created in, or null
   */
  public record Options(List<Path> paths, List<Path> trustPolicies, List<Path> rolePolicies, List<Path> bucketPolicies,
                        Path parameters, Path terraformDir, RequestFlags request, String accountId) {
    public Options {
      paths = paths == null ? List.of() : List.copyOf(paths);
      trustPolicies = trustPolicies == null ? List.of() : List.copyOf(trustPolicies);
      rolePolicies = rolePolicies == null ? List.of() : List.copyOf(rolePolicies);
      bucketPolicies = bucketPolicies == null ? List.of() : List.copyOf(bucketPolicies);
    }
  }

  private final Declarations world;
  private final List<FactsAssembler.Target> targets;
  private final List<Report.Input> inputs;
  private final Options options;
  private FactsAssembler assembler;

  private ScanSource(Declarations world, List<FactsAssembler.Target> targets, List<Report.Input> inputs, Options options) {
    this.world = world;
    this.targets = targets;
    this.inputs = inputs;
    this.options = options;
  }

  /** Reads every input now; a file that cannot be read as what it is is a {@link ScanInputException}. */
  public static ScanSource open(Options o) throws ScanInputException {
    ScanInputs in = ScanInputs.discover(o.paths());
    RequestFlags flags = o.request() == null ? new RequestFlags(null, null, null, null, null, null) : o.request();
    Map<String, JsonNode> parameters = o.parameters() == null ? Map.of() : parameters(o.parameters());
    Fact<String> region = known(flags.region(), "no --region given");
    Fact<String> account = known(o.accountId(), "no --account-id given");
    String role = flags.role() == null ? Request.DEFAULT_ROLE : flags.role();
    Fact<String> bucket = known(flags.bucket(), "no --bucket given");

    Declarations world = new Declarations();
    List<Report.Input> inputs = new ArrayList<>();
    List<ScanInputs.Found> policies = new ArrayList<>();
    for (ScanInputs.Found f : in.found()) {
      switch (f.kind()) {
        case PLAN -> {
          Path root = o.terraformDir() != null ? o.terraformDir() : parent(f.path());
          Declarations d = TerraformReader.read(f.file(), new TerraformSources(root, root));
          world.addAll(d);
          inputs.add(new Report.Input(f.file().file(), f.kind().id, false, d.summary()));
        }
        case ROS -> {
          Declarations d = RosReader.read(f.file(), new RosReader.Context(parameters, region, account));
          world.addAll(d);
          inputs.add(new Report.Input(f.file().file(), f.kind().id, false, d.summary()));
        }
        case POLICY -> policies.add(f);
      }
    }
    if (bucket.reason() != null && world.exports.isEmpty() && world.buckets.size() == 1
        && world.buckets.get(0).name().isPresent()) {
      // A request with no --bucket is about the one bucket the files declare.
      bucket = world.buckets.get(0).name();
    }
    for (ScanInputs.Found f : policies) {
      PolicyFileReader.Kind kind = PolicyFileReader.classify(f.file().root());
      addPolicy(world, inputs, f.file(), kind, role, bucket, "found in a scanned folder");
    }
    for (Path p : o.trustPolicies()) addPolicy(world, inputs, policyFile(p), PolicyFileReader.Kind.TRUST, role, bucket, "--trust-policy");
    for (Path p : o.rolePolicies()) addPolicy(world, inputs, policyFile(p), PolicyFileReader.Kind.ROLE, role, bucket, "--role-policy");
    for (Path p : o.bucketPolicies()) addPolicy(world, inputs, policyFile(p), PolicyFileReader.Kind.BUCKET, role, bucket, "--bucket-policy");
    if (inputs.isEmpty()) {
      // Nothing understood: a pass of the request flags alone would claim a check of files never read.
      String shown = o.paths().isEmpty() ? "scan" : ScanInputs.show(o.paths().get(0));
      throw new ScanInputException(shown, "no Terraform plan JSON, ROS template or policy document found ("
          + in.ignored().size() + " files ignored" + (in.ignored().isEmpty() ? "" : ", e.g. " + in.ignored().get(0).path()
          + ": " + in.ignored().get(0).detail()) + ")");
    }
    inputs.addAll(in.ignored());

    List<FactsAssembler.Target> targets = new ArrayList<>();
    for (Declarations.Export e : world.exports) {
      targets.add(new FactsAssembler.Target(TargetRef.PLAN_RESOURCE, e.label(), e.at(), e.at().file(), e.regionId(),
          e.imageId(), e.imageKey(), e.bucket(), e.bucketKey(), e.prefix(), Fact.known(null), Fact.known(null), null));
    }
    if (targets.isEmpty() || flags.any()) {
      Fact<String> image = known(flags.image(), "no --image given: the image is outside the scan");
      String imageKey = null;
      if (flags.image() == null && world.exports.isEmpty() && world.images.size() == 1) {
        // A request with no --image is about the one image the files declare (a ROS CustomImage).
        imageKey = world.images.get(0).key();
        image = world.images.get(0).id();
      }
      targets.add(new FactsAssembler.Target(REQUEST, label(flags, bucket), null, null, region, image, imageKey, bucket, null,
          Fact.known(flags.prefix()), Fact.known(flags.format()), Fact.known(role), flags.any() ? null : NO_REQUEST));
    }
    return new ScanSource(world, targets, inputs, o);
  }

  private static void addPolicy(Declarations world, List<Report.Input> inputs, SourceFile file, PolicyFileReader.Kind kind,
                                String role, Fact<String> bucket, String how) {
    world.addAll(PolicyFileReader.read(file, kind, role, bucket));
    String of = kind == PolicyFileReader.Kind.BUCKET ? "bucket " + (bucket.isPresent() ? bucket.value() : "(no --bucket)")
        : "role " + role;
    inputs.add(new Report.Input(file.file(), kind.id, false, kind.id.replace('-', ' ') + " of " + of + " (" + how + ")"));
  }

  private static SourceFile policyFile(Path p) throws ScanInputException {
    SourceFile f = ScanInputs.parse(p);
    if (!PolicyFileReader.isPolicy(f.root())) {
      throw f.error(f.root(), "not a RAM or OSS policy document (an object with a Statement)");
    }
    return f;
  }

  /** The targets, once the outside facts are known: called by the runner before {@link #deliver}. */
  public ScanSource withOutside(FactsAssembler.Outside outside) {
    this.assembler = new FactsAssembler(world, known(options.accountId(), "no --account-id given"), outside);
    return this;
  }

  @Override
  public void deliver(Sink sink) {
    if (assembler == null) withOutside(null);
    for (FactsAssembler.Target t : targets) sink.target(assembler.assemble(t));
  }

  /** How many targets the scan decides. */
  public int targetCount() { return targets.size(); }

  /** What the scan read and left out, and what lies outside the files. */
  public Report.Scope scope(List<String> extraNotes) {
    Set<String> notes = new LinkedHashSet<>();
    if (inputs.stream().noneMatch(i -> !i.ignored())) notes.add("no file declares anything an export uses");
    notes.add("checks whose facts lie outside the scanned files (the live image, running tasks, values known only"
        + " after apply) are skipped and do not affect the verdict; --live or --facts FILE supplies them");
    if (targets.stream().anyMatch(t -> t.undeclared() != null)) {
      notes.add(NO_REQUEST + "; the checks of its arguments are skipped");
    }
    notes.addAll(extraNotes);
    if (assembler != null) notes.addAll(assembler.notes());
    return new Report.Scope("scan", subject(), Map.of(), null, inputs, new ArrayList<>(notes));
  }

  /** What the scan was about, for file names: the first path given (its last part), else the first policy file. */
  private String subject() {
    List<Path> named = new ArrayList<>(options.paths());
    named.addAll(options.trustPolicies());
    named.addAll(options.rolePolicies());
    named.addAll(options.bucketPolicies());
    Path first = named.isEmpty() ? null : named.get(0).toAbsolutePath().normalize().getFileName();
    return first == null ? "files" : first.toString();
  }

  private static String label(RequestFlags f, Fact<String> bucket) {
    return (f.region() == null ? "?" : f.region()) + "/" + (f.image() == null ? "?" : f.image()) + " -> oss://"
        + (bucket.isPresent() ? bucket.value() : "?") + "/" + (f.prefix() == null ? "" : f.prefix());
  }

  private static Fact<String> known(String v, String why) {
    return v == null ? Fact.unknown(why) : Fact.known(v);
  }

  private static Path parent(Path p) {
    Path parent = p.getParent();
    return parent == null ? Path.of(".") : parent;
  }

  /** A ROS parameters file: a map of names to values, or the list form {@code [{ParameterKey, ParameterValue}]}. */
  static Map<String, JsonNode> parameters(Path p) throws ScanInputException {
    SourceFile f = ScanInputs.parse(p);
    JsonNode root = f.root();
    Map<String, JsonNode> out = new HashMap<>();
    if (root.isArray()) {
      for (JsonNode e : root) {
        if (!e.path("ParameterKey").isTextual() || !e.has("ParameterValue")) {
          throw f.error(e, "a parameter needs ParameterKey and ParameterValue");
        }
        out.put(e.get("ParameterKey").asText(), e.get("ParameterValue"));
      }
      return out;
    }
    if (!root.isObject()) throw f.error(root, "parameters must be a map of names to values");
    JsonNode values = root.has("Parameters") && root.get("Parameters").isObject() ? root.get("Parameters") : root;
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
